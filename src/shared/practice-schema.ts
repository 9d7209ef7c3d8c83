// The schema of a run's practice mark (practice.ts has its type and texts, without zod; the two are held in step
// by the compiler below).
import { z } from 'zod';
import type { Practice } from './practice';

/** What marks a run as practice: the lab scenario it ran against (e.g. "wrong-password"). */
export const PracticeSchema = z.object({
  scenario: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lab scenario name'),
});

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** A compile error here: the schema and the Practice type in practice.ts differ. */
export const _practiceInStep: Same<z.infer<typeof PracticeSchema>, Practice> = true;
