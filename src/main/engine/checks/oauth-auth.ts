// The AUTH check's reading of an XOAUTH2 answer. Exchange Online answers every token problem with the same
// `535 5.7.3 Authentication unsuccessful`, so a 535 after XOAUTH2 is never "wrong password": the token's claims
// (decoded here, never stored) say what is wrong, and OAUTH_REJECTED lists the remaining causes ranked.
import type { FindingRef } from '../../../shared/model';
import { decodeToken } from '../../../shared/oauth/claims';
import { inspectClaims, oauthRejected } from '../../../shared/oauth/inspect';
import type { Reply } from '../protocol/smtp-reader';
import { replyText } from '../protocol/smtp-reader';

/** Findings for a refused XOAUTH2 (null when the reply is not a 535: other replies keep their own meaning). */
export function xoauth2Findings(
  reply: Reply,
  token: string | undefined,
  user: string | undefined,
  nowSec = Math.floor(Date.now() / 1000),
): FindingRef[] | null {
  if (reply.code !== 535) return null;
  const decoded = token !== undefined ? decodeToken(token) : null;
  const claims = decoded?.ok ? decoded.claims : null;
  const ctx = { nowSec, xoauth2User: user };
  const line = replyText(reply).replace(/\s*\[[^\]]{0,300}\]\s*$/, '');
  const fromClaims = claims ? inspectClaims(claims, ctx) : [];
  return [...fromClaims, oauthRejected(line, claims, ctx, decoded !== null && !decoded.ok)];
}
