// `device-mail-doctor advise [flags]`: which of the three sending methods fits this device and tenant,
// with reasons and the exact settings to enter. Exit 0 = a method fits, 1 = none fits, 2 = bad input.
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import type { Lang } from '../../shared/model';
import {
  AdvisorInputSchema,
  adviseMethods,
  type Advice,
  type AdvisorInput,
  type LocalText,
} from '../../shared/methods';
import { addressValue, domainValue, hostValue } from '../validate';
import { buildPlanFromArgs, writePlanHuman, writePlanJson } from '../basic-auth-plan-cli';
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

const HELP = `Usage: device-mail-doctor advise --recipients internal|external [flags] [--json] [--lang ja|en]

Device:  --tls none|1.0|1.1|1.2|1.3 (default 1.2)   --cipher ecdhe|rsa|any (default any)
         (same as diagnose's --device-tls-max / --device-ciphers, accepted here too)
         --auth yes|no (default yes)   --oauth yes|no (default no)   --server-field-max N
Site:    --static-ip IP|yes|no (default no)
Tenant:  --smtp-auth enabled|disabled|unknown   --security-defaults on|off|unknown
         --reject-direct-send on|off|unknown      (each default unknown)
Names:   --domain contoso.com   --mx contoso-com.mail.protection.outlook.com   --mailbox scanner@contoso.com
Other:   --now ISO-DATE (evaluate date-dependent advice, e.g. Basic auth retirement, at this time)

Plan for the day Basic authentication goes off (SMTP AUTH, end of December 2026):
  device-mail-doctor advise --basic-auth-plan [--device-profile ID] [--oauth yes|no] [--method submission|direct-send|relay]
                            [--recipients internal|external] [--static-ip IP|yes|no] [--mailbox M] [--now ISO-DATE]
  device-mail-doctor advise --basic-auth-plan --site NAME [--reports-dir DIR]    (every device of a site's reports)
  Exit 1 when a device is affected, 0 when none is.

Exit codes: 0 a method fits, 1 none fits, 2 bad input.
`;

function choice<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T | undefined,
): T {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${flag} is required (${allowed.join('|')})`);
    return fallback;
  }
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be ${allowed.join('|')} (got "${printable(value)}")`);
}

function staticIp(value: string | undefined): string | boolean {
  if (value === undefined || value === 'no') return false;
  if (value === 'yes') return true;
  if (isIP(value) === 0)
    throw new UsageError(`--static-ip must be an IP address, yes or no (got "${printable(value)}")`);
  return value;
}

function toInput(v: Record<string, string | boolean | undefined>): AdvisorInput {
  const s = (k: string): string | undefined => (typeof v[k] === 'string' ? v[k] : undefined);
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === 'string' && /[\r\n\0]/.test(val))
      throw new UsageError(`--${k} must not contain CR, LF or NUL`);
  }
  if (s('tls') !== undefined && s('device-tls-max') !== undefined)
    throw new UsageError('give --tls or --device-tls-max, not both');
  if (s('cipher') !== undefined && s('device-ciphers') !== undefined)
    throw new UsageError('give --cipher or --device-ciphers, not both');
  const tls = choice('tls', s('tls') ?? s('device-tls-max'), ['none', '1.0', '1.1', '1.2', '1.3'], '1.2');
  const maxRaw = s('server-field-max');
  const max = maxRaw === undefined ? null : Number(maxRaw);
  if (max !== null && (!/^\d{1,4}$/.test(maxRaw ?? '') || max < 1 || max > 1024)) {
    throw new UsageError(
      `--server-field-max must be a whole number from 1 to 1024 (got "${printable(maxRaw ?? '')}")`,
    );
  }
  const nowRaw = s('now');
  const now = nowRaw === undefined ? new Date() : new Date(nowRaw);
  if (Number.isNaN(now.getTime()))
    throw new UsageError(`--now must be an ISO date (got "${printable(nowRaw ?? '')}")`);
  const raw = {
    recipients: choice('recipients', s('recipients'), ['internal', 'external'], undefined),
    deviceTlsMax: tls === 'none' ? null : tls,
    cipherFamily: choice('cipher', s('cipher') ?? s('device-ciphers'), ['ecdhe', 'rsa', 'any'], 'any'),
    supportsAuth: choice('auth', s('auth'), ['yes', 'no'], 'yes') === 'yes',
    supportsOAuth: choice('oauth', s('oauth'), ['yes', 'no'], 'no') === 'yes',
    staticIp: staticIp(s('static-ip')),
    tenantSmtpAuth: choice('smtp-auth', s('smtp-auth'), ['enabled', 'disabled', 'unknown'], 'unknown'),
    securityDefaults: choice(
      'security-defaults',
      s('security-defaults'),
      ['on', 'off', 'unknown'],
      'unknown',
    ),
    rejectDirectSend: choice(
      'reject-direct-send',
      s('reject-direct-send'),
      ['on', 'off', 'unknown'],
      'unknown',
    ),
    serverFieldMaxLength: max,
    domain: s('domain'),
    mxHost: s('mx'),
    mailbox: s('mailbox'),
    now,
  };
  const parsed = AdvisorInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`invalid ${issue?.path.join('.') ?? 'input'}: ${issue?.message ?? 'bad value'}`);
  }
  return parsed.data;
}

