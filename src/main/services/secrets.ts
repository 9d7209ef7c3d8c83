// Remembered secrets (a mailbox password the technician asked to keep): encrypted by an injected cipher
// (Electron safeStorage in the app), stored as ciphertext only, and refused outright when the cipher would
// merely obfuscate (Linux basic_text). Plaintext never touches disk or logs.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fail, ok, type Result, type SecretStorageInfo } from '../../shared/ipc';

export interface SecretCipher {
  status(): SecretStorageInfo;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

/** Secrets kept at most (bounds the vault file). */
export const MAX_REMEMBERED_SECRETS = 50;

interface VaultFile {
  version: 1;
  entries: Record<string, string>; // key → base64 ciphertext
}

export interface SecretVault {
  remember(key: string, secret: string): Promise<Result<null>>;
  recall(key: string): Promise<Result<string | null>>;
  forget(key: string): Promise<Result<null>>;
}

export function createSecretVault(file: string, cipher: SecretCipher): SecretVault {
  let queue: Promise<unknown> = Promise.resolve();
  // Serialise file access: two remembers at once must not lose one.
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  async function load(): Promise<VaultFile> {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<VaultFile>;
      if (parsed.version === 1 && parsed.entries && typeof parsed.entries === 'object')
        return parsed as VaultFile;
    } catch {
      // missing or unreadable: start empty (a corrupt vault only loses remembered passwords)
    }
    return { version: 1, entries: {} };
  }
  async function save(vault: VaultFile): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(vault), { mode: 0o600 });
    await rename(tmp, file);
  }
  const refusal = (): Result<never> | null => {
    const s = cipher.status();
    if (s.available && s.encrypted) return null;
    return fail(
      'insecure-backend',
      s.backend === 'basic_text'
        ? 'This system only offers obfuscation (basic_text), not encryption: the password is not remembered.'
        : 'No secure storage is available on this system: the password is not remembered.',
    );
  };

  return {
    remember: (key, secret) =>
      serial(async () => {
        const refused = refusal();
        if (refused) return refused;
        const vault = await load();
        if (!(key in vault.entries) && Object.keys(vault.entries).length >= MAX_REMEMBERED_SECRETS) {
          return fail(
            'busy',
            `At most ${MAX_REMEMBERED_SECRETS} passwords are remembered; forget one first.`,
          );
        }
        vault.entries[key] = cipher.encrypt(secret).toString('base64');
        await save(vault);
        return ok(null);
      }),
    recall: (key) =>
      serial(async () => {
        const refused = refusal();
        if (refused) return refused;
        const stored = (await load()).entries[key];
        if (stored === undefined) return ok(null);
        try {
          return ok(cipher.decrypt(Buffer.from(stored, 'base64')));
        } catch {
          return fail('not-found', 'The remembered password can no longer be decrypted; enter it again.');
        }
      }),
    forget: (key) =>
      serial(async () => {
        const vault = await load();
        if (key in vault.entries) {
          delete vault.entries[key];
          await save(vault);
        }
        return ok(null);
      }),
  };
}

/** AES-256-GCM with a key that lives only in this process (the e2e bridge and tests: real encryption, no OS). */
export function createEphemeralCipher(): SecretCipher {
  const key = randomBytes(32);
  return {
    status: () => ({ available: true, backend: 'ephemeral-aes', encrypted: true }),
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

/** A cipher that refuses (no backend, or Linux basic_text): remember/recall answer insecure-backend. */
export function refusingCipher(backend: string): SecretCipher {
  const no = (): never => {
    throw new Error('secret storage unavailable');
  };
  return { status: () => ({ available: false, backend, encrypted: false }), encrypt: no, decrypt: no };
}
