// OAuth channels: token inspection (claims only, nothing stored) and the device code sign-in with msal-node,
// run in main so msal's cache and the network stay out of the renderer. Against the practice lab, the lab's
// authority, CA and connect-to rules are used; otherwise Microsoft's public authority and the system CAs.
import { randomUUID } from 'node:crypto';
import {
  fail,
  ok,
  type OauthAppSignedIn,
  type OauthSignInStarted,
  type Result,
  type TokenInspected,
} from '../../shared/ipc';
import { inspectToken } from '../../shared/oauth/inspect';
import { inspectClaims } from '../../shared/oauth/inspect';
import type { SessionSecrets } from '../../shared/secrets';
import type { Lab } from '../../lab/types';
import { acquireToken, checkAcquireInput } from '../oauth/acquire';
import { keySecretForms, parseClientCert } from '../oauth/client-cert';
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
    /**
     * App-only sign-in (client credentials): the secret or key is used for this one request and remembered only
     * as a session secret (memory), so every report write and export is scanned for it.
     */
    async appSignIn(a: {
      tenant: string;
      clientId: string;
      lab: boolean;
      clientSecret?: string | undefined;
      certificate?: { text: string } | undefined;
    }): Promise<Result<OauthAppSignedIn>> {
      if (a.clientSecret && a.certificate)
        return fail('invalid-argument', 'give either a client secret or a certificate, not both', [
          { path: 'clientSecret', message: 'either a client secret or a certificate' },
        ]);
      let clientCert: { certPem: string; keyPem: string } | undefined;
      if (a.certificate) {
        const parsed = parseClientCert(a.certificate.text);
        if (!parsed.ok)
          return fail('invalid-argument', parsed.reason, [{ path: 'certificate', message: parsed.reason }]);
        clientCert = { certPem: parsed.certPem, keyPem: parsed.keyPem };
        for (const form of keySecretForms(parsed.keyPem)) onSecrets({ clientSecret: form });
      }
      if (a.clientSecret) onSecrets({ clientSecret: a.clientSecret });
      const problem = checkAcquireInput({
        flow: 'oauth-client-credentials',
        tenant: a.tenant,
        clientId: a.clientId,
        clientSecret: a.clientSecret,
        clientCert,
      });
      if (problem) {
        const path = /tenant/.test(problem)
          ? 'tenant'
          : /client id/.test(problem)
            ? 'clientId'
            : 'clientSecret';
        return fail('invalid-argument', problem, [{ path, message: problem }]);
      }
      const lab = a.lab ? currentLab() : null;
      if (a.lab && !lab) return fail('not-found', 'the practice lab is not running');
      const r = await acquireToken({
        flow: 'oauth-client-credentials',
        tenant: a.tenant,
        clientId: a.clientId,
        clientSecret: a.clientSecret,
        clientCert,
        ...(lab
          ? { authority: lab.identity.authority(a.tenant), extraCaPem: [lab.caPem], connectTo: lab.connectTo }
          : {}),
      });
      if (!r.ok) return ok({ ok: false, finding: r.finding });
      onSecrets({ oauthToken: r.token });
      const findings = r.claims ? inspectClaims(r.claims, { nowSec: Math.floor(Date.now() / 1000) }) : [];
      return ok({ ok: true, token: r.token, claims: r.claims, findings });
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
