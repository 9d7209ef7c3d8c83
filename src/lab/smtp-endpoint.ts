// A lab SMTP listener (submission or MX): accepts connections up to the bound, hands each to a LabSmtpSession.
// Listens on the lab address and, when it can get the same port there, on ::1 too (AAAA answers point at it).
import net from 'node:net';
import { R, withSuffix } from './replies';
import { pickIdentity } from './server-identity';
import { LabSmtpSession, type LabContext } from './smtp-session';

export interface SmtpEndpoint {
  port: number;
  /** True when the endpoint also listens on [::1]:port. */
  ipv6: boolean;
  close(): Promise<void>;
}

function listen(server: net.Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.removeListener('error', onError);
      resolve();
    });
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
}

export async function startSmtpEndpoint(
  endpoint: 'submission' | 'mx',
  ctx: LabContext,
  address: string,
  port: number,
): Promise<SmtpEndpoint> {
  const sessions = new Set<LabSmtpSession>();
  const sockets = new Set<net.Socket>();
  const onConnection = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (sessions.size >= ctx.limits.maxConnections) {
      socket.on('error', () => socket.destroy());
      const id = pickIdentity(endpoint);
      socket.end(`${withSuffix(R.tooManyConnections, id.suffixHost, id.sessionId)}\r\n`);
      return;
    }
    sessions.add(new LabSmtpSession(socket, endpoint, ctx, (s) => sessions.delete(s)));
  };
  const main = net.createServer(onConnection);
  await listen(main, address, port);
  const bound = (main.address() as net.AddressInfo).port;
  let v6: net.Server | null = null;
  if (address !== '::1' && net.isIPv4(address)) {
    const candidate = net.createServer(onConnection);
    try {
      await listen(candidate, '::1', bound);
      v6 = candidate;
    } catch {
      v6 = null; // no IPv6 loopback here, or the port is taken there: AAAA answers will be empty
    }
  }
  return {
    port: bound,
    ipv6: v6 !== null,
    async close() {
      const done = Promise.all([closeServer(main), v6 ? closeServer(v6) : Promise.resolve()]);
      for (const s of sockets) s.destroy();
      await done;
    },
  };
}
