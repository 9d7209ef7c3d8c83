// How the lab's submission endpoint judges an XOAUTH2 token, in the order Exchange Online needs things to hold:
// signature and issuer (the lab's own tenant), not expired, audience Exchange Online, then delegated
// (scp SMTP.Send, token user = XOAUTH2 user = the mailbox) or app-only (roles SMTP.SendAsApp, the service principal
// registered in Exchange, FullAccess on the mailbox). Exchange answers every failure with the same 535 5.7.3;
// the reason is returned here only for the lab's own tests.
import { hasScope, isExchangeAudience, SMTP_APP_ROLE, SMTP_SCOPE } from '../../shared/oauth/claims';
import type { OauthBehaviour } from '../scenarios';
import type { LabOauthTenant } from '../../shared/lab-info';
import { verifyAccessToken, type SigningKey } from './tokens';

export type Xoauth2Verdict =
  'ok' | 'bad-token' | 'expired' | 'audience' | 'scope' | 'user' | 'service-principal' | 'mailbox-permission';

const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : typeof v === 'string'
      ? v.split(' ')
      : [];

export async function checkXoauth2(
  key: SigningKey,
  tenant: LabOauthTenant,
  behaviour: OauthBehaviour,
  user: string,
  token: string,
  userIsMailbox: boolean,
): Promise<Xoauth2Verdict> {
  const v = await verifyAccessToken(key, token, tenant.tenantId);
  if (!v.ok) return v.reason === 'ERR_JWT_EXPIRED' ? 'expired' : 'bad-token';
  const c = v.claims;
  if (!isExchangeAudience(list(c.aud))) return 'audience';
  const scp = list(c.scp);
  if (scp.length > 0) {
    if (!hasScope(scp, SMTP_SCOPE)) return 'scope';
    const upn = typeof c.upn === 'string' ? c.upn : '';
    return upn.toLowerCase() === user.toLowerCase() && userIsMailbox ? 'ok' : 'user';
  }
  if (!hasScope(list(c.roles), SMTP_APP_ROLE)) return 'scope';
  if (c.oid !== tenant.servicePrincipalObjectId || behaviour.noServicePrincipal) return 'service-principal';
  if (!userIsMailbox || behaviour.noMailboxPermission) return 'mailbox-permission';
  return 'ok';
}
