// OAuth channels: token inspection (claims only, nothing stored) and the device code sign-in with msal-node,
// run in main so msal's cache and the network stay out of the renderer. Against the practice lab, the lab's
// authority, CA and connect-to rules are used; otherwise Microsoft's public authority and the system CAs.
import { randomUUID } from 'node:crypto';
import { fail, ok, type OauthSignInStarted, type Result, type TokenInspected } from '../../shared/ipc';
import { inspectToken } from '../../shared/oauth/inspect';
import { inspectClaims } from '../../shared/oauth/inspect';
import type { SessionSecrets } from '../../shared/secrets';
import type { Lab } from '../../lab/types';
import { acquireToken, checkAcquireInput } from '../oauth/acquire';
import type { Emit } from './types';

/** Sign-ins waiting for a user at once. */
const MAX_PENDING_SIGN_INS = 4;

export function createOauthService(
  emit: Emit,
  currentLab: () => Lab | null,
  onSecrets: (s: SessionSecrets) => void,
) {
  const pending = new Map<string, AbortController>();
  return {
    inspect(a: {
      token: string;
      tenantId?: string | undefined;
      user?: string | undefined;
    }): Result<TokenInspected> {
      const r = inspectToken(a.token, {
        nowSec: Math.floor(Date.now() / 1000),
        tenantId: a.tenantId,
        xoauth2User: a.user,
      });
      if (!r.ok) return fail('invalid-argument', `not a readable access token (${r.reason})`);
      return ok({ claims: r.claims, findings: r.findings });
    },
    signIn(a: { tenant: string; clientId: string; lab: boolean }): Result<OauthSignInStarted> {
      const problem = checkAcquireInput({
        flow: 'oauth-device-code',
        tenant: a.tenant,
        clientId: a.clientId,
      });
      if (problem) return fail('invalid-argument', problem, [{ path: 'tenant', message: problem }]);
      const lab = a.lab ? currentLab() : null;
      if (a.lab && !lab) return fail('not-found', 'the practice lab is not running');
      if (pending.size >= MAX_PENDING_SIGN_INS)
        return fail('busy', 'too many sign-ins are waiting; cancel one first');
      const signInId = randomUUID();
      const ac = new AbortController();
      pending.set(signInId, ac);
      void acquireToken({
        flow: 'oauth-device-code',
        tenant: a.tenant,
        clientId: a.clientId,
        ...(lab
          ? { authority: lab.identity.authority(a.tenant), extraCaPem: [lab.caPem], connectTo: lab.connectTo }
          : {}),
        signal: ac.signal,
        onDeviceCode: (i) =>
          emit('oauth:event', {
            signInId,
            event: {
              type: 'code',
              userCode: i.userCode,
              verificationUri: i.verificationUri,
              expiresIn: i.expiresIn,
            },
          }),
      })
        .then((r) => {
          if (r.ok) {
            onSecrets({ oauthToken: r.token });
            const findings = r.claims
              ? inspectClaims(r.claims, { nowSec: Math.floor(Date.now() / 1000) })
              : [];
            emit('oauth:event', {
              signInId,
              event: { type: 'done', ok: true, token: r.token, claims: r.claims, findings },
            });
          } else emit('oauth:event', { signInId, event: { type: 'done', ok: false, finding: r.finding } });
        })
        .finally(() => pending.delete(signInId));
      return ok({ signInId });
    },
    cancel(signInId: string): Result<null> {
      const ac = pending.get(signInId);
      if (!ac) return fail('not-found', 'no such sign-in');
      ac.abort();
      return ok(null);
    },
    dispose() {
      for (const ac of pending.values()) ac.abort();
    },
  };
}
