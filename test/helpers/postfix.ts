// A private Postfix instance on loopback for real-peer tests: its own config/queue/data directories under a temp
// dir, an smtpd on 127.0.0.1:<free port> with STARTTLS (certificate made at test time) and Cyrus SASL (sasldb),
// AUTH only after TLS, relaying only for authenticated clients. Everything is delivered to `discard:`, so no mail
// leaves the machine. Needs root (Postfix's master runs as root and drops to the `postfix` user).
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { ConnectToRule } from '../../src/shared/model';
import { findExecutable, freePort, isRoot, mustRun, runCmd, sleep } from './run-cmd';

/** How long we wait for the new smtpd to answer with a 220 banner, in milliseconds. */
const READY_DEADLINE_MS = 20_000;
/** Pause between readiness probes, in milliseconds. */
const READY_POLL_MS = 150;
/** How long `postfix stop` may take before we kill the master ourselves, in milliseconds. */
const STOP_DEADLINE_MS = 10_000;
/** How long the master may take to exit after `postfix stop` returned, in milliseconds. */
const STOP_GRACE_MS = 3_000;

/** Leftover instances (their test process died before afterAll) stopped per sweep. */
const MAX_STALE_SWEEP = 16;
/** Prefix of each instance's temp dir; the dir holds `owner.pid`, the pid of the test process that started it. */
const DIR_PREFIX = 'dmd-postfix-';

const POSTFIX = '/usr/sbin/postfix';
const SASLPASSWD2 = '/usr/sbin/saslpasswd2';

export interface PostfixPeer {
  /** Name in the certificate and the banner; sockets go to address:port via `connectTo`. */
  host: string;
  address: string;
  port: number;
  /** The instance's local domain (mydestination): recipients here are accepted without AUTH. */
  domain: string;
  /** SASL login (user@domain) and its password (random per run, lives only in memory and the sasldb). */
  user: string;
  password: string;
  /** The test CA that signed the server certificate (trust it via extraCaPem). */
  caPem: string;
  /** Routes `host` on any port to the instance (curl --connect-to semantics). */
  connectTo: ConnectToRule[];
  dir: string;
  /** Postfix's own log so far (maillog_file), for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/** Why Postfix tests cannot run here, or null when they can. */
export function postfixSkipReason(): string | null {
  if (!isRoot()) return `needs root to start a private Postfix instance (running as ${userInfo().username})`;
  if (!findExecutable(POSTFIX)) return 'postfix is not installed (apt-get install postfix)';
  if (!findExecutable(SASLPASSWD2))
    return 'saslpasswd2 is not installed (apt-get install sasl2-bin libsasl2-modules)';
  if (!findExecutable('/usr/bin/openssl')) return 'openssl is not installed';
  return null;
}

/** A throwaway CA and a server certificate for `host`, made with the openssl CLI in `dir`. */
export async function makeTestPki(
  dir: string,
  host: string,
): Promise<{ caPem: string; certFile: string; keyFile: string }> {
  const p = (f: string) => join(dir, f);
  const openssl = (args: string[]) => mustRun('openssl', args);
  await openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    p('ca.key'),
    '-out',
    p('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=Device Mail Doctor test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await openssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    p('server.key'),
    '-out',
    p('server.csr'),
    '-subj',
    `/CN=${host}`,
  ]);
  writeFileSync(p('server.ext'), `subjectAltName=DNS:${host}\nextendedKeyUsage=serverAuth\n`);
  await openssl([
    'x509',
    '-req',
    '-in',
    p('server.csr'),
    '-CA',
    p('ca.pem'),
    '-CAkey',
    p('ca.key'),
    '-CAcreateserial',
    '-out',
    p('server.pem'),
    '-days',
    '2',
    '-extfile',
    p('server.ext'),
  ]);
  rmSync(p('ca.key'));
  return { caPem: readFileSync(p('ca.pem'), 'utf8'), certFile: p('server.pem'), keyFile: p('server.key') };
}

function mainCf(
  dir: string,
  host: string,
  domain: string,
  pki: { certFile: string; keyFile: string },
): string {
  return `# private test instance (written by test/helpers/postfix.ts)
compatibility_level = 3.6
queue_directory = ${dir}/queue
data_directory = ${dir}/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
meta_directory = /etc/postfix
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
myhostname = ${host}
mydomain = ${domain}
mydestination = ${domain}
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks =
local_recipient_maps =
default_transport = discard:
local_transport = discard:
smtpd_tls_cert_file = ${pki.certFile}
smtpd_tls_key_file = ${pki.keyFile}
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = cyrus
smtpd_sasl_path = smtpd
cyrus_sasl_config_path = ${dir}/etc
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
maillog_file_prefixes = ${dir}
maillog_file = ${dir}/maillog
`;
}

/** Only the services an smtpd that accepts, queues and discards needs; nothing is chrooted. */
function masterCf(port: number): string {
  return [
    `127.0.0.1:${port} inet n - n - - smtpd`,
    'cleanup unix n - n - 0 cleanup',
    'qmgr unix n - n 300 1 qmgr',
    'tlsmgr unix - - n 1000? 1 tlsmgr',
    'rewrite unix - - n - - trivial-rewrite',
    'bounce unix - - n - 0 bounce',
    'defer unix - - n - 0 bounce',
    'trace unix - - n - 0 bounce',
    'verify unix - - n - 1 verify',
    'flush unix n - n 1000? 0 flush',
    'proxymap unix - - n - - proxymap',
    'showq unix n - n - - showq',
    'error unix - - n - - error',
    'retry unix - - n - - error',
    'discard unix - - n - - discard',
    'anvil unix - - n - 1 anvil',
    'scache unix - - n - 1 scache',
    'postlog unix-dgram n - n - 1 postlogd',
    '',
  ].join('\n');
}

