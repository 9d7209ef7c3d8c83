// `device-mail-doctor capture`: listens where the technician chooses, the device is pointed at this computer,
// and each session the device makes is printed with its diagnosis as it completes (JSON lines with --json).
// Stops on Ctrl+C, after --idle-timeout without connections, or after --max-sessions. Exit 0 when no session
// failed, 1 when one did, 2 on bad input (including an address or port that cannot be listened on).
import { isIP } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CaptureListenError,
  listLocalAddresses,
  startCapture,
  type ListenSpec,
  type RelayTarget,
} from '../../main/capture/index';
import { exposureWarning } from '../../main/capture/exposure';
import { openRelayProblem } from '../../main/capture/relay-policy';
import { addCaptureToReport } from '../../main/capture/report-entry';
import { defaultReportsDir } from '../../main/store/default-dir';
import { createReportStore } from '../../main/store/report-store';
import { isStoreError } from '../../main/store/store-error';
import { domainValue, reportIdValue } from '../validate';
import type { CaptureDiagnosis } from '../../shared/capture';
import { MethodSchema, type Lang } from '../../shared/model';
import { findSecret, scrubSecrets, secretForms, type SessionSecrets } from '../../shared/secrets';
import { readPemFlag } from '../read-pem';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, parseLang, printable, type CliCommand, type CliIo } from '../io';
import { withInterrupt } from '../interrupt';
import { readSecretFromStdin, secretFromEnv } from '../secret-input';
import { renderCaptureHuman, renderCaptureJson } from '../../main/capture/render';

const HELP = `Usage: device-mail-doctor capture --listen ADDR[:PORT] [...] [flags]

Listen:   --listen ADDR[:PORT] (repeatable; no port = 2525, plus 587 and 25 where allowed)  --implicit-tls ADDR[:PORT] (default port 465)
          --list-addresses (show this computer's addresses and exit)
Diagnose: --method submission|direct-send|relay (default submission)  --domain DOMAIN (tenant domains, repeatable)
Relay:    --relay HOST:PORT  --relay-connect ADDR (connect here, keep HOST for TLS)  --relay-ca FILE
          --relay-user UPN with --relay-password-env VAR | --relay-password-stdin, or --relay-device-auth
          (sign in with the device's own credentials, memory only)  --relay-no-starttls
          --listen-password-env VAR (a password you choose and type into the device: only sessions that sign in
          with it are relayed; needed with --relay-user)
          Never an open relay: without sign-in only recipients in --domain are relayed (Direct Send / relay);
          anything else gets 530 5.7.57 / 550 5.7.54, as from Exchange Online, recorded as a finding.
Limits:   --max-connections N  --max-size BYTES  --session-timeout S  --idle-timeout S (default 1800, 0 = never)
          --max-sessions N (stop after N sessions)
Report:   --report ID (append each session to that report)  --reports-dir DIR
Output:   --json (one JSON object per line)  --lang ja|en

Listening on an address other than 127.0.0.1 / ::1 lets any device on that network connect: a warning says
which. 0.0.0.0 / :: (every address) is used only when typed.

Exit codes: 0 no session failed, 1 a session failed, 2 bad input.
`;

/** Capture ports when --listen names only an address: 2525 always; 587 and 25 where the OS allows (skipped otherwise). */
const DEFAULT_PORT = 2525;
const OPTIONAL_PORTS = [587, 25];
const DEFAULT_IMPLICIT_PORT = 465;
/** Longest relay password read from stdin, in bytes. */
const MAX_SECRET_BYTES = 4096;

