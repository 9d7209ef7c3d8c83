// AUTH on the lab's submission endpoint: LOGIN and XOAUTH2 only, only after STARTTLS + EHLO, outcome decided
// by the scenario (scenarios.ts) and the 3-sessions-per-mailbox limit.
import { checkXoauth2 } from './identity/xoauth2';
import { R } from './replies';
import type { LabSmtpSession } from './smtp-session';

function decode(b64: string): string | null {
  const t = b64.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0) return null;
  return Buffer.from(t, 'base64').toString('utf8');
}

/** `AUTH <mech> [initial-response]`. */
export function startAuth(s: LabSmtpSession, args: string): void {
  const [mechRaw = '', initial] = args.split(/\s+/, 2);
  const mech = mechRaw.toUpperCase();
  if (s.endpoint !== 'submission' || s.tls === null) return s.send(R.unrecognizedAuth);
  if (!s.greeted) return s.send(R.sendHelloFirst);
  if (s.authUser !== null) return s.send(R.alreadyAuthenticated);
  if (mech === 'LOGIN') {
    if (initial === undefined) {
      s.mode = 'auth-login-user';
      return s.send(R.authUsername);
    }
    return continueAuth(s, initial, 'auth-login-user');
  }
  if (mech === 'XOAUTH2' && s.spec.intercept !== true) {
    if (initial === undefined) {
      s.mode = 'auth-xoauth2';
      return s.send(R.authXoauth2Continue);
    }
    return continueAuth(s, initial, 'auth-xoauth2');
  }
  s.send(R.unrecognizedAuth);
}

/** A line received while an AUTH exchange is in progress. */
export function continueAuth(s: LabSmtpSession, line: string, mode = s.mode): void {
  s.mode = 'command';
  if (line.trim() === '*') return s.send(R.authCancelled);
  const text = decode(line);
  if (text === null) return s.send(R.invalidArgument);
  if (mode === 'auth-login-user') {
    s.pendingUser = text;
    s.mode = 'auth-login-pass';
    return s.send(R.authPassword);
  }
  if (mode === 'auth-login-pass') {
    const user = s.pendingUser ?? '';
    s.pendingUser = null;
    return finish(s, user, basicOutcome(s, user, text));
  }
  const m = /^user=([^\x01]*)\x01auth=Bearer ([^\x01]*)\x01\x01$/.exec(text);
  const user = m?.[1] ?? '';
  if (m === null) return finish(s, user, R.authOauthFailed);
  // Token validation is asynchronous (signature check); the session waits in command mode meanwhile.
  s.mode = 'auth-xoauth2-checking';
  xoauth2Outcome(s, user, m[2] ?? '').then(
    (refusal) => {
      if (s.mode !== 'auth-xoauth2-checking') return;
      s.mode = 'command';
      finish(s, user, refusal);
      s.resume();
    },
    () => {
      if (s.mode !== 'auth-xoauth2-checking') return;
      s.mode = 'command';
      finish(s, user, R.authOauthFailed);
      s.resume();
    },
  );
}

/** Null = token accepted by policy; otherwise the reply. Every token problem is the same 535 5.7.3, as in EXO. */
async function xoauth2Outcome(s: LabSmtpSession, user: string, token: string): Promise<string | null> {
  const verdict = await checkXoauth2(
    s.ctx.identity.key,
    s.ctx.identity.oauth,
    s.spec.oauth ?? {},
    user,
    token,
    isMailbox(s, user),
  );
  return verdict === 'ok' ? (s.spec.oauthReply ?? null) : R.authOauthFailed;
}

function isMailbox(s: LabSmtpSession, user: string): boolean {
  return user.toLowerCase() === s.ctx.tenant.mailbox.toLowerCase();
}

/** Null = credentials accepted by policy; otherwise the 535 to send. */
function basicOutcome(s: LabSmtpSession, user: string, password: string): string | null {
  if (s.spec.anyPasswordWrong || !isMailbox(s, user) || password !== s.ctx.tenant.password)
    return R.authWrongPassword;
  return s.spec.basicAuthReply ?? null;
}

function finish(s: LabSmtpSession, user: string, refusal: string | null): void {
  if (refusal !== null) return s.send(refusal);
  const key = user.toLowerCase();
  const open = s.ctx.authSessions.get(key) ?? 0;
  if (open >= s.ctx.limits.maxAuthSessionsPerMailbox) return s.send(R.concurrentLimit);
  s.ctx.authSessions.set(key, open + 1);
  s.authUser = user;
  s.send(R.authOk);
}
