// The optional real test send (--send), through nodemailer: the only way SendAs denial shows (it arrives after
// DATA). One attempt, never resent: no reply after the final dot means "possibly delivered". Our own deadline
// sits on top of nodemailer's (whose defaults are minutes long).
import tls from 'node:tls';
import util from 'node:util';
import type { FindingRef } from '../../../shared/model';
import type { CheckOutcome } from './check-runner';
import { classify } from '../../../shared/findings/classify';
import type { EngineLimits } from '../limits';
import type { SessionLog } from '../protocol/transcript';

export const TEST_SUBJECT = 'Device Mail Doctor test message';
export const TEST_BODY =
  'This is a test message sent by Device Mail Doctor while a technician checked how devices at this site send mail.\r\n' +
  'No action is needed. / 機器のメール送信設定を確認するためのテスト メッセージです。対応は不要です。\r\n';

export interface SendSpec {
  host: string;
  address: string;
  port: number;
  localAddress?: string | undefined;
  ehloName: string;
  requireTls: boolean;
  extraCaPem: readonly string[];
  from: string;
  to: readonly string[];
  auth?: { user: string; password?: string | undefined; oauthToken?: string | undefined } | undefined;
}

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** A bunyan-style logger that feeds nodemailer's transaction log into our redacting transcript. */
function transcriptLogger(log: SessionLog, state: { dataSent: boolean }) {
  const write = (entry: { tnx?: string }, message: unknown, ...args: unknown[]) => {
    const text = util.format(String(message), ...args);
    if (entry.tnx === 'client') {
      log.client(text);
    } else if (entry.tnx === 'message' && /^<\d+ bytes encoded mime message/.test(text)) {
      // The whole message, final dot included, has been written: from here a lost reply means "possibly delivered".
      state.dataSent = true;
      log.client(text);
    } else if (entry.tnx === 'server') {
      for (const [i, line] of text.split(/\r?\n/).entries())
        log.server(line, i === text.split(/\r?\n/).length - 1);
    } else if (entry.tnx === 'network' || entry.tnx === 'connection') log.net(text);
  };
  const levels: Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
  return Object.fromEntries(levels.map((l) => [l, write])) as Record<Level, typeof write>;
}

export async function sendTestMessage(
  spec: SendSpec,
  limits: EngineLimits,
  log: SessionLog,
  signal: AbortSignal,
): Promise<CheckOutcome> {
  const state = { dataSent: false };
  const auth =
    spec.auth?.oauthToken !== undefined
      ? { type: 'OAuth2' as const, user: spec.auth.user, accessToken: spec.auth.oauthToken }
      : spec.auth?.password !== undefined
        ? { user: spec.auth.user, pass: spec.auth.password }
        : undefined;
  // Loaded on the first --send only: a diagnosis without a test message never pays for nodemailer.
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({
    host: spec.address,
    port: spec.port,
    secure: false,
    requireTLS: spec.requireTls,
    name: spec.ehloName,
    ...(spec.localAddress ? { localAddress: spec.localAddress } : {}),
    ...(auth ? { auth } : {}),
    tls: {
      servername: spec.host,
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
      ...(spec.extraCaPem.length ? { ca: [...tls.rootCertificates, ...spec.extraCaPem] } : {}),
    },
    connectionTimeout: limits.connectTimeoutMs,
    greetingTimeout: limits.bannerTimeoutMs,
    socketTimeout: limits.replyTimeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: transcriptLogger(log, state),
    transactionLog: true,
  });
  const details: Record<string, unknown> = { from: spec.from, to: spec.to, subject: TEST_SUBJECT };
  let timer: NodeJS.Timeout | undefined;
  const stop = new Promise<never>((_, reject) => {
    const fail = (why: string) => reject(Object.assign(new Error(why), { code: 'ETIMEDOUT' }));
    timer = setTimeout(() => fail(`no final reply within ${limits.sendTimeoutMs} ms`), limits.sendTimeoutMs);
    signal.addEventListener('abort', () => fail('cancelled'), { once: true });
  });
  try {
    const info = (await Promise.race([
      transport.sendMail({
        from: spec.from,
        to: [...spec.to],
        subject: TEST_SUBJECT,
        text: TEST_BODY,
        headers: { 'X-Device-Mail-Doctor': 'test' },
      }),
      stop,
    ])) as { response?: string; messageId?: string };
    details.response = info.response ?? '';
    details.messageId = info.messageId ?? '';
    return { status: 'pass', details };
  } catch (err) {
    const e = err as Error & { response?: string; responseCode?: number; code?: string };
    details.error = e.message;
    if (e.response && e.responseCode) {
      const findings = classify({ reply: e.response });
      return {
        status: e.responseCode < 500 ? 'warn' : 'fail',
        findings,
        details: { ...details, response: e.response },
      };
    }
    if (state.dataSent) {
      // The message went out but its fate is unknown: report, never resend (it may have been delivered).
      const f: FindingRef = {
        code: 'CONNECTION_DROPPED',
        params: { host: spec.host, reason: 'no reply after the message: possibly delivered' },
        evidence: [e.message],
      };
      return { status: 'warn', findings: [f], details: { ...details, possiblyDelivered: true } };
    }
    return {
      status: 'fail',
      findings: [{ code: 'CONNECTION_DROPPED', params: { host: spec.host }, evidence: [e.message] }],
      details,
    };
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