const OPTIONS = {
  listen: { type: 'string', multiple: true },
  'implicit-tls': { type: 'string', multiple: true },
  'list-addresses': { type: 'boolean' },
  method: { type: 'string' },
  domain: { type: 'string', multiple: true },
  relay: { type: 'string' },
  'relay-connect': { type: 'string' },
  'relay-ca': { type: 'string' },
  'relay-user': { type: 'string' },
  'relay-password-env': { type: 'string' },
  'relay-password-stdin': { type: 'boolean' },
  'relay-device-auth': { type: 'boolean' },
  'relay-no-starttls': { type: 'boolean' },
  'relay-password': { type: 'string' },
  'listen-password-env': { type: 'string' },
  'max-connections': { type: 'string' },
  'max-size': { type: 'string' },
  'session-timeout': { type: 'string' },
  'idle-timeout': { type: 'string' },
  'max-sessions': { type: 'string' },
  report: { type: 'string' },
  'reports-dir': { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function int(flag: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,10}$/.test(v) || Number(v) < min || Number(v) > max)
    throw new UsageError(`--${flag} must be a whole number ${min}-${max} (got "${printable(v)}")`);
  return Number(v);
}

/** ADDR, ADDR:PORT, [IPv6] or [IPv6]:PORT. The address must be an IP: we bind only where asked. */
export function parseListen(
  flag: string,
  s: string,
  defaultPort: number,
  optionalPorts: readonly number[] = [],
): ListenSpec[] {
  const m =
    /^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$/.exec(s) ??
    /^([0-9.]+)(?::(\d{1,5}))?$/.exec(s) ??
    (isIP(s) === 6 ? [s, s, undefined] : null);
  const address = m?.[1];
  if (!m || !address || !isIP(address))
    throw new UsageError(
      `--${flag} must be ADDR[:PORT] with an IP address of this computer (got "${printable(s)}")`,
    );
  const port = m[2] === undefined ? undefined : Number(m[2]);
  if (port !== undefined && port > 65535)
    throw new UsageError(`--${flag} port must be 0-65535 (0: any free port) (got "${printable(s)}")`);
  if (port !== undefined) return [{ address, port }];
  return [
    { address, port: defaultPort },
    ...optionalPorts.map((p) => ({ address, port: p, optional: true })),
  ];
}

