// A small hand-written validator kit for the shapes on `diagnose`'s path (request-check.ts), so the CLI can check a
// request before its first packet without loading zod (~120 ms of start-up). It follows zod 4's rules for the
// few forms the DiagnoseRequest schema uses — keys read with `in` and `[]` (inherited ones count, unknown ones are
// dropped), optional keys kept when present even as undefined, defaults for undefined, arrays' size checked before
// their items, strings' and numbers' checks in order after the type — and words its issues the way zod does.
// request-check.test.ts runs both over the same valid, invalid and hostile requests and asserts the same result.

export type IssuePath = (string | number)[];
export interface Issue {
  path: IssuePath;
  message: string;
}

/** Returned by a check that failed (its issues are already recorded). */
export const BAD: unique symbol = Symbol('bad');
export type Check<T> = (input: unknown, path: IssuePath, issues: Issue[]) => T | typeof BAD;

/** How a key of an object is treated: required, optional (may be absent), or defaulted (absent/undefined → default). */
export interface Field<T, K extends 'required' | 'optional' | 'defaulted'> {
  kind: K;
  check: Check<T>;
  fallback?: () => T;
}
type AnyField = Field<unknown, 'required' | 'optional' | 'defaulted'>;
export type Shape = Record<string, AnyField>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type FieldValue<F> = F extends Field<infer T, 'required' | 'optional' | 'defaulted'> ? T : never;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K]['kind'] extends 'optional' ? K : never }[keyof S];
/** The object a shape produces (the same form as zod's `z.infer` of the matching z.object). */
export type Infer<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: FieldValue<S[K]> } & {
    [K in OptionalKeys<S>]?: FieldValue<S[K]> | undefined;
  }
>;

export const required = <T>(check: Check<T>): Field<T, 'required'> => ({ kind: 'required', check });
export const optional = <T>(check: Check<T>): Field<T, 'optional'> => ({ kind: 'optional', check });
export const defaulted = <T>(check: Check<T>, fallback: () => T): Field<T, 'defaulted'> => ({
  kind: 'defaulted',
  check,
  fallback,
});

/** zod's name for what it received (util.parsedType + the English locale's wording). */
function received(input: unknown): string {
  if (typeof input === 'number')
    return Number.isNaN(input) ? 'NaN' : Number.isFinite(input) ? 'number' : String(input);
  if (typeof input !== 'object') return typeof input;
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  const ctor: unknown =
    Object.getPrototypeOf(input) !== Object.prototype && 'constructor' in input
      ? input.constructor
      : undefined;
  const name: unknown = typeof ctor === 'function' ? ctor.name : undefined;
  return typeof name === 'string' ? name : 'object';
}

const typeIssue = (issues: Issue[], path: IssuePath, expected: string, input: unknown): typeof BAD => {
  issues.push({ path, message: `Invalid input: expected ${expected}, received ${received(input)}` });
  return BAD;
};

export interface StringRules {
  min?: number;
  max?: number;
  /** A pattern the whole string must match, and the message when it does not. */
  pattern?: { re: RegExp; message: string };
  /** A rule zod states as a refine, and its message. */
  refine?: { ok: (s: string) => boolean; message: string };
}

export function str(rules: StringRules = {}): Check<string> {
  return (input, path, issues) => {
    if (typeof input !== 'string') return typeIssue(issues, path, 'string', input);
    const before = issues.length;
    if (rules.min !== undefined && input.length < rules.min)
      issues.push({ path, message: `Too small: expected string to have >=${rules.min} characters` });
    if (rules.max !== undefined && input.length > rules.max)
      issues.push({ path, message: `Too big: expected string to have <=${rules.max} characters` });
    if (rules.pattern && !rules.pattern.re.test(input)) issues.push({ path, message: rules.pattern.message });
    if (rules.refine && !rules.refine.ok(input)) issues.push({ path, message: rules.refine.message });
    return issues.length === before ? input : BAD;
  };
}

export interface IntRules {
  min?: number;
  max?: number;
  /** > 0 (zod's .positive(), stated before max). */
  positive?: boolean;
}

/** z.number().int() with its bounds: finite, whole, within the safe range, then min / positive / max. */
export function int(rules: IntRules = {}): Check<number> {
  return (input, path, issues) => {
    if (typeof input !== 'number' || !Number.isFinite(input)) return typeIssue(issues, path, 'number', input);
    if (!Number.isInteger(input)) return typeIssue(issues, path, 'int', input);
    const before = issues.length;
    if (input > Number.MAX_SAFE_INTEGER)
      issues.push({ path, message: `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}` });
    else if (input < Number.MIN_SAFE_INTEGER)
      issues.push({ path, message: `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}` });
    if (rules.min !== undefined && input < rules.min)
      issues.push({ path, message: `Too small: expected number to be >=${rules.min}` });
    if (rules.positive && input <= 0) issues.push({ path, message: 'Too small: expected number to be >0' });
    if (rules.max !== undefined && input > rules.max)
      issues.push({ path, message: `Too big: expected number to be <=${rules.max}` });
    return issues.length === before ? input : BAD;
  };
}

export const bool: Check<boolean> = (input, path, issues) =>
  typeof input === 'boolean' ? input : typeIssue(issues, path, 'boolean', input);

/** One of a fixed list of strings (z.enum). */
export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return (input, path, issues) => {
    const hit = values.find((v) => v === input);
    if (hit !== undefined) return hit;
    issues.push({
      path,
      message: `Invalid option: expected one of ${values.map((v) => `"${v}"`).join('|')}`,
    });
    return BAD;
  };
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (input, path, issues) => (input === null ? null : check(input, path, issues));
}

/** An array of at most `max` items: the size is checked first (an over-long array's items are not looked at). */
export function arrayOf<T>(item: Check<T>, max: number): Check<T[]> {
  return (input, path, issues) => {
    if (!Array.isArray(input)) return typeIssue(issues, path, 'array', input);
    if (input.length > max) {
      issues.push({ path, message: `Too big: expected array to have <=${max} items` });
      return BAD;
    }
    const out: T[] = [];
    let ok = true;
    for (let i = 0; i < input.length; i += 1) {
      const v = item(input[i], [...path, i], issues);
      if (v === BAD) ok = false;
      else out.push(v);
    }
    return ok ? out : BAD;
  };
}

/** An object with exactly the shape's keys in the result (others dropped), in the shape's order. */
export function object<S extends Shape>(shape: S): Check<Infer<S>> {
  return (input, path, issues) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return typeIssue(issues, path, 'object', input);
    const from = input as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const [key, field] of Object.entries(shape)) {
      const present = key in from;
      const value = from[key];
      if (field.kind === 'optional' && value === undefined) {
        if (present) out[key] = undefined;
        continue;
      }
      if (field.kind === 'defaulted' && value === undefined) {
        out[key] = field.fallback?.();
        continue;
      }
      const v = field.check(value, [...path, key], issues);
      if (v === BAD) ok = false;
      else out[key] = v;
    }
    return ok ? (out as Infer<S>) : BAD;
  };
}

/** Runs a check at the top level: the value, or every issue found. */
export function run<T>(
  check: Check<T>,
  input: unknown,
): { ok: true; value: T } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const value = check(input, [], issues);
  return value === BAD || issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}
