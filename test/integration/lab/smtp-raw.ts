// A minimal raw SMTP client for lab tests that need byte-level control (no EHLO after TLS, pipelining,
// concurrent sessions, banners). Every wait is bounded.
import net from 'node:net';
import tls from 'node:tls';

/** How long a test waits for one reply, in milliseconds. */
const REPLY_WAIT_MS = 5000;

export class RawSmtp {
  private buf = '';
  private waiter: (() => void) | null = null;
  private ended = false;
  private constructor(private sock: net.Socket | tls.TLSSocket) {
    this.attach(sock);
  }

  static connect(port: number, opts: { host?: string; localAddress?: string } = {}): Promise<RawSmtp> {
    return new Promise((resolve, reject) => {
      const sock = net.connect({ host: opts.host ?? '127.0.0.1', port, localAddress: opts.localAddress });
      sock.once('error', reject);
      sock.once('connect', () => {
        sock.removeListener('error', reject);
        resolve(new RawSmtp(sock));
      });
    });
  }

  private attach(sock: net.Socket | tls.TLSSocket): void {
    sock.setEncoding('utf8');
    sock.on('data', (d: string) => {
      this.buf += d;
      this.waiter?.();
    });
    sock.on('error', () => undefined);
    sock.on('close', () => {
      this.ended = true;
      this.waiter?.();
    });
  }

  /** One complete reply (all lines up to the one with a space after the code), or '' if the server closed. */
  async read(timeoutMs = REPLY_WAIT_MS): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\r?\n/.exec(this.buf) ?? /^[^\n]*\n/.exec(this.buf);
      if (m) {
        this.buf = this.buf.slice(m[0].length);
        return m[0].replace(/\r?\n$/, '');
      }
      if (this.ended) return '';
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no reply within ${timeoutMs} ms (buffer: ${JSON.stringify(this.buf.slice(0, 200))})`,
        );
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.waiter = null;
    }
  }

  write(text: string): void {
    this.sock.write(text);
  }

  async cmd(line: string): Promise<string> {
    this.sock.write(`${line}\r\n`);
    return this.read();
  }

  /** STARTTLS then handshake; resolves with the TLS socket's details. */
  async starttls(servername: string, tlsOptions: tls.ConnectionOptions = {}): Promise<tls.TLSSocket> {
    const reply = await this.cmd('STARTTLS');
    if (!reply.startsWith('220')) throw new Error(`STARTTLS refused: ${reply}`);
    return this.handshake(servername, tlsOptions);
  }

  /** TLS handshake on the current socket (after a 220 to STARTTLS was read). */
  async handshake(servername: string, tlsOptions: tls.ConnectionOptions = {}): Promise<tls.TLSSocket> {
    const raw = this.sock;
    raw.removeAllListeners('data');
    this.buf = '';
    const secure = tls.connect({ socket: raw, servername, ...tlsOptions });
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('TLS handshake timed out')), REPLY_WAIT_MS);
      secure.once('secureConnect', () => {
        clearTimeout(t);
        resolve();
      });
      secure.once('error', (e: Error) => {
        clearTimeout(t);
        reject(e);
      });
    });
    this.sock = secure;
    this.attach(secure);
    return secure;
  }

  async login(user: string, password: string): Promise<string> {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const first = await this.cmd('AUTH LOGIN');
    if (!first.startsWith('334')) return first;
    await this.cmd(b64(user));
    return this.cmd(b64(password));
  }

  close(): void {
    this.sock.destroy();
  }
}

/** Asserts-friendly split of a reply: code, enhanced code, whether it carries Exchange's suffix. */
export function parseReply(reply: string): { code: number; enhanced: string | null; suffixed: boolean } {
  const last = reply.split(/\r?\n/).pop() ?? '';
  const m = /^(\d{3})[ -](\d\.\d{1,3}\.\d{1,3})?/.exec(last);
  return {
    code: m ? Number(m[1]) : 0,
    enhanced: m?.[2] ?? null,
    suffixed:
      /\[[A-Z0-9]+\.[\w.-]+\.outlook\.com \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z [0-9A-F]{16}\]$/.test(last),
  };
}
