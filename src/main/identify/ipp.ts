// IPP side of identify: one Get-Printer-Attributes (RFC 8011 §4.2.5) to one address, encoded and decoded with
// @sealsystems/ipp, carried by our own HTTP POST (RFC 8010 §4) so that every phase has a deadline, the body is
// bounded and Cancel works. Tries the usual resource paths in order (IPP Everywhere's /ipp/print first).
import http from 'node:http';
import { isIPv6 } from 'node:net';
import ipp from '@sealsystems/ipp';
import { IPP_VALUE_KEYS, MAX_OBSERVED_CHARS, type IppProbe, type IppValueKey } from '../../shared/identify';
import { cleanObserved } from './text';

/** Connecting to the printer's IPP port, in milliseconds (a LAN host answers or refuses in far less). */
export const IPP_CONNECT_TIMEOUT_MS = 2000;
/** From sending the request to the end of the reply, per path, in milliseconds. */
export const IPP_RESPONSE_TIMEOUT_MS = 3000;
/** Largest reply read, in bytes (a full Get-Printer-Attributes is ~10-40 KB; we ask for a handful). */
export const IPP_MAX_RESPONSE_BYTES = 256 * 1024;
/** Resource paths tried, in order: IPP Everywhere, then what older printers and CUPS use. */
export const IPP_PATHS = ['/ipp/print', '/ipp', '/'] as const;

export interface IppTarget {
  address: string;
  port: number;
  signal?: AbortSignal | undefined;
}

type Attempt =
  | { kind: 'ok'; values: Partial<Record<IppValueKey, string>> }
  | { kind: 'not-found' }
  | { kind: 'not-ipp'; message: string }
  | { kind: 'refused' | 'no-answer' | 'cancelled'; message: string }
  | { kind: 'error'; message: string };

function hostForUri(address: string): string {
  return isIPv6(address) ? `[${address}]` : address;
}

function firstText(v: unknown): string | null {
  const first: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
  if (typeof first !== 'string' && !Buffer.isBuffer(first)) return null;
  // textWithLanguage arrives as "<lang>\u001e<text>": keep the text.
  const s = typeof first === 'string' ? first : first.toString('utf8');
  const text = s.includes('\u001e') ? s.slice(s.lastIndexOf('\u001e') + 1) : s;
  const clean = cleanObserved(text);
  return clean === '' ? null : clean.slice(0, MAX_OBSERVED_CHARS);
}

function requestBody(printerUri: string): Buffer {
  return ipp.serialize({
    operation: 'Get-Printer-Attributes',
    'operation-attributes-tag': {
      'attributes-charset': 'utf-8',
      'attributes-natural-language': 'en',
      'printer-uri': printerUri,
      'requested-attributes': [...IPP_VALUE_KEYS],
    },
  });
}