const NAMES: Record<Lang, Record<string, string>> = {
  ja: { submission: 'SMTP クライアント送信', 'direct-send': '直接送信', relay: 'SMTP リレー (コネクタ)' },
  en: { submission: 'SMTP client submission', 'direct-send': 'Direct Send', relay: 'SMTP relay (connector)' },
};
const LABELS: Record<Lang, Record<string, string>> = {
  ja: {
    hve: '別の選択肢: High Volume Email (組織内の宛先のみ)',
    source: '出典',
    unverified: '未確認',
    rec: '推奨',
    none: 'なし',
    viable: '使用可',
    not: '使用不可',
    whyNot: '使えない理由',
    server: 'サーバー',
    port: 'ポート',
    tls: 'TLS',
    auth: '認証',
    sender: '差出人',
    spf: 'SPF レコード',
    notes: 'メモ',
    reasons: '理由',
  },
  en: {
    hve: 'Alternative: High Volume Email (internal recipients only)',
    source: 'Source',
    unverified: 'unverified',
    rec: 'Recommended',
    none: 'none',
    viable: 'viable',
    not: 'not viable',
    whyNot: 'Why not these',
    server: 'Server',
    port: 'Port',
    tls: 'TLS',
    auth: 'Auth',
    sender: 'Sender',
    spf: 'SPF record',
    notes: 'Notes',
    reasons: 'Reasons',
  },
};
const MARK = { blocker: '✗', warning: '!', plus: '✓' } as const;

function flatten(advice: Advice, lang: Lang) {
  const t = (x: LocalText) => x[lang];
  return {
    recommended: advice.recommended,
    methods: advice.methods.map((m) => ({
      method: m.method,
      score: m.score,
      viable: m.viable,
      reasons: m.reasons.map((r) => ({ code: r.code, effect: r.effect, text: t(r.text) })),
      settings: {
        host: m.settings.host,
        server: t(m.settings.server),
        port: m.settings.port,
        tls: t(m.settings.tls),
        auth: t(m.settings.auth),
        senderRule: t(m.settings.senderRule),
        ...(m.settings.spfRecord !== undefined ? { spfRecord: m.settings.spfRecord } : {}),
        notes: m.settings.notes.map(t),
      },
    })),
    notices: advice.notices.map((r) => ({ code: r.code, effect: r.effect, text: t(r.text) })),
    hve: {
      viable: advice.hve.viable,
      reasons: advice.hve.reasons.map((r) => ({ code: r.code, effect: r.effect, text: t(r.text) })),
      settings: {
        ...advice.hve.settings,
        tls: t(advice.hve.settings.tls),
        auth: t(advice.hve.settings.auth),
        senderRule: t(advice.hve.settings.senderRule),
      },
      sources: advice.hve.sources.map((x) => ({
        url: x.url,
        read: x.read,
        ...(x.verified === false ? { verified: false } : {}),
      })),
    },
  };
}

