// Which of the advisor's questions would change its answer (pure). The method screen asks only these, one at a
// time: a question matters when some answer to it changes the recommended method or which methods are possible.
// The advisor (src/shared/methods.ts) stays the one source: this module only runs it with each possible answer.
import { adviseMethods, type Advice, type AdvisorInput } from './methods';

/** The advisor inputs a technician can answer on site (device capabilities come from the profile instead). */
export type AdvisorQuestion =
  'recipients' | 'tenantSmtpAuth' | 'securityDefaults' | 'rejectDirectSend' | 'staticIp';

const ALTERNATIVES: { [K in AdvisorQuestion]: readonly AdvisorInput[K][] } = {
  recipients: ['internal', 'external'],
  tenantSmtpAuth: ['enabled', 'disabled', 'unknown'],
  securityDefaults: ['on', 'off', 'unknown'],
  rejectDirectSend: ['on', 'off', 'unknown'],
  staticIp: [true, false],
};

/** What the technician acts on: the method to use and the set of methods that can work at all. */
function outcome(a: Advice): string {
  const viable = a.methods
    .filter((m) => m.viable)
    .map((m) => m.method)
    .sort();
  return `${a.recommended ?? '-'}|${viable.join(',')}`;
}

/** True when answering `q` differently could change the recommendation or which methods are possible. */
export function questionMatters(input: AdvisorInput, q: AdvisorQuestion): boolean {
  const seen = new Set<string>();
  for (const value of ALTERNATIVES[q]) {
    // A typed static IP is one answer among "yes": try the plain yes/no instead.
    seen.add(outcome(adviseMethods({ ...input, [q]: value })));
    if (seen.size > 1) return true;
  }
  return false;
}