function attempt(target: IppTarget, path: string): Promise<Attempt> {
  return new Promise((resolve) => {
    if (target.signal?.aborted) return resolve({ kind: 'cancelled', message: 'cancelled' });
    const uri = `ipp://${hostForUri(target.address)}:${target.port}${path}`;
    const body = requestBody(uri);
    let settled = false;
    let phase: 'connect' | 'response' = 'connect';
    const timers: NodeJS.Timeout[] = [];
    const req = http.request({
      host: target.address,
      port: target.port,
      path,
      method: 'POST',
      headers: { 'content-type': 'application/ipp', 'content-length': body.length },
      // A fresh socket per attempt: no keep-alive pool outliving the probe.
      agent: false,
    });
    const finish = (a: Attempt): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      target.signal?.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(a);
    };
    const onAbort = (): void => finish({ kind: 'cancelled', message: 'cancelled' });
    target.signal?.addEventListener('abort', onAbort, { once: true });
    timers.push(
      setTimeout(() => {
        if (phase === 'connect')
          finish({
            kind: 'no-answer',
            message: `no TCP connection to port ${target.port} within ${IPP_CONNECT_TIMEOUT_MS / 1000} s`,
          });
      }, IPP_CONNECT_TIMEOUT_MS),
    );
    req.on('socket', (socket) => {
      socket.once('connect', () => {
        phase = 'response';
        timers.push(
          setTimeout(
            () =>
              finish({
                kind: 'no-answer',
                message: `connected, but no IPP reply within ${IPP_RESPONSE_TIMEOUT_MS / 1000} s`,
              }),
            IPP_RESPONSE_TIMEOUT_MS,
          ),
        );
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED')
        finish({ kind: 'refused', message: `port ${target.port} refused the connection (no IPP service)` });
      else if (err.code === 'ECONNRESET')
        finish({
          kind: 'not-ipp',
          message: 'the connection was reset (not an IPP service, or it wants IPPS/TLS)',
        });
      else finish({ kind: 'error', message: `${err.code ?? ''} ${err.message}`.trim().slice(0, 300) });
    });
    req.on('response', (res) => {
      if (res.statusCode === 404) {
        res.resume();
        return finish({ kind: 'not-found' });
      }
      const type = String(res.headers['content-type'] ?? '');
      if (res.statusCode !== 200 || !type.toLowerCase().startsWith('application/ipp')) {
        res.resume();
        return finish({
          kind: 'not-ipp',
          message: `HTTP ${res.statusCode ?? '?'} ${type || '(no content type)'}: not an IPP reply`.slice(
            0,
            300,
          ),
        });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > IPP_MAX_RESPONSE_BYTES)
          return finish({
            kind: 'error',
            message: `IPP reply larger than ${IPP_MAX_RESPONSE_BYTES} bytes: not read`,
          });
        chunks.push(chunk);
      });
      res.on('error', () => finish({ kind: 'error', message: 'the IPP reply was cut off' }));
      res.on('end', () => {
        let parsed: ReturnType<typeof ipp.parse>;
        try {
          parsed = ipp.parse(Buffer.concat(chunks));
        } catch (err) {
          return finish({
            kind: 'not-ipp',
            message:
              `the reply is not valid IPP (${err instanceof Error ? err.message : 'decode error'})`.slice(
                0,
                300,
              ),
          });
        }
        const status = String(parsed.statusCode ?? '');
        if (status === 'client-error-not-found') return finish({ kind: 'not-found' });
        if (!status.startsWith('successful-ok'))
          return finish({ kind: 'not-ipp', message: `IPP status ${status || 'unknown'}`.slice(0, 300) });
        const group = (parsed['printer-attributes-tag'] ?? {}) as Record<string, unknown>;
        const values: Partial<Record<IppValueKey, string>> = {};
        for (const key of IPP_VALUE_KEYS) {
          const text = firstText(group[key]);
          if (text !== null) values[key] = text;
        }
        finish({ kind: 'ok', values });
      });
    });
    req.end(body);
  });
}

/** Asks the one address for its printer attributes over IPP. Expected failures are statuses, never throws. */
export async function probeIpp(target: IppTarget): Promise<IppProbe> {
  const started = Date.now();
  const elapsed = (): number => Date.now() - started;
  let last: Attempt = { kind: 'not-found' };
  for (const path of IPP_PATHS) {
    last = await attempt(target, path);
    if (last.kind === 'ok')
      return { status: 'answered', port: target.port, path, values: last.values, elapsedMs: elapsed() };
    if (last.kind !== 'not-found') break;
  }
  const base = { port: target.port, values: {}, elapsedMs: elapsed() };
  switch (last.kind) {
    case 'not-found':
      return {
        ...base,
        status: 'not-ipp',
        message: `no printer at ${IPP_PATHS.join(', ')} on port ${target.port}`,
      };
    case 'cancelled':
      return { ...base, status: 'cancelled' };
    case 'refused':
    case 'no-answer':
    case 'not-ipp':
    case 'error':
      return { ...base, status: last.kind, message: last.message };
    default:
      return { ...base, status: 'error' };
  }
}
