// Smoke check of the Postfix harness with a known-good client (swaks): if these fail, the harness is broken,
// not the engine. AUTH after STARTTLS succeeds, a wrong password gets 535, an unauthenticated external
// recipient gets Postfix's `554 5.7.1 ... Relay access denied`.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postfixSkipReason, startPostfix, type PostfixPeer } from '../../helpers/postfix';
import { describePeers, firstMissing, swaksMissing } from '../../helpers/peers';
import { runCmd } from '../../helpers/run-cmd';

const skip = firstMissing(postfixSkipReason(), swaksMissing());

/** Upper bound for one swaks session against the local Postfix, in milliseconds. */
const SWAKS_TIMEOUT_MS = 20_000;

describePeers('swaks vs a private Postfix', skip, () => {
  let pf: PostfixPeer;
  beforeAll(async () => {
    pf = await startPostfix();
  });
  afterAll(async () => {
    await pf?.stop();
  });

  // The password travels by environment (SWAKS_OPT_*), never on a command line other users can read.
  const swaks = (args: string[], password?: string) =>
    runCmd('swaks', ['--server', `127.0.0.1:${pf.port}`, '--timeout', '10', ...args], {
      timeoutMs: SWAKS_TIMEOUT_MS,
      env: password === undefined ? {} : { SWAKS_OPT_auth_password: password },
    });

  it('authenticates after STARTTLS (certificate verified against the test CA) and relays', async () => {
    const r = await swaks(
      [
        '--tls',
        '--tls-verify',
        '--tls-ca-path',
        `${pf.dir}/ca.pem`,
        '--tls-sni',
        pf.host,
        '--auth',
        'PLAIN',
        '--auth-user',
        pf.user,
        '--from',
        pf.user,
        '--to',
        'someone@external.example',
      ],
      pf.password,
    );
    expect(r.stdout).toMatch(/^<~ {2}235 /m);
    expect(r.stdout).toMatch(/^<~ {2}250 2\.0\.0 Ok: queued/m);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('does not offer AUTH before STARTTLS', async () => {
    const r = await swaks(['--quit-after', 'EHLO']);
    expect(r.stdout).toMatch(/^<- {2}250 /m);
    expect(r.stdout).not.toMatch(/AUTH/);
  });

  it('answers 535 to a wrong password', async () => {
    const r = await swaks(
      ['--tls', '--auth', 'LOGIN', '--auth-user', pf.user, '--quit-after', 'AUTH'],
      'not-the-password',
    );
    expect(r.stdout).toMatch(/^<~\* 535 5\.7\.8 /m);
    expect(r.code).not.toBe(0);
  });

  it('denies relaying for an unauthenticated external recipient', async () => {
    const r = await swaks(['--from', 'printer@external.example', '--to', 'someone@external.example']);
    expect(r.stdout).toMatch(/554 5\.7\.1 <someone@external\.example>: Relay access denied/);
  });
});
