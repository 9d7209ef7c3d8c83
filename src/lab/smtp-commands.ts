// What each SMTP command does on a lab endpoint, per exchange-online-facts.md. Scenario-specific replies come
// from the scenario table (scenarios.ts); endpoint rules (submission vs MX) are here.
import { randomBytes } from 'node:crypto';
import { R, queued, unrecognizedCommand } from './replies';
import { submissionDataReply } from './scenarios';
import { ehloReply, heloReply } from './server-identity';
import { continueAuth, startAuth } from './smtp-auth';
import type { LabSmtpSession } from './smtp-session';

/** A mailbox in MAIL/RCPT paths: local@domain, no spaces or brackets (UTF-8 allowed: SMTPUTF8 is offered). */
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
/** Commands allowed before EHLO/HELO (and again right after the TLS handshake). */
const BEFORE_HELLO = new Set(['EHLO', 'HELO', 'QUIT', 'NOOP', 'RSET']);
/** Every verb the lab implements; anything else is 500 5.3.3 at any time. */
const KNOWN = new Set([...BEFORE_HELLO, 'STARTTLS', 'AUTH', 'MAIL', 'RCPT', 'DATA', 'BDAT', 'VRFY']);
/** Exchange's "InternalId" in the Queued reply: increases per accepted message, per process. */
let internalIdCounter = 10_000;

export function handleCommand(s: LabSmtpSession, line: string): void {
  if (s.mode === 'auth-login-user' || s.mode === 'auth-login-pass' || s.mode === 'auth-xoauth2') {
    return continueAuth(s, line);
  }
  const sp = line.indexOf(' ');
  const verb = (sp < 0 ? line : line.slice(0, sp)).toUpperCase();
  const args = sp < 0 ? '' : line.slice(sp + 1).trim();
  if (!KNOWN.has(verb)) return s.send(unrecognizedCommand(verb));
  if (!s.greeted && !BEFORE_HELLO.has(verb) && !(verb === 'STARTTLS' && s.tls === null)) {
    return s.send(verb === 'AUTH' && s.tls === null ? R.unrecognizedAuth : R.sendHelloFirst);
  }
  switch (verb) {
    case 'EHLO':
    case 'HELO':
      if (!/^[\x21-\x7e\u0080-\uffff]+$/.test(args)) return s.send(R.invalidDomain);
      s.greeted = true;
      s.resetTransaction();
      return s.send(
        verb === 'HELO'
          ? heloReply(s.id, s.clientIp)
          : ehloReply(s.id, {
              endpoint: s.endpoint,
              tls: s.tls !== null,
              intercept: s.spec.intercept === true,
              clientIp: s.clientIp,
            }),
      );
    case 'STARTTLS': {
      if (s.tls !== null) return s.send(R.badSequence);
      const t = s.ctx.tls;
      const profile = s.spec.submissionTls ?? 'modern';
      const context = s.spec.intercept ? t.inspection : s.endpoint === 'mx' ? t.mx : t.submission[profile];
      // Only the default submission endpoint refuses TLS 1.0/1.1 after the handshake (421 4.7.66).
      return s.upgrade(context, !s.spec.intercept && s.endpoint === 'submission' && profile === 'modern');
    }
    case 'AUTH':
      return startAuth(s, args);
    case 'MAIL':
      return mail(s, args);
    case 'RCPT':
      return rcpt(s, args);
    case 'DATA':
      if (s.mailFrom === null) return s.send(R.needMail);
      if (s.rcptTo.length === 0) return s.send(R.needRcpt);
      s.mode = 'data';
      return s.send(R.startData);
    case 'BDAT':
      return bdat(s, args);
    case 'RSET':
      s.resetTransaction();
      return s.send(R.reset);
    case 'NOOP':
      return s.send(R.noop);
    case 'VRFY':
      return s.send(R.vrfy);
    default: // QUIT (the only verb left in KNOWN)
      return s.sendAndClose(R.quit);
  }
}

function parsePath(args: string, keyword: 'FROM' | 'TO'): { address: string; params: string } | null {
  const m = new RegExp(`^${keyword}:\\s*<([^<>]*)>\\s*(.*)$`, 'i').exec(args);
  if (!m) return null;
  const address = m[1] ?? '';
  if (address !== '' && !ADDRESS.test(address)) return null;
  if (address === '' && keyword === 'TO') return null;
  return { address, params: m[2] ?? '' };
}

function mail(s: LabSmtpSession, args: string): void {
  if (s.mailFrom !== null) return s.send(R.badSequence);
  if (s.endpoint === 'submission' && s.authUser === null) return s.send(R.notAuthenticated);
  const path = parsePath(args, 'FROM');
  if (!path) return s.send(R.invalidAddress);
  const size = /(?:^|\s)SIZE=(\d+)/i.exec(path.params)?.[1];
  if (size !== undefined && Number(size) > s.ctx.limits.maxMessageBytes) return s.send(R.messageTooLarge);
  const refusal =
    s.spec.mailReply?.(s.clientIp) ?? (s.endpoint === 'mx' ? s.spec.mxMailReply?.(s.clientIp) : undefined);
  if (refusal) return s.send(refusal);
  s.mailFrom = path.address;
  s.send(R.mailOk);
}

