// Nested replies belong to who sent them. Exchange Online's queue / NDR / message-trace texts quote the reply of
// the *downstream* server it tried to deliver to: `450 4.4.317 Cannot connect to remote server [Message=451 5.7.3
// STARTTLS is required to send mail] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=…:25]`, inside
// `LED=…` in message trace, or after `Server at HOST (IP) returned '…'` in a delayed-delivery notice.
// Such a text is Exchange Online failing to deliver *out* (through the admin's outbound connector or to the
// recipient's server): never the device's STARTTLS / sign-in / TLS problem, even though the quoted reply says so.
//
// Source: Microsoft, "Mail flow intelligence in EOP" (seed 004, ja-jp; 450 4.4.312/315/316/317/318 and 4.7.320 are
// connector delivery failures from Microsoft 365 to your on-premises or partner server),
// https://learn.microsoft.com/ja-jp/defender-office-365/mfi-mail-flow-intelligence — read 2026-12-02.
// The bracket fields ([Message=…], [LastAttemptedServerName=…], [LastAttemptedIP=…]) are as they appear in public
// NDR / message-trace examples; Microsoft does not document their format (unverified beyond those examples).
import type { FindingRef } from '../model';
import type { FoundReply } from './reply';

/** Outer enhanced codes of Exchange Online failing to hand a message on: x.4.x (network and routing) and 4.7.320. */
const OUTBOUND_ENHANCED = /^[45]\.(4\.\d{1,3}|7\.320)$/;
/** The nested downstream reply, in any of the three carriers. */
const NESTED_RE =
  /\[message=([^\]]{1,1000})\]|\bled=([^\]\n]{1,1000})|remote server returned\s{0,3}'([^'\n]{1,1000})'/i;
const DOWNSTREAM_HOST_RE =
  /\[lastattemptedservername=([^\]\s]{1,253})\]|\bserver at ([a-z0-9.-]{1,253}) \(|\bfqdn=([a-z0-9.-]{1,253})\}/i;
const DOWNSTREAM_IP_RE = /\[lastattemptedip=([^\]\s]{1,100})\]/i;

/**
 * A connector / outbound delivery failure when the outer reply is Exchange Online's x.4.x (or 4.7.320) and it
 * carries a nested reply or names the downstream server; null otherwise (the line is classified as usual).
 */
export function classifyNested(line: string, outer: FoundReply | null, evidence: string): FindingRef | null {
  if (!outer || outer.enhanced === null || !OUTBOUND_ENHANCED.test(outer.enhanced)) return null;
  const nested = NESTED_RE.exec(line);
  const host = DOWNSTREAM_HOST_RE.exec(line);
  const downstreamHost = host?.[1] ?? host?.[2] ?? host?.[3];
  if (!nested && downstreamHost === undefined) return null;
  const inner = (nested?.[1] ?? nested?.[2] ?? nested?.[3] ?? '').trim();
  const params: Record<string, string> = {
    reply: `${outer.code} ${outer.enhanced}`,
    replyCode: String(outer.code),
    enhanced: outer.enhanced,
  };
  if (inner !== '') params.nested = inner;
  if (downstreamHost !== undefined) params.downstream = downstreamHost.replace(/\.$/, '');
  const ip = DOWNSTREAM_IP_RE.exec(line)?.[1];
  if (ip !== undefined) params.downstreamIp = ip;
  return { code: 'CONNECTOR_DELIVERY_FAILED', params, evidence: [evidence] };
}
