// Electron safeStorage behind the SecretCipher interface. Linux's basic_text backend only obfuscates with a
// hard-coded key, so it counts as "not encrypted" and remembering is refused (docs/security.md).
import { safeStorage } from 'electron';
import type { SecretStorageInfo } from '../../shared/ipc';
import type { SecretCipher } from '../services/secrets';

/** Linux backends that really encrypt (keyrings); everything else on Linux is refused. */
const LINUX_ENCRYPTING_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

export function safeStorageStatus(platform: NodeJS.Platform = process.platform): SecretStorageInfo {
  const available = safeStorage.isEncryptionAvailable();
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    const encrypted = available && LINUX_ENCRYPTING_BACKENDS.has(backend);
    return { available: encrypted, backend, encrypted };
  }
  const backend = platform === 'win32' ? 'dpapi' : platform === 'darwin' ? 'keychain' : 'unknown';
  return { available, backend, encrypted: available };
}

export function safeStorageCipher(): SecretCipher {
  return {
    status: () => safeStorageStatus(),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}
