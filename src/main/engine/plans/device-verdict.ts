// Would THIS device get through? From the TLS matrix (and, when the device's exact cipher list is known, a probe
// with that list): its highest TLS version and its TLS 1.2 key-exchange family against what the server accepts.
import type { DeviceProfile, FindingRef, TlsVersion } from '../../../shared/model';
import { TLS_VERSIONS } from '../../../shared/model';
import type { CheckOutcome } from '../checks/check-runner';
import { classify } from '../../../shared/findings/classify';
import type { ProbeDef, ProbeRow } from '../checks/tls-probe';

const rank = (v: TlsVersion) => TLS_VERSIONS.indexOf(v);

/** The probe that mimics a device whose exact OpenSSL cipher list is known. */
export function deviceProbe(device: DeviceProfile): ProbeDef | null {
  if (!device.ciphers || device.maxTls === null) return null;
  return {
    id: 'device',
    version: device.maxTls,
    minVersion: '1.0',
    family: 'any',
    ciphers: `${device.ciphers}:@SECLEVEL=0`,
  };
}

/** Matrix rows this device could negotiate. */
export function rowsForDevice(device: DeviceProfile, rows: readonly ProbeRow[]): ProbeRow[] {
  const max = device.maxTls;
  if (max === null) return [];
  return rows.filter((r) => {
    if (r.id === 'device') return false;
    if (rank(r.version) > rank(max)) return false;
    if (r.version === '1.2' && device.cipherFamily !== 'any') return r.family === device.cipherFamily;
    return true;
  });
}

export function deviceVerdict(
  device: DeviceProfile | null,
  rows: readonly ProbeRow[],
  opts: { tlsRequired: boolean; host: string },
): CheckOutcome {
  if (!device)
    return {
      status: 'skip',
      details: { skip: { id: 'no-device-profile' } },
    };
  const details: Record<string, unknown> = {
    device: device.id,
    maxTls: device.maxTls,
    cipherFamily: device.cipherFamily,
  };
  if (device.maxTls === null) {
    if (!opts.tlsRequired)
      return {
        status: 'pass',
        details: { ...details, note: 'the device sends without TLS; this endpoint accepts that' },
      };
    return {
      status: 'fail',
      findings: [{ code: 'TLS_VERSION_UNSUPPORTED', params: { version: 'none' }, predicted: true }],
      details,
    };
  }
  // The exact-cipher probe decides only when it reached the server (our TLS library may not know the list).
  const exact = rows.find((r) => r.id === 'device' && r.result !== 'error' && r.result !== 'unavailable');
  const usable = rowsForDevice(device, rows);
  details.considered = usable.map((r) => `${r.id}: ${r.result}`);
  const decided = exact ? [exact] : usable.filter((r) => r.result !== 'error' && r.result !== 'unavailable');
  if (decided.length === 0) {
    if (!rows.some((r) => r.result !== 'error' && r.result !== 'unavailable'))
      return { status: 'skip', details: { ...details, skip: { id: 'needs-check', check: 'tls.matrix' } } };
    // Every row the device could use was out of reach for our own TLS library; say so rather than guess.
    if (usable.length > 0)
      return {
        status: 'warn',
        details: { ...details, note: "could not test the device's TLS settings from this computer" },
      };
  }
  const accepted = decided.filter((r) => r.result === 'accepted');
  if (accepted.length > 0) return { status: 'pass', details: { ...details, via: accepted.map((r) => r.id) } };
  if (!opts.tlsRequired && !exact) {
    // Direct Send / relay: TLS is optional, so a device that cannot negotiate can still send in clear (warn).
    return { status: 'warn', findings: findingFor(device, rows, true), details };
  }
  return { status: 'fail', findings: findingFor(device, rows, true), details };
}

function findingFor(device: DeviceProfile, rows: readonly ProbeRow[], predicted: boolean): FindingRef[] {
  const max = device.maxTls ?? '1.0';
  const acceptedAtOrBelow = rows.filter(
    (r) => r.result === 'accepted' && r.id !== 'device' && rank(r.version) <= rank(max),
  );
  const summary = rows.map((r) => `${r.id}: ${r.result}${r.reason ? ` (${r.reason})` : ''}`);
  if (acceptedAtOrBelow.length > 0) {
    const evidence = summary;
    // The version fits; the key exchange does not (e.g. an RSA-only TLS 1.2 stack against ECDHE-only Exchange).
    const reason = `device offers ${device.ciphers ?? device.cipherFamily.toUpperCase()} key exchange; server accepts ${acceptedAtOrBelow.map((r) => r.id).join(', ')}`;
    return [{ code: 'TLS_CIPHER_MISMATCH', params: { reason }, evidence, predicted }];
  }
  return [
    {
      code: 'TLS_VERSION_UNSUPPORTED',
      params: { version: max },
      evidence: [...versionRefusals(rows, max), ...summary],
      predicted,
    },
  ];
}

/**
 * The server's own words, first: Exchange Online completes a TLS 1.0/1.1 handshake and then answers
 * `421 4.7.66 TLS 1.0 and 1.1 are not supported...` — the replies after a handshake the device could make.
 */
function versionRefusals(rows: readonly ProbeRow[], max: TlsVersion): string[] {
  const lines = rows
    .filter(
      (r) =>
        r.result === 'refused-after' &&
        r.reason !== null &&
        (r.id === 'device' || rank(r.version) <= rank(max)),
    )
    .map((r) => r.reason ?? '')
    .filter((line) => classify({ reply: line }).some((f) => f.code === 'TLS_VERSION_UNSUPPORTED'));
  return [...new Set(lines)];
}

/**
 * Would THIS device sign in? Its AUTH mechanisms (plus XOAUTH2 when it does OAuth) against what the server offered
 * after STARTTLS, and its TLS mode (STARTTLS vs implicit "SSL") against the STARTTLS-only endpoint.
 */
export function deviceAuthVerdict(
  device: DeviceProfile | null,
  offered: readonly string[] | null,
): CheckOutcome {
  if (!device)
    return {
      status: 'skip',
      details: { skip: { id: 'no-device-profile' } },
    };
  const details: Record<string, unknown> = {
    device: device.id,
    deviceMechanisms: device.authMechanisms,
    oauth: device.oauth,
    serverMechanisms: offered,
  };
  const findings: FindingRef[] = [];
  if (!device.starttls) {
    const reason = device.implicitTls
      ? 'the device only does implicit TLS ("SSL", port 465); Exchange Online needs STARTTLS on 587'
      : 'the device does not do STARTTLS';
    findings.push({ code: 'TLS_MODE_MISMATCH', params: { reason }, evidence: [reason], predicted: true });
  }
  if (offered === null) {
    if (findings.length) return { status: 'fail', findings, details };
    return {
      status: 'skip',
      details: { ...details, skip: { id: 'needs-check', check: 'smtp.starttls' } },
    };
  }
  const usable = [...device.authMechanisms, ...(device.oauth ? ['XOAUTH2'] : [])].filter((m) =>
    offered.includes(m),
  );
  details.usable = usable;
  if (usable.length === 0) {
    const reply = `device offers ${device.authMechanisms.join(' ') || 'no AUTH'}; server offers ${offered.join(' ') || 'none'}`;
    findings.push({
      code: 'AUTH_MECHANISM_UNSUPPORTED',
      params: { reply },
      evidence: [reply],
      predicted: true,
    });
  }
  return { status: findings.length ? 'fail' : 'pass', findings, details };
}
