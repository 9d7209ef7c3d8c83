// Watches what the device sends where smtp-server expects a command: the command verbs in order (so a session
// that ends without a message says where the device stopped), and a TLS ClientHello arriving as a "command" (the
// device is set to SSL/TLS from the first byte, "465", but talks to a plain/STARTTLS listener).
// Only verbs are kept (AUTH keeps its mechanism name): never arguments, never the AUTH exchange's lines.
import { parseClientHello, type HelloResult } from './client-hello';

/** How long a connection that began with a ClientHello on a plain port is kept, in milliseconds. */
const TLS_MISMATCH_CLOSE_MS = 500;
/** Most command verbs kept per session. */
export const MAX_COMMANDS = 60;

/** The part of smtp-server's connection object this needs (it is untyped in @types/smtp-server). */
export interface WatchedConnection {
  session: { id: string };
  _nextHandler?: unknown;
  _onCommand: (command: Buffer, callback?: () => void) => void;
  /** The command parser the raw socket is piped into (a Writable). */
  _parser?: {
    _write: (chunk: unknown, encoding: BufferEncoding, callback: (err?: Error | null) => void) => void;
  };
  close?: () => void;
  _socket?: { destroy: () => void };
}

export interface CommandSink {
  command(id: string, verb: string): void;
  /** A TLS ClientHello arrived where a command was expected. */
  tlsWhereCommandExpected(id: string, hello: HelloResult): void;
}

/** TLS record type 22 (handshake) followed by a TLS major version 3. */
function looksLikeTls(b: Buffer): boolean {
  return b.length >= 3 && b[0] === 0x16 && b[1] === 0x03;
}

function verbOf(line: string): string | null {
  const words = line.trim().split(/\s+/);
  const verb = (words[0] ?? '').toUpperCase();
  if (!/^[A-Z]{2,12}$/.test(verb)) return null;
  if (verb === 'AUTH') {
    const mech = (words[1] ?? '').toUpperCase();
    return /^[A-Z0-9_-]{1,20}$/.test(mech) ? `AUTH ${mech}` : 'AUTH';
  }
  return verb;
}

export function watchCommands(conn: WatchedConnection, sink: CommandSink): void {
  // The first bytes of the plain connection: a ClientHello has no line end, so the command parser would wait for
  // one forever; it is seen here, before the parser, instead.
  const parser = conn._parser;
  if (parser) {
    const write = parser._write.bind(parser);
    let first = true;
    let tls = false;
    parser._write = (chunk, encoding, callback) => {
      if (first) {
        first = false;
        if (Buffer.isBuffer(chunk) && looksLikeTls(chunk)) {
          tls = true;
          sink.tlsWhereCommandExpected(conn.session.id, parseClientHello(chunk));
          // Nothing the device sends next can be SMTP: the rest is dropped, and the connection ends shortly (after
          // smtp-server has opened the session it is recorded in; a TLS client never answers our plain greeting).
          setTimeout(() => conn._socket?.destroy(), TLS_MISMATCH_CLOSE_MS).unref();
        }
      }
      if (tls) callback();
      else write(chunk, encoding, callback);
    };
  }
  const original = conn._onCommand.bind(conn);
  let count = 0;
  conn._onCommand = (command, callback) => {
    const buf = Buffer.isBuffer(command) ? command : Buffer.from(String(command ?? ''), 'latin1');
    // Lines answering an AUTH challenge (user name / password in base64) go to _nextHandler: never recorded.
    if (!conn._nextHandler) {
      const verb = verbOf(buf.toString('latin1'));
      if (verb && count < MAX_COMMANDS) {
        count++;
        sink.command(conn.session.id, verb);
      }
    }
    original(command, callback);
  };
}
