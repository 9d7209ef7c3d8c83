// Scripted raw `net` servers that misbehave on purpose (no banner, endless replies, huge lines, trickling bytes,
// garbage, HTTP, TLS stalls, STARTTLS injection, bad certificates). Loopback only; every loop bounded in count and
// time; certificates generated at test time (node crypto keys, node-forge X.509), never committed.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import forge from 'node-forge';

export interface Scripted {
  address: string;
  port: number;
  /** Connections accepted so far. */
  connections: () => number;
  /** Most connections open at the same time so far (one stops counting when the client half-closes or leaves). */
  maxConcurrent: () => number;
  close: () => Promise<void>;
}

/** Upper bound on lines an "endless" reply writes, and on bytes a "huge line" writes (10 MB). */
const ENDLESS_MAX_LINES = 200_000;
const HUGE_LINE_BYTES = 10 * 1024 * 1024;
/** A trickling server sends one byte per this many ms, for at most TRICKLE_MAX_BYTES bytes. */
const TRICKLE_INTERVAL_MS = 1_000;
const TRICKLE_MAX_BYTES = 120;
/** Bytes of SMTP command input a scripted session buffers before giving up on the client. */
const MAX_INPUT_BYTES = 64 * 1024;

export async function startScripted(
  onConnection: (socket: net.Socket) => void,
  address = '127.0.0.1',
): Promise<Scripted> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  let peak = 0;
  const live = new Set<net.Socket>();
  const server = net.createServer((s) => {
    count++;
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
    s.on('end', () => live.delete(s));
    s.on('close', () => live.delete(s));
    live.add(s);
    peak = Math.max(peak, live.size);
    onConnection(s);
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    address,
    port,
    connections: () => count,
    maxConcurrent: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes `total` bytes of `fill` in chunks, honouring backpressure, until done or the peer is gone. */
function pump(socket: net.Socket, total: number, chunk: Buffer): void {
  let sent = 0;
  const next = () => {
    while (sent < total && !socket.destroyed) {
      sent += chunk.length;
      if (!socket.write(chunk)) return void socket.once('drain', next);
    }
  };
  next();
}

export const behaviours = {
  /** Accepts and never says anything. */
  noBanner: (_s: net.Socket) => undefined,
  /** Greets, then hangs up at once. */
  bannerThenClose: (s: net.Socket) => s.end('220 mail.example.test ESMTP\r\n'),
  /** Greets, then answers EHLO with `250-` lines that never end (bounded). */
  endless250: (s: net.Socket) => {
    s.write('220 mail.example.test ESMTP\r\n');
    s.once('data', () =>
      pump(s, ENDLESS_MAX_LINES * 24, Buffer.from('250-ENDLESS-CAPABILITY\r\n'.repeat(2000))),
    );
  },
  /** A 10 MB greeting line without a line end. */
  hugeLine: (s: net.Socket) => pump(s, HUGE_LINE_BYTES, Buffer.alloc(64 * 1024, 0x41)),
  /** The banner at one byte per second. */
  trickle: (s: net.Socket) => {
    const text = Buffer.from(`220 ${'slow.example.test '.repeat(6)}ESMTP\r\n`).subarray(0, TRICKLE_MAX_BYTES);
    let i = 0;
    const timer = setInterval(() => {
      if (s.destroyed || i >= text.length) return void clearInterval(timer);
      s.write(text.subarray(i, ++i));
    }, TRICKLE_INTERVAL_MS);
    s.on('close', () => clearInterval(timer));
  },
  /** Random binary bytes, including NUL and ANSI escapes. */
  garbage: (s: net.Socket) =>
    s.write(Buffer.concat([Buffer.from('\x1b[31m\x00\x01'), randomBytes(512), Buffer.from('\r\n')])),
  /** A web server on the SMTP port. */
  http: (s: net.Socket) =>
    s.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: 0\r\n\r\n'),
};

export interface SmtpScript {
  /** STARTTLS: a certificate to present, 'stall' (220 then never answer the handshake), or absent (not offered). */
  tls?: { keyPem: string; certPem: string } | 'stall';
  /** Plaintext written right after STARTTLS's 220, in the same packet (STARTTLS response injection). */
  inject?: string;
  /** Offer AUTH LOGIN PLAIN XOAUTH2 and echo every credential line back in the replies (redaction tests). */
  echoAuth?: boolean;
  banner?: string;
  /** Accept AUTH (any credentials) and DATA; 'no-354' never answers DATA, 'no-final' never answers the final dot. */
  accept?: 'ok' | 'no-354' | 'no-final';
  /** Extra reply lines sent right after the EHLO reply (unsolicited replies). */
  extraAfterEhlo?: string;
  /** AUTH is offered, then answered with this reply and the connection closed; 'drop' closes without a reply. */
  authThenClose?: string;
}

/** A small SMTP server following `script`: EHLO, STARTTLS (real TLS, or a stall), AUTH echo, MAIL/RCPT, QUIT. */
export function smtpScript(script: SmtpScript): (socket: net.Socket) => void {
  return (plain) => {
    let sock: net.Socket = plain;
    let tlsOn = false;
    let buf = '';
    let authStep: 'none' | 'login-user' | 'login-pass' | 'plain' = 'none';
    let inData = false;
    const say = (line: string) => {
      if (!sock.destroyed) sock.write(`${line}\r\n`);
    };
    const ehlo = () => {
      const caps = ['250-mail.example.test Hello [127.0.0.1]', '250-PIPELINING', '250-SIZE 1000000'];
      if (script.tls && !tlsOn) caps.push('250-STARTTLS');
      if ((script.echoAuth || script.accept || script.authThenClose) && (tlsOn || !script.tls))
        caps.push('250-AUTH LOGIN PLAIN XOAUTH2');
      caps.push('250 8BITMIME');
      return caps.join('\r\n');
    };
    const echo = (s: string) =>
      `${s} decoded=${Buffer.from(s, 'base64')
        .toString('latin1')
        .replace(/[\r\n]/g, ' ')}`;
    const onLine = (line: string) => {
      if (inData) {
        if (line !== '.') return;
        inData = false;
        return script.accept === 'no-final' ? undefined : say('250 2.6.0 Queued mail for delivery');
      }
      if (script.accept && authStep !== 'none') {
        authStep = authStep === 'login-user' ? 'login-pass' : 'none';
        return say(authStep === 'login-pass' ? '334 UGFzc3dvcmQ6' : '235 2.7.0 Authentication successful');
      }
      if (authStep === 'login-user') {
        authStep = 'login-pass';
        return say(`334 ${echo(line)}`);
      }
      if (authStep === 'login-pass' || authStep === 'plain') {
        authStep = 'none';
        return say(`535 5.7.3 Authentication unsuccessful ${echo(line)}`);
      }
      const verb = (line.split(' ')[0] ?? '').toUpperCase();
      if (verb === 'EHLO' || verb === 'HELO')
        return say(script.extraAfterEhlo ? `${ehlo()}\r\n${script.extraAfterEhlo}` : ehlo());
      if (verb === 'DATA' && script.accept) {
        if (script.accept === 'no-354') return;
        inData = true;
        return say('354 Start mail input; end with <CRLF>.<CRLF>');
      }
      if (verb === 'STARTTLS' && script.tls && !tlsOn) return startTls();
      if (verb === 'AUTH' && script.authThenClose) {
        if (script.authThenClose === 'drop') return void sock.destroy();
        return void sock.end(`${script.authThenClose}\r\n`);
      }
      if (verb === 'AUTH' && script.accept) {
        const [, mech = '', initial] = line.split(' ');
        if (mech.toUpperCase() === 'LOGIN' && !initial)
          return void ((authStep = 'login-user'), say('334 VXNlcm5hbWU6'));
        return say('235 2.7.0 Authentication successful');
      }
      if (verb === 'AUTH' && script.echoAuth) {
        const [, mech = '', initial] = line.split(' ');
        if (mech.toUpperCase() === 'LOGIN') return void ((authStep = 'login-user'), say('334 VXNlcm5hbWU6'));
        if (initial) return say(`535 5.7.3 Authentication unsuccessful ${echo(initial)}`);
        return void ((authStep = 'plain'), say('334 '));
      }
      if (verb === 'QUIT') return void sock.end('221 2.0.0 Bye\r\n');
      if (verb === 'MAIL' || verb === 'RCPT' || verb === 'RSET' || verb === 'NOOP')
        return say('250 2.0.0 OK');
      return say('502 5.5.2 Command not implemented');
    };
    const onData = (d: Buffer) => {
      buf += d.toString('latin1');
      if (buf.length > MAX_INPUT_BYTES) return void sock.destroy();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).replace(/\r$/, '');
        buf = buf.slice(nl + 1);
        onLine(line);
      }
    };
    const startTls = () => {
      plain.write(`220 2.0.0 Ready to start TLS\r\n${script.inject ?? ''}`);
      plain.removeListener('data', onData);
      if (script.tls === 'stall' || !script.tls) return; // never answer the ClientHello
      const secure = new tls.TLSSocket(plain, {
        isServer: true,
        key: script.tls.keyPem,
        cert: script.tls.certPem,
        minVersion: 'TLSv1.2',
      });
      secure.on('error', () => plain.destroy());
      secure.on('data', onData);
      sock = secure;
      tlsOn = true;
      buf = '';
    };
    plain.on('data', onData);
    say(script.banner ?? '220 mail.example.test ESMTP test server');
  };
}