function rcpt(s: LabSmtpSession, args: string): void {
  if (s.mailFrom === null) return s.send(R.needMail);
  const path = parsePath(args, 'TO');
  if (!path) return s.send(R.invalidAddress);
  if (s.rcptTo.length >= s.ctx.limits.maxRecipients) return s.send(R.tooManyRecipients);
  const refusal =
    s.spec.rcptReply?.(s.clientIp) ??
    (s.endpoint === 'mx' ? (s.spec.mxRcptReply?.(s.clientIp) ?? mxRecipientRule(s, path.address)) : null);
  if (refusal) return s.send(refusal);
  s.rcptTo.push(path.address);
  s.send(R.rcptOk);
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * MX endpoint: internal recipients for anyone, external only via the connector IP. Reject Direct Send refuses
 * anonymous mail that matches no connector when the MAIL FROM (P1) domain is an accepted domain (SRC.
 * setOrgConfigRejectDirectSend); an IP connector refuses MAIL FROM domains that are not accepted (5.7.750).
 */
function mxRecipientRule(s: LabSmtpSession, address: string): string | null {
  const t = s.ctx.tenant;
  const connectorIp = s.spec.connectorIpChanged ? t.staleConnectorIp : t.connectorIp;
  const viaConnector = s.clientIp === connectorIp;
  const acceptedSender =
    s.mailFrom !== null && s.mailFrom !== '' && domainOf(s.mailFrom) === t.domain.toLowerCase();
  if (viaConnector && s.spec.unregisteredDomainBlock && !acceptedSender) return R.unregisteredDomain;
  if (domainOf(address) === t.domain.toLowerCase()) {
    const known = [t.mailbox, t.otherSender, t.internalRecipient].some(
      (a) => a.toLowerCase() === address.toLowerCase(),
    );
    if (!known) return R.recipientUnknown;
    if (s.spec.rejectDirectSend && !viaConnector && acceptedSender) return R.directSendRejected;
    return null;
  }
  if (viaConnector) return null;
  return s.spec.connectorIpChanged ? R.relayNotAttributed : R.relayNonAccepted;
}

function bdat(s: LabSmtpSession, args: string): void {
  const m = /^(\d{1,12})(\s+LAST)?\s*$/i.exec(args);
  if (!m) return s.send(R.invalidArgument);
  const size = Number(m[1]);
  s.bdatLast = m[2] !== undefined;
  s.bdatError = s.mailFrom === null ? R.needMail : s.rcptTo.length === 0 ? R.needRcpt : null;
  if (s.messageBytes + size > s.ctx.limits.maxMessageBytes) return s.sendAndClose(R.messageTooLarge);
  s.bdatRemaining = size;
  s.mode = 'bdat';
  if (size === 0) finishBdat(s);
}

/** A BDAT chunk has been read completely. */
export function finishBdat(s: LabSmtpSession): void {
  s.mode = 'command';
  if (s.bdatError !== null) {
    const err = s.bdatError;
    s.bdatError = null;
    s.resetTransaction();
    return s.send(err);
  }
  if (s.bdatLast) return finishMessage(s);
  s.send(R.bdatChunk);
}

export function handleDataLine(s: LabSmtpSession, line: string): void {
  if (line === '.') {
    s.mode = 'command';
    return finishMessage(s);
  }
  s.appendMessage(`${line.startsWith('.') ? line.slice(1) : line}\r\n`);
}

function finishMessage(s: LabSmtpSession): void {
  const from = s.mailFrom ?? '';
  let refusal: string | null = null;
  if (s.messageBytes > s.ctx.limits.maxMessageBytes) refusal = R.messageTooLarge;
  else if (s.bareLinefeed) refusal = R.bareLinefeeds;
  else if (s.endpoint === 'submission') refusal = submissionDataReply(s.spec, s.authUser ?? '', from);
  if (refusal !== null) {
    s.resetTransaction();
    return s.send(refusal);
  }
  const received = s.ctx.received;
  received.push({
    endpoint: s.endpoint,
    clientAddress: s.clientIp,
    authUser: s.authUser,
    mailFrom: from,
    rcptTo: [...s.rcptTo],
    data: s.dataParts.join(''),
    receivedAt: new Date().toISOString(),
    tls: s.tls,
  });
  while (received.length > s.ctx.limits.maxReceived) received.shift();
  const bytes = s.messageBytes;
  s.resetTransaction();
  internalIdCounter += 1;
  s.send(queued(randomBytes(16).toString('hex').toUpperCase(), s.id.suffixHost, internalIdCounter, bytes));
}
