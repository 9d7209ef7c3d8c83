// The TLS matrix of a diagnosis (what the server accepted per version / key exchange) against what the
// device offers per its profile. Reads the engine's check details defensively: they are `unknown` in the model.
import { TLS_VERSIONS, type DeviceProfile, type Diagnosis, type TlsVersion } from '../../../shared/model';

export type KeyExchange = 'ecdhe' | 'rsa' | 'any';

export interface MatrixRow {
  endpoint: string;
  version: TlsVersion;
  kex: KeyExchange;
  /** null when the probe did not run or did not say. */
  server: boolean | null;
  device: boolean | null;
  /** Server text or error for this probe (shown escaped). */
  detail: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function boolOf(o: Record<string, unknown>): boolean | null {
  for (const k of ['ok', 'accepted', 'supported', 'success', 'negotiated']) if (typeof o[k] === 'boolean') return o[k];
  if (typeof o.status === 'string') return o.status === 'pass' || o.status === 'ok' || o.status === 'accepted';
  // The engine's ProbeRow.result: accepted | rejected | refused-after (handshake, then 421) | stalled | unavailable | error.
  if (typeof o.result === 'string') {
    if (['accepted', 'pass', 'ok'].includes(o.result)) return true;
    if (['rejected', 'refused-after', 'stalled', 'fail'].includes(o.result)) return false;
    return null;
  }
  return null;
}

function versionOf(v: unknown): TlsVersion | null {
  if (typeof v !== 'string') return null;
  const m = /(1\.[0-3])/.exec(v);
  return m && (TLS_VERSIONS as readonly string[]).includes(m[1] ?? '') ? (m[1] as TlsVersion) : null;
}

function kexOf(o: Record<string, unknown>): KeyExchange {
  const raw = [o.kex, o.keyExchange, o.cipherFamily, o.family, o.ciphers].find((x) => typeof x === 'string');
  if (typeof raw !== 'string') return 'any';
  const s = raw.toLowerCase();
  if (s.includes('ecdhe')) return 'ecdhe';
  if (s.includes('rsa')) return 'rsa';
  return 'any';
}

function deviceOffers(device: DeviceProfile | null, version: TlsVersion, kex: KeyExchange): boolean | null {
  if (!device) return null;
  if (device.maxTls === null) return false;
  if (TLS_VERSIONS.indexOf(version) > TLS_VERSIONS.indexOf(device.maxTls)) return false;
  if (kex === 'any' || version === '1.3') return true;
  return device.cipherFamily === 'any' || device.cipherFamily === kex;
}

/** Rows from every check whose details hold a list of per-version probe results. */
export function tlsMatrix(diagnosis: Diagnosis): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const check of diagnosis.checks) {
    if (!check.id.startsWith('tls')) continue;
    const endpoint = check.id.split('.')[1] ?? check.id;
    for (const value of Object.values(check.details)) {
      if (!Array.isArray(value)) continue;
      for (const item of value) {
        if (!isRecord(item)) continue;
        const version = versionOf(item.version ?? item.protocol);
        if (!version) continue;
        const kex = kexOf(item);
        const detail = [item.reason, item.error, item.reply, item.cipher, item.detail].find((x) => typeof x === 'string');
        rows.push({ endpoint, version, kex, server: boolOf(item), device: deviceOffers(diagnosis.device, version, kex), detail: typeof detail === 'string' ? detail : '' });
      }
    }
  }
  return rows;
}

/** Would this device get a TLS session on the endpoint: some row both sides accept. */
export function deviceGetsThrough(rows: readonly MatrixRow[]): boolean | null {
  if (rows.length === 0 || rows.every((r) => r.device === null)) return null;
  return rows.some((r) => r.server === true && r.device === true);
}
