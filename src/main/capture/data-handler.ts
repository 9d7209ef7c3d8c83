// DATA in capture mode: the message is scanned as it streams in (size, line endings, headers, attachments) and,
// with relay-through, passed on upstream chunk by chunk — never held whole in memory. A message over the
// listener's size limit is cut: the upstream never gets the final "." and the device gets 552.
import { PassThrough } from 'node:stream';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { MessageScanner } from './message-scan';
import { deviceReply, relayMessage, type RelayResult, type RelayTarget } from './relay';
import type { SessionRecorder } from './session-recorder';

type Reply = (err?: Error | null, msg?: string) => void;

export interface DataContext {
  relay: RelayTarget | null;
  maxMessageBytes: number;
  recorder: SessionRecorder;
  /** Runs a relay when one of the upstream slots is free. */
  relaySlot: <T>(job: () => Promise<T>) => Promise<T>;
}

const replyError = (text: string, code: number): Error =>
  Object.assign(new Error(text), { responseCode: code });

export function handleData(
  ctx: DataContext,
  stream: SMTPServerDataStream,
  s: SMTPServerSession,
  cb: Reply,
): void {
  const scanner = new MessageScanner();
  const { relay, recorder } = ctx;
  let body: PassThrough | null = null;
  let relayed: Promise<RelayResult> | null = null;
  if (relay) {
    const pass = new PassThrough();
    body = pass;
    // Errors end the upstream send (reported through relayMessage); nothing else listens.
    pass.on('error', () => undefined);
    const from = s.envelope.mailFrom ? s.envelope.mailFrom.address : '';
    const to = s.envelope.rcptTo.map((r) => r.address);
    relayed = ctx.relaySlot(() => relayMessage(relay, { from, to }, pass, recorder.credentialsFor(s.id)));
    // The upstream answered early (refused the envelope, dropped): stop feeding it, keep reading the device.
    void relayed.then(() => {
      detach();
      stream.resume();
    });
  }
  const detach = (reason?: Error): void => {
    if (!body) return;
    const b = body;
    body = null;
    if (reason) b.destroy(reason);
    else b.end();
  };
  stream.on('data', (chunk: Buffer) => {
    scanner.push(chunk);
    if (!body) return;
    if (stream.sizeExceeded)
      return detach(new Error(`message larger than ${ctx.maxMessageBytes} bytes: not relayed`));
    // Backpressure: while the upstream (or a free relay slot) is not ready, stop reading from the device.
    if (!body.write(chunk)) {
      stream.pause();
      body.once('drain', () => stream.resume());
    }
  });
  stream.on('end', () => {
    if (stream.sizeExceeded)
      detach(new Error(`message larger than ${ctx.maxMessageBytes} bytes: not relayed`));
    else detach();
    void finish(ctx, stream, scanner, s, relayed, cb);
  });
}

async function finish(
  ctx: DataContext,
  stream: SMTPServerDataStream,
  scanner: MessageScanner,
  s: SMTPServerSession,
  relayed: Promise<RelayResult> | null,
  cb: Reply,
): Promise<void> {
  const scan = scanner.finish();
  const base = {
    size: scan.size,
    truncated: stream.sizeExceeded,
    headers: scan.headers,
    attachments: scan.attachments,
    bareLf: scan.bareLf,
    bareCr: scan.bareCr,
  };
  if (stream.sizeExceeded) {
    // Wait for the cut-off upstream send to end, so no relay outlives the session it belongs to.
    if (relayed) await relayed;
    const text = `5.3.4 Message size exceeds the capture listener's limit of ${ctx.maxMessageBytes} bytes${relayed ? ' (not relayed)' : ''}`;
    ctx.recorder.message(s, { ...base, reply: `552 ${text}` });
    cb(replyError(text, 552));
    return;
  }
  if (relayed) {
    const result = await relayed;
    const answer = deviceReply(result);
    ctx.recorder.message(s, {
      ...base,
      reply: `${answer.code} ${answer.text}`,
      relay: {
        ok: result.ok,
        code: result.code,
        reply: result.reply.slice(0, 2000),
        durationMs: result.durationMs,
      },
    });
    if (result.ok) cb(null, answer.text);
    else cb(replyError(answer.text, answer.code >= 400 ? answer.code : 451));
    return;
  }
  const text = 'OK: captured by Device Mail Doctor (not delivered)';
  ctx.recorder.message(s, { ...base, reply: `250 ${text}` });
  cb(null, text);
}