function parseRelayHost(s: string): { host: string; port: number } {
  const m = /^([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/.exec(s);
  const port = Number(m?.[2]);
  if (!m?.[1] || port < 1 || port > 65535)
    throw new UsageError(`--relay must be HOST:PORT, e.g. smtp.office365.com:587 (got "${printable(s)}")`);
  return { host: m[1].replace(/^\[|\]$/g, ''), port };
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function relayTarget(
  v: Values,
  io: CliIo,
  method: string,
): Promise<{ target: RelayTarget; secrets: SessionSecrets[] } | null> {
  if (v.relay === undefined) {
    for (const f of [
      'relay-connect',
      'relay-ca',
      'relay-user',
      'relay-password-env',
      'relay-password-stdin',
      'relay-device-auth',
    ] as const) {
      if (v[f] !== undefined) throw new UsageError(`--${f} needs --relay HOST:PORT`);
    }
    return null;
  }
  const { host, port } = parseRelayHost(v.relay);
  if (v['relay-connect'] !== undefined && !isIP(v['relay-connect']))
    throw new UsageError(`--relay-connect must be an IP address (got "${printable(v['relay-connect'])}")`);
  let password: string | undefined;
  if (v['relay-password-env'] !== undefined) {
    password = secretFromEnv(io, 'relay-password-env', v['relay-password-env']);
  } else if (v['relay-password-stdin'])
    password = await readSecretFromStdin(io.stdin, 'relay-password-stdin', MAX_SECRET_BYTES);
  if (v['relay-device-auth'] && (v['relay-user'] !== undefined || password !== undefined))
    throw new UsageError('--relay-device-auth cannot be combined with --relay-user / a relay password');
  if ((v['relay-user'] === undefined) !== (password === undefined))
    throw new UsageError(
      '--relay-user needs --relay-password-env or --relay-password-stdin (and the other way round)',
    );
  const extraCaPem: string[] = [];
  if (v['relay-ca'] !== undefined) {
    const text = await readPemFlag('relay-ca', v['relay-ca']);
    extraCaPem.push(text);
  }
  const user = v['relay-user'];
  const auth = v['relay-device-auth']
    ? ('device' as const)
    : user !== undefined && password !== undefined
      ? { user, password }
      : null;
  const target: RelayTarget = {
    host,
    port,
    address: v['relay-connect'],
    extraCaPem,
    ehloName: 'device-mail-doctor-capture',
    auth,
    requireTls: !v['relay-no-starttls'] && (port === 587 || method === 'submission'),
  };
  return { target, secrets: user !== undefined && password !== undefined ? [{ user, password }] : [] };
}

async function runCapture(argv: string[], io: CliIo, stop: AbortSignal): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)} (see capture --help)`);
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (parsed.positionals.length)
    throw new UsageError(`unexpected argument "${printable(parsed.positionals[0] ?? '')}"`);
  if (v['relay-password'] !== undefined)
    throw new UsageError(
      'never pass a password as an argument: use --relay-password-env VAR or --relay-password-stdin',
    );
  const lang: Lang = parseLang(v.lang, io.env);
  if (v['list-addresses']) {
    const list = listLocalAddresses();
    if (v.json) io.stdout.write(`${JSON.stringify({ event: 'addresses', addresses: list })}\n`);
    else
      for (const a of list)
        io.stdout.write(
          `${a.address}\t${a.interface}${a.internal ? ' (this computer only)' : ''}${a.linkLocal ? ' (link-local)' : ''}\n`,
        );
    return EXIT_OK;
  }
  const method = MethodSchema.safeParse(v.method ?? 'submission');
  if (!method.success)
    throw new UsageError(
      `--method must be submission, direct-send or relay (got "${printable(v.method ?? '')}")`,
    );
  const listen = [
    ...(v.listen ?? []).flatMap((s) => parseListen('listen', s, DEFAULT_PORT, OPTIONAL_PORTS)),
    ...(v['implicit-tls'] ?? []).flatMap((s) =>
      parseListen('implicit-tls', s, DEFAULT_IMPLICIT_PORT).map((l) => ({ ...l, implicitTls: true })),
    ),
  ];
  if (listen.length === 0)
    throw new UsageError('choose where to listen: --listen ADDR[:PORT] (see --list-addresses)');
  const domains = (v.domain ?? []).map((d) => domainValue('domain', d).toLowerCase());
  if (v.report !== undefined) reportIdValue('report', v.report);
  const idle = int('idle-timeout', v['idle-timeout'], 0, 86_400);
  const session = int('session-timeout', v['session-timeout'], 1, 86_400);
  const maxConnections = int('max-connections', v['max-connections'], 1, 10_000);
  const maxSize = int('max-size', v['max-size'], 1024, 1024 ** 3);
  const maxSessions = int('max-sessions', v['max-sessions'], 1, 1_000_000);
  const relay = await relayTarget(v, io, method.data);
  let listenerPassword: string | undefined;
  if (v['listen-password-env'] !== undefined) {
    if (!relay) throw new UsageError('--listen-password-env needs --relay HOST:PORT (it guards relaying)');
    listenerPassword = io.env[v['listen-password-env']];
    if (!listenerPassword)
      throw new UsageError(
        `--listen-password-env: environment variable ${printable(v['listen-password-env'])} is empty or not set`,
      );
  }
  if (relay) {
    const problem = openRelayProblem(relay.target, { listenerPassword, tenantDomains: domains });
    if (problem) throw new UsageError(problem);
  }
  const store =
    v.report !== undefined
      ? await createReportStore(
          v['reports-dir'] ? path.resolve(v['reports-dir']) : defaultReportsDir(io.env),
        ).catch((err: unknown) => {
          if (isStoreError(err)) throw new UsageError(err.message);
          throw err;
        })
      : null;
  if (store && v.report !== undefined)
    await store.open(v.report).catch(() => {
      throw new UsageError(`--report: no readable report "${printable(v.report ?? '')}" in ${store.dir}`);
    });
  const relayForms = [
    ...secretForms(relay?.secrets[0] ?? {}),
    ...(listenerPassword ? secretForms({ password: listenerPassword }) : []),
  ];
  let failed = false;
  let count = 0;
  let reportChain = Promise.resolve();
  const done = new AbortController();
  const print = (line: string, secrets: readonly SessionSecrets[]) => {
    const forms = [...relayForms, ...secrets.flatMap((s) => secretForms(s))];
    // Defence in depth: the record never holds a password, but nothing printed may carry one.
    io.stdout.write(`${findSecret(line, forms) === null ? line : scrubSecrets(line, forms)}\n`);
  };
  const onSession = (d: CaptureDiagnosis, secrets: readonly SessionSecrets[]) => {
    count++;
    if (d.verdict === 'fail') failed = true;
    print(v.json ? JSON.stringify(renderCaptureJson(d, lang)) : renderCaptureHuman(d, count, lang), secrets);
    if (store && v.report !== undefined) {
      const id = v.report;
      const all = [
        ...secrets,
        ...(relay?.secrets ?? []),
        ...(listenerPassword ? [{ password: listenerPassword }] : []),
      ];
      reportChain = reportChain
        .then(() => addCaptureToReport(store, id, d, all))
        .catch((err: unknown) => {
          io.stderr.write(`report not updated: ${err instanceof Error ? err.message : String(err)}\n`);
        });
    }
    if (maxSessions !== undefined && count >= maxSessions) done.abort();
  };
  let handle;
  try {
    handle = await startCapture({
      listen,
      method: method.data,
      relay: relay?.target ?? null,
      onSession,
      listenerPassword,
      ...(domains.length ? { tenantDomains: domains } : {}),
      limits: {
        ...(idle !== undefined ? { idleStopMs: idle * 1000 } : {}),
        ...(session !== undefined ? { sessionMs: session * 1000 } : {}),
        ...(maxConnections !== undefined ? { maxConnections } : {}),
        ...(maxSize !== undefined ? { maxMessageBytes: maxSize } : {}),
      },
    });
  } catch (err) {
    if (err instanceof CaptureListenError) throw new UsageError(err.message);
    throw err;
  }
  for (const e of handle.exposure) io.stderr.write(`${exposureWarning(e)}\n`);
  const started = {
    event: 'listening',
    method: method.data,
    listeners: handle.listeners,
    skipped: handle.skipped,
    exposure: handle.exposure,
    certificateSha256: handle.certificate.fingerprint256,
    relay: relay ? `${relay.target.host}:${relay.target.port}` : null,
  };
  if (v.json) io.stdout.write(`${JSON.stringify(started)}\n`);
  else {
    for (const l of handle.listeners)
      io.stdout.write(
        `Listening on ${l.address.includes(':') ? `[${l.address}]` : l.address}:${l.port} (${l.implicitTls ? 'implicit TLS / "SSL"' : 'plain + STARTTLS'})\n`,
      );
    for (const k of handle.skipped) io.stdout.write(`Skipped: ${k.reason}\n`);
    io.stdout.write(
      `Set the device's SMTP server to one of these and press its test button. Certificate SHA-256: ${handle.certificate.fingerprint256}\n`,
    );
  }
  const reason = await Promise.race([
    handle.stopped,
    new Promise<string>((resolve) => {
      if (stop.aborted) resolve('interrupted');
      stop.addEventListener('abort', () => resolve('interrupted'), { once: true });
      done.signal.addEventListener('abort', () => resolve('max-sessions'), { once: true });
    }),
  ]);
  await handle.close(reason);
  await reportChain;
  if (v.json) io.stdout.write(`${JSON.stringify({ event: 'stopped', reason, sessions: count })}\n`);
  else io.stdout.write(`Stopped (${reason}) after ${count} session(s).\n`);
  return failed ? EXIT_PROBLEMS : EXIT_OK;
}

export const captureCommand: CliCommand = {
  name: 'capture',
  run: (argv, io) => withInterrupt((signal) => runCapture(argv, io, signal)),
};
