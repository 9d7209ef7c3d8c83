// Keeps one client address from starving the device: a cap on connections per address, and a per-command idle
// timeout so a client that dribbles bytes cannot hold a slot for the whole session time. smtp-server has only a
// total cap (maxClients) and a socket-idle timeout, which one byte every few seconds defeats.
import type { Socket } from 'node:net';

/**
 * Connections one client address may hold at once. A multifunction printer opens one connection per job and
 * rarely more than two or three at a time (Exchange Online itself allows 3 concurrent connections per mailbox,
 * exchange-online-facts.md); 10 leaves room for a device that retries while an old connection lingers, and keeps
 * 90 of the 100 total slots for other addresses.
 */
export const MAX_CONNECTIONS_PER_ADDRESS = 10;

/**
 * Longest wait for one complete command line after our previous reply, in milliseconds. RFC 5321 section
 * 4.5.3.2.7 gives a server 5 minutes, sized for slow links and people typing; device firmware writes each command
 * in one go right after reading our reply, on the same LAN, so anything slower than 30 s is a stuck or hostile
 * client. During DATA the socket-idle timeout applies instead (a scan may be read from the device's disk).
 */
export const COMMAND_IDLE_MS = 30_000;

/** Counts open connections per remote address. */
export class AddressCounter {
  // Sockets per address, counted by whether they are still open — not by a 'close' listener: smtp-server removes
  // every listener from the raw socket when a session upgrades with STARTTLS, so a listener-based count would never
  // go down and a device that used STARTTLS ten times would be locked out.
  private readonly sockets = new Map<string, Set<Socket>>();

  /** Registers a new socket; false when its address already holds `limit` open connections (the socket is not counted). */
  admit(socket: Socket, limit: number): boolean {
    const addr = socket.remoteAddress ?? '';
    const set = this.sockets.get(addr) ?? new Set<Socket>();
    for (const s of set) if (s.destroyed) set.delete(s);
    if (set.size >= limit) return false;
    set.add(socket);
    this.sockets.set(addr, set);
    return true;
  }
}

/** The parts of smtp-server's (untyped) SMTPConnection the command timer needs. */
interface ConnectionInternals {
  _onCommand: (command: Buffer, callback: () => void) => void;
  _handlerPending?: boolean;
  _parser?: { _dataMode?: boolean };
  _closed?: boolean;
  _closing?: boolean;
  send: (code: number, text: string) => void;
}

/**
 * Ends a connection whose client has not finished a command line within `ms` of being ready for one. The timer
 * restarts with each command; while our own handler runs or a message is being received it only re-arms.
 */
export function guardCommands(connection: unknown, socket: Socket, ms: number, onTimeout: () => void): void {
  const conn = connection as ConnectionInternals;
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(fire, ms);
    timer.unref();
  };
  const fire = (): void => {
    if (conn._closed || conn._closing) return;
    if (conn._handlerPending || conn._parser?._dataMode) return arm();
    onTimeout();
    conn.send(
      421,
      `4.4.2 Timeout waiting for a command (capture listener allows ${Math.round(ms / 1000)} s per command) - closing connection`,
    );
  };
  const original = conn._onCommand.bind(conn);
  conn._onCommand = (command, callback) => {
    arm();
    original(command, callback);
  };
  socket.once('close', () => clearTimeout(timer));
  arm();
}
