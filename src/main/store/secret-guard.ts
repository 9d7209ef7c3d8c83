// Last gate before anything leaves memory: every text about to be written (report JSON, HTML, ticket, zip
// entries) is scanned for every form (plain, escaped, base64, AUTH PLAIN, XOAUTH2) of every secret used in the
// session. A hit blocks the write with a reason that never names or hints at the secret itself.
import { findSecret, secretForms, type SessionSecrets } from '../../shared/secrets';
import { StoreError } from './store-error';

/** Every scanned form of every session secret, longest first. */
export function formsOf(secrets: readonly SessionSecrets[]): string[] {
  const all = new Set<string>();
  for (const s of secrets) for (const f of secretForms(s)) all.add(f);
  return [...all].sort((a, b) => b.length - a.length);
}

/** Throws StoreError('secret') when any of `texts` holds a secret form. `what` names the output, e.g. "PDF export". */
export function assertNoSecrets(
  what: string,
  texts: Iterable<string>,
  secrets: readonly SessionSecrets[],
): void {
  const forms = formsOf(secrets);
  if (forms.length === 0) return;
  for (const text of texts) {
    if (findSecret(text, forms) !== null) {
      throw new StoreError(
        'secret',
        `${what} blocked: it would contain a password or token used in this session (in plain or encoded form). Nothing was written.`,
      );
    }
  }
}

/** Every string inside a JSON-like value (keys too): scanned raw, before any escaping could disguise a secret. */
export function stringLeaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringLeaves(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringLeaves(v, out);
    }
  }
  return out;
}