/** Connects once and reads the first line; true on a 220 banner. Bounded by `ms`. */
function answers220(address: string, port: number, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect({ host: address, port });
    let buf = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      sock.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), ms);
    sock.setEncoding('utf8');
    sock.on('data', (d: string) => {
      buf += d;
      if (buf.includes('\n')) done(buf.startsWith('220'));
    });
    sock.on('error', () => done(false));
    sock.on('close', () => done(false));
  });
}

export async function startPostfix(opts: { host?: string; domain?: string } = {}): Promise<PostfixPeer> {
  const host = opts.host ?? 'mail.postfix.test';
  const domain = opts.domain ?? 'postfix.test';
  await sweepStale();
  const dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  // The unprivileged postfix user must traverse the dir to reach the sasldb and its data directory.
  chmodSync(dir, 0o711);
  const pw = userInfoOf('postfix');
  let started = false;
  const log = () => (existsSync(join(dir, 'maillog')) ? readFileSync(join(dir, 'maillog'), 'utf8') : '');
  try {
    for (const sub of ['etc/sasl', 'queue', 'data']) mkdirSync(join(dir, sub), { recursive: true });
    chownSync(join(dir, 'data'), pw.uid, pw.gid);
    const pki = await makeTestPki(dir, host);
    const port = await freePort();
    writeFileSync(join(dir, 'etc/main.cf'), mainCf(dir, host, domain, pki));
    writeFileSync(join(dir, 'etc/master.cf'), masterCf(port));
    // Debian's libsasl2 looks for <cyrus_sasl_config_path>/sasl/<app>.conf.
    const sasldb = join(dir, 'sasldb2');
    writeFileSync(
      join(dir, 'etc/sasl/smtpd.conf'),
      `pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\nsasldb_path: ${sasldb}\n`,
    );
    const password = `pw-${randomBytes(9).toString('base64url')}`;
    await mustRun(SASLPASSWD2, ['-c', '-p', '-f', sasldb, '-u', domain, 'device'], { input: password });
    chownSync(sasldb, pw.uid, pw.gid);
    chmodSync(sasldb, 0o600);

    await mustRun(POSTFIX, ['-c', join(dir, 'etc'), 'start']);
    started = true;
    const deadline = Date.now() + READY_DEADLINE_MS;
    while (!(await answers220('127.0.0.1', port, 2_000))) {
      if (Date.now() > deadline)
        throw new Error(`postfix did not answer on 127.0.0.1:${port} within ${READY_DEADLINE_MS} ms`);
      await sleep(READY_POLL_MS);
    }
    const peer: PostfixPeer = {
      host,
      address: '127.0.0.1',
      port,
      domain,
      user: `device@${domain}`,
      password,
      caPem: pki.caPem,
      connectTo: [{ host, port: 0, toHost: '127.0.0.1', toPort: port }],
      dir,
      log,
      stop: () => stopPostfix(dir),
    };
    return peer;
  } catch (err) {
    const tail = log().split('\n').slice(-15).join('\n');
    if (started) await stopPostfix(dir);
    else rmSync(dir, { recursive: true, force: true });
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- postfix log ---\n${tail}`, {
      cause: err,
    });
  }
}

/** Stops the instance (bounded), kills its master if `stop` did not, and removes the temp dir. */
async function stopPostfix(dir: string): Promise<void> {
  const pidFile = join(dir, 'queue/pid/master.pid');
  const masterPid = existsSync(pidFile) ? Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10) : NaN;
  await runCmd(POSTFIX, ['-c', join(dir, 'etc'), 'stop'], { timeoutMs: STOP_DEADLINE_MS });
  const ours = Number.isInteger(masterPid) && masterPid > 1;
  for (let i = 0; ours && alive(masterPid) && i < STOP_GRACE_MS / READY_POLL_MS; i += 1)
    await sleep(READY_POLL_MS);
  if (ours && alive(masterPid)) {
    try {
      process.kill(masterPid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Stops instances whose test process is gone (killed before its afterAll), so no Postfix outlives its test. */
async function sweepStale(): Promise<void> {
  const stale = readdirSync(tmpdir())
    .filter((n) => n.startsWith(DIR_PREFIX))
    .map((n) => join(tmpdir(), n))
    .filter((d) => {
      const owner = existsSync(join(d, 'owner.pid'))
        ? Number(readFileSync(join(d, 'owner.pid'), 'utf8'))
        : NaN;
      return Number.isInteger(owner) && !alive(owner);
    })
    .slice(0, MAX_STALE_SWEEP);
  for (const d of stale) await stopPostfix(d);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** uid/gid of a system user, read from /etc/passwd (no extra dependency). */
function userInfoOf(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error(`system user "${name}" not found`);
  return { uid: Number(uid), gid: Number(gid) };
}
