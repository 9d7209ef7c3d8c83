// Remembered passwords: real encryption or refusal; the vault file never holds the secret in any form.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secretForms } from '../../../src/shared/secrets';
import {
  createEphemeralCipher,
  createSecretVault,
  refusingCipher,
  MAX_REMEMBERED_SECRETS,
} from '../../../src/main/services/secrets';

const dir = mkdtempSync(join(tmpdir(), 'dmd-vault-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secret vault', () => {
  it('round-trips through real encryption and stores no form of the secret', async () => {
    const file = join(dir, 'a.json');
    const vault = createSecretVault(file, createEphemeralCipher());
    const password = 'Kyocera-Scan#2026';
    expect(await vault.remember('scan@contoso.com', password)).toEqual({ ok: true, value: null });
    expect(await vault.recall('scan@contoso.com')).toEqual({ ok: true, value: password });
    const onDisk = readFileSync(file, 'utf8');
    for (const form of secretForms({ user: 'scan@contoso.com', password }))
      expect(onDisk).not.toContain(form);
    expect(await vault.forget('scan@contoso.com')).toEqual({ ok: true, value: null });
    expect(await vault.recall('scan@contoso.com')).toEqual({ ok: true, value: null });
  });

  it('refuses to remember or recall on basic_text, saying why', async () => {
    const vault = createSecretVault(join(dir, 'b.json'), refusingCipher('basic_text'));
    const r = await vault.remember('k', 'secret');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('insecure-backend');
      expect(r.error.message).toContain('basic_text');
    }
    expect((await vault.recall('k')).ok).toBe(false);
  });

  it('keeps concurrent remembers (writes are serialised)', async () => {
    const vault = createSecretVault(join(dir, 'c.json'), createEphemeralCipher());
    await Promise.all(Array.from({ length: 10 }, (_, i) => vault.remember(`k${i}`, `secret-${i}`)));
    for (let i = 0; i < 10; i++)
      expect(await vault.recall(`k${i}`)).toEqual({ ok: true, value: `secret-${i}` });
  });

  it('bounds how many secrets are kept', async () => {
    const vault = createSecretVault(join(dir, 'd.json'), createEphemeralCipher());
    for (let i = 0; i < MAX_REMEMBERED_SECRETS; i++)
      expect((await vault.remember(`k${i}`, 'x-secret')).ok).toBe(true);
    const over = await vault.remember('one-more', 'x-secret');
    expect(over.ok).toBe(false);
    expect((await vault.remember('k0', 'replaced')).ok).toBe(true); // replacing an existing key is fine
  });

  it('treats a corrupt vault as empty and a foreign ciphertext as not-found, never throwing', async () => {
    const file = join(dir, 'e.json');
    writeFileSync(file, '{not json');
    const vault = createSecretVault(file, createEphemeralCipher());
    expect(await vault.recall('k')).toEqual({ ok: true, value: null });
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        entries: { k: Buffer.from('garbage-garbage-garbage-garbage').toString('base64') },
      }),
    );
    const r = await vault.recall('k');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not-found');
  });
});
