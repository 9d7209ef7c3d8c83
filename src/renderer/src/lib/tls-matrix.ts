// The TLS matrix of a diagnosis (what the server accepted per version / key exchange) against what the
// device offers per its profile. The rows' shape is the check registry's TlsProbeRow (what the engine writes).
import { detailsOf, lookupCheckId, type TlsProbeResult } from '../../../shared/check-registry';
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

function deviceOffers(device: DeviceProfile | null, version: TlsVersion, kex: KeyExchange): boolean | null {
  if (!device) return null;
  if (device.maxTls === null) return false;
  if (TLS_VERSIONS.indexOf(version) > TLS_VERSIONS.indexOf(device.maxTls)) return false;
  if (kex === 'any' || version === '1.3') return true;
  return device.cipherFamily === 'any' || device.cipherFamily === kex;
}

const BOOL_OF_RESULT: Record<TlsProbeResult, boolean | null> = {
  accepted: true,
  rejected: false,
  'refused-after': false,
  stalled: false,
  unavailable: null,
  error: null,
};

/** The rows of every TLS matrix check (typed by the check registry; TlsProbeRow is the engine's own row type). */
export function tlsMatrix(diagnosis: Diagnosis): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const check of diagnosis.checks) {
    const details = detailsOf(check, 'tls.matrix');
    const ref = lookupCheckId(check.id);
    if (!details || !ref) continue;
    const endpoint = ref.scope ?? check.id;
    for (const item of details.rows ?? []) {
      const kex: KeyExchange = item.family;
      rows.push({
        endpoint,
        version: item.version,
        kex,
        server: BOOL_OF_RESULT[item.result] ?? null,
        device: deviceOffers(diagnosis.device, item.version, kex),
        detail: item.reason ?? item.cipher ?? '',
      });
    }
  }
  return rows;
}

/** Would this device get a TLS session on the endpoint: some row both sides accept. */
export function deviceGetsThrough(rows: readonly MatrixRow[]): boolean | null {
  if (rows.length === 0 || rows.every((r) => r.device === null)) return null;
  return rows.some((r) => r.server === true && r.device === true);
}
