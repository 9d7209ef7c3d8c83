// msal-node's network client, ours: HTTPS with the system CAs plus any extra CA (the lab's), the same
// --connect-to rules as the engine (so login.microsoftonline.com can point at the lab on loopback), bounded
// bodies and deadlines, and a record of the last Entra error body (msal keeps only `error` for some failures,
// the AADSTS description is what the technician needs). No global TLS switches: trust is per request.
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { ConnectToRule } from '../../shared/model';

/** Per-request deadline, in milliseconds. */
export const HTTP_TIMEOUT_MS = 15_000;
/** Largest response body read, in bytes. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface EntraErrorSeen {
  error: string;
  description: string;
  codes: number[];
}

export interface LabAwareNetworkClient extends INetworkModule {
  /** The last error body an identity endpoint returned (never a token: error bodies carry none). */
  lastError(): EntraErrorSeen | null;
}

function route(url: URL, rules: readonly ConnectToRule[]): { host: string; port: number } {
  const port = Number(url.port || 443);
  const rule = rules.find(
    (r) =>
      (r.host === '' || r.host.toLowerCase() === url.hostname.toLowerCase()) &&
      (r.port === 0 || r.port === port),
  );
  return rule ? { host: rule.toHost, port: rule.toPort } : { host: url.hostname, port };
}

export function createNetworkClient(
  opts: { extraCaPem?: readonly string[]; connectTo?: readonly ConnectToRule[]; signal?: AbortSignal } = {},
): LabAwareNetworkClient {
  const ca = [...rootCertificates, ...(opts.extraCaPem ?? [])];
  let last: EntraErrorSeen | null = null;

  const request = <T>(
    method: 'GET' | 'POST',
    urlText: string,
    options: NetworkRequestOptions | undefined,
    timeoutMs = HTTP_TIMEOUT_MS,
  ): Promise<NetworkResponse<T>> =>
    new Promise((resolve, reject) => {
      const url = new URL(urlText);
      if (url.protocol !== 'https:')
        return reject(new Error(`refusing non-HTTPS identity endpoint ${url.origin}`));
      const target = route(url, opts.connectTo ?? []);
      const body = options?.body ?? '';
      const req = https.request(
        {
          method,
          host: target.host,
          port: target.port,
          servername: url.hostname, // SNI and certificate check against the real name
          path: `${url.pathname}${url.search}`,
          headers: {
            ...(options?.headers ?? {}),
            host: url.host,
            ...(method === 'POST' ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
          },
          ca,
          timeout: timeoutMs,
          ...(opts.signal ? { signal: opts.signal } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_RESPONSE_BYTES) req.destroy(new Error('identity endpoint response too large'));
            else chunks.push(c);
          });
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text === '' ? {} : JSON.parse(text);
            } catch {
              parsed = {};
            }
            const o = parsed as Record<string, unknown>;
            if (typeof o.error === 'string' && o.error !== 'authorization_pending') {
              last = {
                error: o.error.slice(0, 100),
                description:
                  typeof o.error_description === 'string' ? o.error_description.slice(0, 1000) : '',
                codes: Array.isArray(o.error_codes)
                  ? o.error_codes.filter((x): x is number => typeof x === 'number').slice(0, 5)
                  : [],
              };
            }
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers))
              if (typeof v === 'string') headers[k.toLowerCase()] = v;
            resolve({ headers, body: parsed as T, status: res.statusCode ?? 0 });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(method === 'POST' ? body : undefined);
    });

  return {
    sendGetRequestAsync: (url, options, timeout) => request('GET', url, options, timeout ?? HTTP_TIMEOUT_MS),
    sendPostRequestAsync: (url, options) => request('POST', url, options),
    lastError: () => last,
  };
}
