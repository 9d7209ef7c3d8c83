// Sends one message to a lab endpoint with nodemailer, returning the server's final reply instead of throwing.
import nodemailer from 'nodemailer';
import type { ConnectionOptions } from 'node:tls';
import type { Lab } from '../../../src/lab';

export interface SendOutcome {
  ok: boolean;
  response: string;
  responseCode: number | null;
  /** nodemailer's error code (EAUTH, EENVELOPE, EMESSAGE, ESOCKET, ETIMEDOUT, ...). */
  code: string | null;
  message: string;
}

export interface SendOptions {
  endpoint?: 'submission' | 'mx';
  /** Envelope sender (MAIL FROM, P1); also the From header unless headerFrom is given. */
  from?: string;
  /** From header (P2) when it differs from the envelope sender. */
  headerFrom?: string;
  to?: string;
  /** Basic credentials (default: the lab mailbox); null = no AUTH; 'oauth' = XOAUTH2 with the lab token. */
  auth?: { user: string; pass: string } | 'oauth' | null;
  tls?: ConnectionOptions;
  /** Source address (127.0.0.x acts as the site's static public IP). */
  localAddress?: string;
  ignoreTLS?: boolean;
}

/** Per-phase client timeouts, in milliseconds (generous: the machine is shared). */
const CLIENT_TIMEOUT_MS = 8000;

export async function send(lab: Lab, o: SendOptions = {}): Promise<SendOutcome> {
  const ep = o.endpoint === 'mx' ? lab.mx : lab.submission;
  const auth =
    o.auth === null
      ? undefined
      : o.auth === 'oauth'
        ? { type: 'OAuth2' as const, user: lab.tenant.mailbox, accessToken: lab.tenant.oauthToken }
        : (o.auth ?? { user: lab.tenant.mailbox, pass: lab.tenant.password });
  const transport = nodemailer.createTransport({
    host: ep.address,
    port: ep.port,
    secure: false,
    requireTLS: o.endpoint !== 'mx' && !o.ignoreTLS,
    ignoreTLS: o.ignoreTLS ?? false,
    localAddress: o.localAddress,
    name: 'mfp-lab-test.contoso.local',
    tls: { servername: ep.host, ca: [lab.caPem], ...o.tls },
    auth,
    connectionTimeout: CLIENT_TIMEOUT_MS,
    greetingTimeout: CLIENT_TIMEOUT_MS,
    socketTimeout: CLIENT_TIMEOUT_MS,
  });
  try {
    const from = o.from ?? lab.tenant.mailbox;
    const to = o.to ?? lab.tenant.internalRecipient;
    const info = await transport.sendMail({
      from: o.headerFrom ?? from,
      to,
      envelope: { from, to },
      subject: 'Device Mail Doctor lab test',
      text: 'Scan to e-mail test.\n.leading dot line\n',
    });
    return {
      ok: true,
      response: info.response,
      responseCode: Number(info.response.slice(0, 3)),
      code: null,
      message: '',
    };
  } catch (err) {
    const e = err as Error & { response?: string; responseCode?: number; code?: string };
    return {
      ok: false,
      response: e.response ?? '',
      responseCode: e.responseCode ?? null,
      code: e.code ?? null,
      message: e.message,
    };
  } finally {
    transport.close();
  }
}
