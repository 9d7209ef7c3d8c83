// `device-mail-doctor token inspect`: reads an access token from stdin (never an argument: shell history) and
// says what it carries for SMTP AUTH — audience, scopes or roles, expiry, tenant, user / app — with findings.
// The token is never printed, sent anywhere or stored. Exit 0 nothing wrong, 1 findings, 2 bad input.
import { parseArgs } from 'node:util';
import { renderFinding } from '../../shared/findings/catalog';
import type { Lang } from '../../shared/model';
import { STATUS_LABELS } from '../../shared/vocabulary';
import { MAX_TOKEN_CHARS } from '../../shared/oauth/claims';
import { inspectToken, localTime } from '../../shared/oauth/inspect';
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  parseLang,
  printable,
  writeJson,
  type CliCommand,
  type CliIo,
} from '../io';

const HELP = `Usage: device-mail-doctor token inspect [--tenant ID] [--user ADDR] [--json] [--lang ja|en] < token.txt

Reads one access token from stdin (paste it, then Ctrl+D) and shows the claims that matter for SMTP AUTH:
audience, scopes or roles, expiry, tenant, user / app. The token itself is never printed or stored.
--tenant ID   the mailbox's directory (tenant) id: a token from another tenant is reported
--user ADDR   the XOAUTH2 user the device sends: a different token user is reported
Exit codes: 0 nothing wrong, 1 findings, 2 bad input.
`;

const REASONS: Record<string, string> = {
  empty: 'no token on stdin',
  'too-long': `the token is longer than ${MAX_TOKEN_CHARS} characters`,
  'not-jwt':
    'not a JWT access token (three base64url parts separated by dots); opaque tokens cannot be read offline',
  encrypted: 'an encrypted token (JWE): only its audience can read it',
  'bad-json': "the token's parts are not JSON",
};

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > MAX_TOKEN_CHARS * 2) throw new UsageError(REASONS['too-long'] ?? 'too long');
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A finding's severity in the reader's words (the statuses of the shared vocabulary; info has no status). */
const SEVERITY_WORDS: Record<Lang, Record<'error' | 'warning' | 'info', string>> = {
  ja: { error: STATUS_LABELS.ja.fail, warning: STATUS_LABELS.ja.warn, info: '情報' },
  en: { error: STATUS_LABELS.en.fail, warning: STATUS_LABELS.en.warn, info: 'info' },
};

const L: Record<Lang, Record<string, string>> = {
  ja: {
    kind: '種類',
    aud: '対象 (aud)',
    scp: 'スコープ (scp)',
    roles: 'ロール (roles)',
    exp: '有効期限',
    tid: 'テナント (tid)',
    upn: 'ユーザー (upn)',
    oid: 'オブジェクト ID (oid)',
    appid: 'アプリ (appid)',
    expired: '（期限切れ）',
    delegated: '委任',
    app: 'アプリ専用',
    unknown: '不明',
    none: 'なし',
  },
  en: {
    kind: 'Kind',
    aud: 'Audience (aud)',
    scp: 'Scopes (scp)',
    roles: 'Roles',
    exp: 'Expires',
    tid: 'Tenant (tid)',
    upn: 'User (upn)',
    oid: 'Object id (oid)',
    appid: 'App (appid)',
    expired: '(expired)',
    delegated: 'delegated',
    app: 'app-only',
    unknown: 'unknown',
    none: 'none',
  },
};

async function inspect(argv: string[], io: CliIo): Promise<number> {
  const { values: v, positionals } = parseArgs({
    args: argv,
    options: {
      tenant: { type: 'string' },
      user: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (v.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0)
    throw new UsageError(
      'give the token on stdin, never as an argument (it would stay in the shell history)',
    );
  const lang = parseLang(v.lang, io.env);
  if (
    v.tenant !== undefined &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v.tenant)
  ) {
    throw new UsageError(`--tenant must be the directory (tenant) id, a GUID (got "${printable(v.tenant)}")`);
  }
  const nowSec = Math.floor(Date.now() / 1000);
  const r = inspectToken(await readStdin(io.stdin), { nowSec, tenantId: v.tenant, xoauth2User: v.user });
  if (!r.ok) throw new UsageError(REASONS[r.reason] ?? 'not a token');
  const c = r.claims;
  const findings = r.findings.map((f) => renderFinding(f, lang));
  const problems = findings.some((f) => f.severity !== 'info');
  if (v.json) {
    writeJson(io, {
      claims: {
        kind: c.kind,
        aud: c.aud,
        scp: c.scp,
        roles: c.roles,
        exp: c.exp,
        tid: c.tid,
        upn: c.upn,
        oid: c.oid,
        appid: c.appid,
        iss: c.iss,
        ver: c.ver,
      },
      findings: findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        actor: f.actor,
        title: f.title,
        cause: f.cause,
        fix: f.fix,
      })),
    });
    return problems ? EXIT_PROBLEMS : EXIT_OK;
  }
  const t = L[lang];
  const list = (xs: string[]) => (xs.length ? xs.map((x) => printable(x, 120)).join(' ') : (t.none ?? ''));
  const rows: [string, string][] = [
    [t.kind ?? '', t[c.kind] ?? c.kind],
    [t.aud ?? '', list(c.aud)],
    [c.kind === 'app' ? (t.roles ?? '') : (t.scp ?? ''), list(c.kind === 'app' ? c.roles : c.scp)],
    [
      t.exp ?? '',
      c.exp === null ? (t.none ?? '') : `${localTime(c.exp)}${c.exp < nowSec ? ` ${t.expired}` : ''}`,
    ],
    [t.tid ?? '', printable(c.tid ?? t.none ?? '', 80)],
    [t.upn ?? '', printable(c.upn ?? t.none ?? '', 120)],
    [t.oid ?? '', printable(c.oid ?? t.none ?? '', 80)],
    [t.appid ?? '', printable(c.appid ?? t.none ?? '', 80)],
  ];
  for (const [k, val] of rows) io.stdout.write(`${k}: ${val}\n`);
  io.stdout.write('\n');
  for (const f of findings) {
    io.stdout.write(
      `[${SEVERITY_WORDS[lang][f.severity]}] ${f.code}: ${f.title}\n  ${f.cause}\n  ${f.fix}\n`,
    );
    if (f.powershell) io.stdout.write(`  PowerShell: ${f.powershell}\n`);
  }
  return problems ? EXIT_PROBLEMS : EXIT_OK;
}

export const tokenCommand: CliCommand = {
  name: 'token',
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      io.stdout.write(HELP);
      return sub === undefined ? 2 : EXIT_OK;
    }
    if (sub !== 'inspect') throw new UsageError(`unknown subcommand "${printable(sub)}" (token inspect)`);
    return inspect(rest, io);
  },
};
