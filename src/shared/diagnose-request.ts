// The one request builder: the CLI (flags), the app (the job and settings) and the lab (its tenant and
// loopback addresses) all turn what they have into a DiagnoseRequest here, validated as the model's schema would
// (request-check.ts: the same rules without zod, so the CLI checks its request without zod's load time).
import type { ConnectToRule, DeviceProfile, DiagnoseRequest, MethodChoice } from './model';
import { checkDiagnoseRequest, issueTexts } from './request-check';

/** Everything a request is made of, flat; unset optional parts are simply left out. */
export interface RequestParts {
  method: MethodChoice;
  host?: string | undefined;
  port?: number | undefined;
  domain?: string | undefined;
  from?: string | undefined;
  to?: readonly string[];
  user?: string | undefined;
  expectedIp?: string | undefined;
  bind?: string | undefined;
  connectTo?: readonly ConnectToRule[];
  dnsServer?: string | undefined;
  device: DeviceProfile | null;
  send?: boolean;
  timeoutMs?: number | undefined;
  extraCaPem?: readonly string[];
  /** Memory only: never stored, never logged. */
  password?: string | undefined;
  oauthToken?: string | undefined;
  /** The lab scenario when the target is the built-in lab (the result is then labelled practice). */
  practice?: { scenario: string } | undefined;
}

export type BuiltRequest = { ok: true; request: DiagnoseRequest } | { ok: false; errors: string[] };

export function buildDiagnoseRequest(p: RequestParts): BuiltRequest {
  const parsed = checkDiagnoseRequest({
    target: {
      method: p.method,
      host: p.host,
      port: p.port,
      domain: p.domain,
      from: p.from,
      to: [...(p.to ?? [])],
      user: p.user,
      expectedIp: p.expectedIp,
      bind: p.bind,
      connectTo: [...(p.connectTo ?? [])],
      dnsServer: p.dnsServer,
    },
    device: p.device,
    send: p.send ?? false,
    timeoutMs: p.timeoutMs,
    extraCaPem: [...(p.extraCaPem ?? [])],
    password: p.password,
    oauthToken: p.oauthToken,
    practice: p.practice,
  });
  if (parsed.ok) return { ok: true, request: stripUndefined(parsed.request) };
  return { ok: false, errors: issueTexts(parsed.issues) };
}

/** Optional parts that were not given stay absent (as a hand-written object would have them). */
function stripUndefined(r: DiagnoseRequest): DiagnoseRequest {
  const target = Object.fromEntries(
    Object.entries(r.target).filter(([, v]) => v !== undefined),
  ) as DiagnoseRequest['target'];
  const rest = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as DiagnoseRequest;
  return { ...rest, target };
}
