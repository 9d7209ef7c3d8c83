// SNMP side of identify: one GET of the identity OIDs to one address, v2c first and v1 if v2c stays silent, with
// net-snmp (a maintained pure-JS SNMP stack). Short per-request timeouts and one retry each, an AbortSignal for
// the technician's Cancel, and a result that never throws and never holds the community.
import { isIPv6 } from 'node:net';
import snmp from 'net-snmp';
import { MAX_OBSERVED_CHARS, type SnmpProbe, type SnmpValueKey } from '../../shared/identify';
import { cleanObserved } from './text';

/** How long one SNMP request waits for its reply, in milliseconds (a LAN agent answers in well under 100 ms). */
export const SNMP_REQUEST_TIMEOUT_MS = 1200;
/** Resends of one request after a timeout (UDP may drop one datagram; more only prolongs a silent case). */
export const SNMP_RETRIES = 1;

/** The identity OIDs (MIB-II system group, Host Resources hrDeviceTable row 1, Printer-MIB prtGeneralTable row 1). */
export const SNMP_OIDS: Record<SnmpValueKey, string> = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  hrDeviceType: '1.3.6.1.2.1.25.3.2.1.2.1',
  hrDeviceDescr: '1.3.6.1.2.1.25.3.2.1.3.1',
  prtGeneralPrinterName: '1.3.6.1.2.1.43.5.1.1.16.1',
  prtGeneralSerialNumber: '1.3.6.1.2.1.43.5.1.1.17.1',
};
/** hrDeviceType value for a printer (HOST-RESOURCES-TYPES hrDevicePrinter, RFC 2790). */
export const HR_DEVICE_PRINTER = '1.3.6.1.2.1.25.3.1.5';

const KEYS = Object.keys(SNMP_OIDS) as SnmpValueKey[];

export interface SnmpTarget {
  address: string;
  port: number;
  community: string;
  signal?: AbortSignal | undefined;
}

type Version = 'v2c' | 'v1';
type GetOutcome =
  | { kind: 'ok'; varbinds: snmp.Varbind[] }
  | { kind: 'timeout' }
  | { kind: 'failed'; message: string; status?: number }
  | { kind: 'cancelled' };

/** One GET on its own session; settles exactly once, closes the session on every path. */
function get(target: SnmpTarget, version: Version, oids: string[]): Promise<GetOutcome> {
  return new Promise((resolve) => {
    if (target.signal?.aborted) return resolve({ kind: 'cancelled' });
    const session = snmp.createSession(target.address, target.community, {
      port: target.port,
      version: version === 'v2c' ? snmp.Version2c : snmp.Version1,
      transport: isIPv6(target.address) ? 'udp6' : 'udp4',
      retries: SNMP_RETRIES,
      timeout: SNMP_REQUEST_TIMEOUT_MS,
    });
    let settled = false;
    const done = (o: GetOutcome): void => {
      if (settled) return;
      settled = true;
      target.signal?.removeEventListener('abort', onAbort);
      try {
        session.close();
      } catch {
        // already closed by a socket error
      }
      resolve(o);
    };
    const onAbort = (): void => done({ kind: 'cancelled' });
    target.signal?.addEventListener('abort', onAbort, { once: true });
    // Socket-level errors (bad host name, no route) arrive as events, not callbacks.
    session.on('error', (err: Error) => done({ kind: 'failed', message: err.message }));
    try {
      session.get(oids, (error, varbinds) => {
        if (!error) return done({ kind: 'ok', varbinds: varbinds ?? [] });
        if ((error as Error).name === 'RequestTimedOutError') return done({ kind: 'timeout' });
        const status = (error as Error & { status?: number }).status;
        done({ kind: 'failed', message: error.message, ...(status !== undefined ? { status } : {}) });
      });
    } catch (err) {
      done({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  });
}

function valueText(vb: snmp.Varbind): string | null {
  if (snmp.isVarbindError(vb) || vb.value === null || vb.value === undefined) return null;
  const v = vb.value;
  if (Buffer.isBuffer(v)) return cleanObserved(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean')
    return cleanObserved(String(v));
  return null;
}

function collect(varbinds: snmp.Varbind[], into: Partial<Record<SnmpValueKey, string>>): void {
  for (const vb of varbinds) {
    const key = KEYS.find((k) => SNMP_OIDS[k] === vb.oid.replace(/^\./, ''));
    const text = key ? valueText(vb) : null;
    if (key && text !== null && text !== '') into[key] = text.slice(0, MAX_OBSERVED_CHARS);
  }
}

/** v1 fails the whole PDU on one missing OID (noSuchName), so after it answers, ask for each OID on its own. */
async function getEachV1(target: SnmpTarget, into: Partial<Record<SnmpValueKey, string>>): Promise<void> {
  for (const key of KEYS) {
    if (key === 'sysDescr' || target.signal?.aborted) continue;
    const r = await get(target, 'v1', [SNMP_OIDS[key]]);
    if (r.kind === 'ok') collect(r.varbinds, into);
    else if (r.kind === 'timeout' || r.kind === 'cancelled') return;
  }
}

/** Asks the one address for its identity over SNMP. Expected failures are statuses, never throws. */
export async function probeSnmp(target: SnmpTarget): Promise<SnmpProbe> {
  const started = Date.now();
  const base = { port: target.port, values: {}, printerMib: false };
  const elapsed = (): number => Date.now() - started;
  const values: Partial<Record<SnmpValueKey, string>> = {};

  const v2 = await get(
    target,
    'v2c',
    KEYS.map((k) => SNMP_OIDS[k]),
  );
  if (v2.kind === 'cancelled') return { ...base, status: 'cancelled', elapsedMs: elapsed() };
  let version: Version = 'v2c';
  if (v2.kind === 'ok') {
    collect(v2.varbinds, values);
  } else if (v2.kind === 'failed') {
    return { ...base, status: 'error', message: v2.message.slice(0, 300), elapsedMs: elapsed() };
  } else {
    // v2c silent: an agent that speaks only v1 drops v2c messages, exactly like a wrong community does.
    const v1 = await get(target, 'v1', [SNMP_OIDS.sysDescr]);
    if (v1.kind === 'cancelled') return { ...base, status: 'cancelled', elapsedMs: elapsed() };
    if (v1.kind === 'timeout') {
      return {
        ...base,
        status: 'no-answer',
        message: `no SNMP reply to v2c or v1 within ${(SNMP_REQUEST_TIMEOUT_MS * (SNMP_RETRIES + 1)) / 1000} s each: wrong community, SNMP turned off, a filter, or no device at this address`,
        elapsedMs: elapsed(),
      };
    }
    if (v1.kind === 'failed')
      return { ...base, status: 'error', message: v1.message.slice(0, 300), elapsedMs: elapsed() };
    version = 'v1';
    collect(v1.varbinds, values);
    await getEachV1(target, values);
    if (target.signal?.aborted) return { ...base, status: 'cancelled', elapsedMs: elapsed() };
  }
  const printerMib =
    values.prtGeneralSerialNumber !== undefined ||
    values.prtGeneralPrinterName !== undefined ||
    values.hrDeviceType?.replace(/^\./, '') === HR_DEVICE_PRINTER;
  return { status: 'answered', port: target.port, version, values, printerMib, elapsedMs: elapsed() };
}
