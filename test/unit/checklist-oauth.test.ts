// The checklist's OAuth path per model: consent to the vendor's app or the customer's app registration,
// service principal + mailbox permission for app-only, where on the device and what goes in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../../src/shared/checklist';
import { parseProfileFile } from '../../src/shared/profiles';
import { resolveFromLoaded, type LoadedProfileFile } from '../../src/shared/profiles-resolve';

const DIR = join(import.meta.dirname, '..', '..', 'resources', 'printers');
const files: LoadedProfileFile[] = readdirSync(DIR)
  .filter((n) => n.endsWith('.json') && n !== 'schema.json')
  .map((n) => {
    const r = parseProfileFile(readFileSync(join(DIR, n), 'utf8'));
    if (!r.ok) throw new Error(n);
    return { path: n, origin: 'builtin' as const, profile: r.profile };
  });
const job = { mailbox: 'scan@contoso.com', domain: 'contoso.com' };
const ids = (modelId: string | undefined, auth: 'basic' | 'oauth', lang: 'ja' | 'en' = 'en') =>
  buildChecklist({
    model: modelId ? (resolveFromLoaded(files, modelId) ?? undefined) : undefined,
    method: 'submission',
    job,
    lang,
    auth,
  });

describe('checklist OAuth path', () => {
  it('replaces password and Security Defaults steps with consent and the device OAuth steps (Sharp BP, from Sharp manuals)', () => {
    const c = ids('sharp-bp', 'oauth');
    const stepIds = c.steps.map((s) => s.id);
    expect(stepIds).not.toContain('submission.password');
    expect(stepIds).not.toContain('submission.user');
    expect(stepIds).not.toContain('submission.security-defaults');
    expect(stepIds).toContain('submission.enable-smtp-auth');
    const dev = c.steps.find((s) => s.id === 'submission.oauth.device');
    expect(dev?.where).toContain('Service Settings');
    expect(dev?.value).toBe('OAuth 2.0');
    expect(dev?.confirmed).toBe(true);
    expect(dev?.note).toContain('[Get Token]');
    expect(new Set(stepIds).size).toBe(stepIds.length);
    expect(c.steps.map((s) => s.n)).toEqual(c.steps.map((_, i) => i + 1));
    // The basic path is unchanged.
    expect(ids('sharp-bp', 'basic').steps.map((s) => s.id)).toContain('submission.password');
  });

  it('a vendor app (Epson scanner): the admin consents for the organization, no app registration', () => {
    const c = ids('epson-scanner', 'oauth');
    const consent = c.steps.find((s) => s.id === 'submission.oauth.consent');
    expect(consent?.actor).toBe('admin');
    expect(consent?.adminMessage).toContain('https://outlook.office.com/SMTP.Send offline_access');
    expect(consent?.confirmed).toBe(true);
    expect(c.steps.some((s) => s.id === 'submission.oauth.app-registration')).toBe(false);
    expect(c.steps.find((s) => s.id === 'submission.oauth.device')?.where).toContain('Web Config');
  });

  it('app-only (Xerox ConnectKey): service principal and mailbox permission with the job mailbox, copyable', () => {
    const c = ids('xerox-altalink-versalink', 'oauth');
    const sp = c.steps.find((s) => s.id === 'submission.oauth.service-principal');
    const mp = c.steps.find((s) => s.id === 'submission.oauth.mailbox-permission');
    expect(sp?.value).toMatch(/^New-ServicePrincipal -AppId/);
    expect(mp?.value).toBe(
      'Add-MailboxPermission -Identity scan@contoso.com -User <service principal id> -AccessRights FullAccess',
    );
    expect(mp?.copyable).toBe(true);
    expect(c.steps.find((s) => s.id === 'submission.oauth.app-registration')?.adminMessage).toContain(
      'SMTP.SendAsApp',
    );
  });

  it('no profile or an unpublished Entra app: app registration marked "check on the device", in Japanese too', () => {
    const c = ids(undefined, 'oauth', 'ja');
    const reg = c.steps.find((s) => s.id === 'submission.oauth.app-registration');
    expect(reg?.confirmed).toBe(false);
    expect(reg?.note).toContain('実機で確認');
    expect(c.steps.find((s) => s.id === 'submission.oauth.device')?.confirmed).toBe(false);
    expect(c.steps.find((s) => s.id === 'submission.oauth.sign-in')?.note).toContain('AADSTS65001');
  });
});
