// reports:ticket-text (the Reports screen's copy button): the ticket as text, built and secret-scanned like an
// export, never written to disk; a session secret inside the report blocks it with a reason naming no secret.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createReportsService, folderExportTarget } from '../../../src/main/services/reports';
import type { SessionSecrets } from '../../../src/shared/secrets';
import { diagnosis } from '../renderer/reports-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'dmd-ticket-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reports ticketText', () => {
  it('returns the ticket in the chosen language and format, writes nothing, and is blocked by a session secret', async () => {
    let secrets: SessionSecrets[] = [];
    const svc = createReportsService({
      dir: join(dir, 'reports'),
      appVersion: 'test',
      exportTarget: folderExportTarget(join(dir, 'exports')),
      sessionSecrets: () => secrets,
    });
    const saved = await svc.addRun({
      job: { customer: 'Contoso', site: 'Osaka 2F', technician: 'Pa55-word-on-site' },
      diagnosis: diagnosis('fail', '2026-11-20T01:00:00.000Z'),
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const id = saved.value.id;

    const md = await svc.ticketText({ id, lang: 'en', ticketFormat: 'markdown' });
    const text = await svc.ticketText({ id, lang: 'ja', ticketFormat: 'text' });
    expect(md.ok && md.value).toContain('`AUTH_FAILED`');
    expect(md.ok && md.value).toContain('Osaka 2F');
    expect(text.ok && text.value).toContain('AUTH_FAILED');
    expect(text.ok && md.ok && text.value !== md.value).toBe(true);
    expect(readdirSync(dir)).toEqual(['reports']);

    // A secret used in this session appears in the report: the ticket text is refused, the reason names no secret.
    secrets = [{ user: 'scanner@contoso.com', password: 'Pa55-word-on-site' }];
    const blocked = await svc.ticketText({ id, lang: 'en', ticketFormat: 'text' });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) {
      expect(blocked.error.code).toBe('secret-detected');
      expect(blocked.error.message).not.toContain('Pa55-word-on-site');
    }
    expect((await svc.ticketText({ id: 'no-such-report', lang: 'en', ticketFormat: 'text' })).ok).toBe(false);
  });
});