export interface TestCert {
  keyPem: string;
  certPem: string;
}

const key = (() => {
  let cached: { privateKey: string; publicKey: string } | null = null;
  return () =>
    (cached ??= generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    }));
})();

/** A certificate for `names`, valid between the two dates, self-signed or signed by `issuer`. */
export function makeCert(opts: {
  names: string[];
  notBefore: Date;
  notAfter: Date;
  issuer?: TestCert;
  ca?: boolean;
  cn?: string;
}): TestCert {
  const k = key();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(k.publicKey);
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = opts.notBefore;
  cert.validity.notAfter = opts.notAfter;
  const subject = [{ name: 'commonName', value: opts.cn ?? opts.names[0] ?? 'test' }];
  cert.setSubject(subject);
  cert.setIssuer(
    opts.issuer ? forge.pki.certificateFromPem(opts.issuer.certPem).subject.attributes : subject,
  );
  const ext: object[] = [{ name: 'basicConstraints', cA: opts.ca ?? false }];
  if (opts.ca) ext.push({ name: 'keyUsage', keyCertSign: true, digitalSignature: true, cRLSign: true });
  else ext.push({ name: 'subjectAltName', altNames: opts.names.map((value) => ({ type: 2, value })) });
  cert.setExtensions(ext);
  cert.sign(forge.pki.privateKeyFromPem(opts.issuer?.keyPem ?? k.privateKey), forge.md.sha256.create());
  return { keyPem: k.privateKey, certPem: forge.pki.certificateToPem(cert) };
}

const DAY_MS = 86_400_000;
export const days = (n: number) => new Date(Date.now() + n * DAY_MS);