function writeHuman(io: CliIo, advice: ReturnType<typeof flatten>, lang: Lang): void {
  const l = LABELS[lang];
  const name = (m: string | null) => (m === null ? l.none : (NAMES[lang][m] ?? m));
  io.stdout.write(`${l.rec}: ${name(advice.recommended)}\n\n`);
  // Possible methods with their settings; impossible ones only with what rules them out (no ranking, no score).
  const impossible = advice.methods.filter((m) => !m.viable);
  advice.methods
    .filter((m) => m.viable)
    .forEach((m) => {
      io.stdout.write(`- ${name(m.method)}  (${l.viable})\n`);
      const s = m.settings;
      io.stdout.write(
        `   ${l.server}: ${s.server}\n   ${l.port}: ${s.port}\n   ${l.tls}: ${s.tls}\n   ${l.auth}: ${s.auth}\n   ${l.sender}: ${s.senderRule}\n`,
      );
      if (s.spfRecord !== undefined) io.stdout.write(`   ${l.spf}: ${s.spfRecord}\n`);
      for (const n of s.notes) io.stdout.write(`   ${l.notes}: ${n}\n`);
      io.stdout.write(`   ${l.reasons}:\n`);
      for (const r of m.reasons) io.stdout.write(`     ${MARK[r.effect]} ${r.text}\n`);
      io.stdout.write('\n');
    });
  if (impossible.length > 0) {
    io.stdout.write(`${l.whyNot}:\n`);
    for (const m of impossible) {
      io.stdout.write(`- ${name(m.method)}  (${l.not})\n`);
      for (const r of m.reasons.filter((x) => x.effect === 'blocker'))
        io.stdout.write(`     ${MARK[r.effect]} ${r.text}\n`);
    }
    io.stdout.write('\n');
  }
  for (const n of advice.notices) io.stdout.write(`${MARK[n.effect]} ${n.text}\n`);
  // High Volume Email: advised beside the three methods (internal recipients only).
  const h = advice.hve;
  io.stdout.write(`\n${l.hve}  (${h.viable ? l.viable : l.not})\n`);
  io.stdout.write(
    `   ${l.server}: ${h.settings.host}\n   ${l.port}: ${h.settings.port}\n   ${l.tls}: ${h.settings.tls}\n   ${l.auth}: ${h.settings.auth}\n   ${l.sender}: ${h.settings.senderRule}\n`,
  );
  for (const r of h.reasons) io.stdout.write(`     ${MARK[r.effect]} ${r.text}\n`);
  for (const x of h.sources)
    io.stdout.write(
      `   ${l.source}: ${x.url} (${x.read}${x.verified === false ? `, ${l.unverified}` : ''})\n`,
    );
}

export const adviseCommand: CliCommand = {
  name: 'advise',
  async run(argv, io) {
    const str = { type: 'string' } as const;
    const { values } = parseArgs({
      args: argv,
      options: {
        recipients: str,
        tls: str,
        cipher: str,
        'device-tls-max': str,
        'device-ciphers': str,
        auth: str,
        oauth: str,
        'static-ip': str,
        'smtp-auth': str,
        'security-defaults': str,
        'reject-direct-send': str,
        'server-field-max': str,
        domain: str,
        mx: str,
        mailbox: str,
        now: str,
        lang: str,
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        'basic-auth-plan': { type: 'boolean' },
        'device-profile': str,
        method: str,
        site: str,
        'reports-dir': str,
      },
      allowPositionals: false,
      strict: true,
    });
    if (values.help === true) {
      io.stdout.write(HELP);
      return EXIT_OK;
    }
    const lang = parseLang(values.lang, io.env);
    if (values['basic-auth-plan'] === true) return runPlan(values, lang, io);
    for (const k of ['device-profile', 'method', 'site', 'reports-dir'] as const) {
      if (values[k] !== undefined) throw new UsageError(`--${k} only goes with --basic-auth-plan`);
    }
    if (values.mailbox !== undefined) addressValue('mailbox', values.mailbox);
    const input = toInput(values);
    // After the advisor's own checks (length, CR/LF): the shape of a name or address.
    if (values.domain !== undefined) domainValue('domain', values.domain);
    if (values.mx !== undefined) hostValue('mx', values.mx);
    const advice = flatten(adviseMethods(input), lang);
    if (values.json === true) writeJson(io, advice);
    else writeHuman(io, advice, lang);
    return Promise.resolve(advice.recommended === null ? EXIT_PROBLEMS : EXIT_OK);
  },
};

async function runPlan(
  v: Record<string, string | boolean | undefined>,
  lang: Lang,
  io: CliIo,
): Promise<number> {
  const s = (k: string): string | undefined => (typeof v[k] === 'string' ? v[k] : undefined);
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === 'string' && /[\r\n\0]/.test(val))
      throw new UsageError(`--${k} must not contain CR, LF or NUL`);
  }
  const nowRaw = s('now');
  const now = nowRaw === undefined ? new Date() : new Date(nowRaw);
  if (Number.isNaN(now.getTime()))
    throw new UsageError(`--now must be an ISO date (got "${printable(nowRaw ?? '')}")`);
  const ip = s('static-ip');
  const plan = await buildPlanFromArgs({
    profile: s('device-profile'),
    oauth:
      s('oauth') === undefined
        ? undefined
        : choice<'yes' | 'no'>('oauth', s('oauth'), ['yes', 'no'], undefined),
    method: s('method'),
    recipients: choice('recipients', s('recipients'), ['internal', 'external', 'unknown'], 'unknown'),
    staticIp: ip === undefined ? 'unknown' : staticIp(ip) !== false,
    mailbox: s('mailbox'),
    site: s('site'),
    reportsDir: s('reports-dir'),
    now,
    env: io.env,
  });
  if (v['json'] === true) writePlanJson(io, plan, lang);
  else writePlanHuman(io, plan, lang);
  return plan.devices.some((d) => d.affected !== 'no') ? EXIT_PROBLEMS : EXIT_OK;
}
