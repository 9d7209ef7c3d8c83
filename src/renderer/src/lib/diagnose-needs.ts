// What the diagnose form shows and requires for the chosen method and sign-in (pure: unit-tested). Only the
// fields the method uses are shown; the required ones are checked before a run so nothing starts doomed.
import type { Method } from '../../../shared/model';
import type { AuthChoice, Job } from '../store/types';

/** Form fields by their `name` attribute (the same names the tests and the focus logic use). */
export type FormField =
  | 'server'
  | 'mxHost'
  | 'domain'
  | 'user'
  | 'password'
  | 'oauth'
  | 'from'
  | 'internalRecipient'
  | 'externalRecipient'
  | 'expectedIp'
  | 'bind';

/** The fields a method uses, in form order. 'auto' tries all three methods, so it shows everything. */
export function fieldsFor(method: Method | null, auth: AuthChoice): FormField[] {
  const signIn: FormField[] = auth === 'oauth' ? ['user', 'oauth'] : ['user', 'password'];
  switch (method) {
    case 'submission':
      return ['server', ...signIn, 'from', 'internalRecipient', 'externalRecipient', 'bind'];
    case 'direct-send':
      // Direct Send reaches internal recipients only: no external recipient to ask for.
      return ['server', 'mxHost', 'domain', 'from', 'internalRecipient', 'bind'];
    case 'relay':
      return [
        'server',
        'mxHost',
        'domain',
        'from',
        'internalRecipient',
        'externalRecipient',
        'expectedIp',
        'bind',
      ];
    default:
      return [
        'server',
        'mxHost',
        'domain',
        ...signIn,
        'from',
        'internalRecipient',
        'externalRecipient',
        'expectedIp',
        'bind',
      ];
  }
}

export interface NeedsInput {
  job: Job;
  auth: AuthChoice;
  password: string;
  oauthToken: string;
  /** The practice lab brings its own tenant, mailbox, password and recipients. */
  practice: boolean;
}

const empty = (s: string) => s.trim() === '';

/** Required fields still empty, first to fill first; [] = ready to run. */
export function missingFields({ job, auth, password, oauthToken, practice }: NeedsInput): FormField[] {
  // The lab has no token to lend: OAuth practice needs the device code sign-in too.
  if (practice) return job.method === 'submission' && auth === 'oauth' && oauthToken === '' ? ['oauth'] : [];
  if (job.method === null) return [];
  const missing: FormField[] = [];
  if (job.method === 'submission') {
    if (empty(job.mailbox)) missing.push('user');
    // Never trimmed: spaces may be part of a password.
    if (auth === 'basic' && password === '') missing.push('password');
    if (auth === 'oauth' && oauthToken === '') missing.push('oauth');
  } else {
    // The MX host comes from the domain's MX record: one of the two is needed to know where to connect.
    if (empty(job.domain) && empty(job.mxHost)) missing.push('domain');
    if (empty(job.fromAddress) && empty(job.mailbox)) missing.push('from');
  }
  // The envelope checks need a recipient to ask about (internal first: every method can deliver there).
  if (empty(job.internalRecipient) && (job.method === 'direct-send' || empty(job.externalRecipient)))
    missing.push('internalRecipient');
  return missing;
}
