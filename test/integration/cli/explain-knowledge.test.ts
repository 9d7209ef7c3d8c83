// `explain` end to end for issue 11's knowledge: each correction from Microsoft's documentation, code-less device
// wording (a family with its likely causes and next check, never one confident cause), Japanese NDRs (the quoted,
// innermost reply wins) and the source printed beside every finding. The bundled CLI runs as a child process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin', 'device-mail-doctor.cjs');
/** Per-spawn deadline, in ms (generous: 2 shared cores). */
const SPAWN_TIMEOUT_MS = 20_000;

interface JsonFinding {
  code: string;
  title: string;
  family?: { candidates: { code: string; title: string }[]; nextCheck: string };
  sources: { url: string; read: string; verified?: boolean }[];
}

function explain(text: string, lang: 'ja' | 'en' = 'en'): { code: number | null; findings: JsonFinding[] } {
  const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const r = spawnSync(process.execPath, [BIN, 'explain', '--json', '--lang', lang, text], {
    env,
    timeout: SPAWN_TIMEOUT_MS,
  });
  return {
    code: r.status,
    findings: (JSON.parse(r.stdout.toString()) as { findings: JsonFinding[] }).findings,
  };
}

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], {
    cwd: ROOT,
    timeout: 120_000,
  });
  if (b.status !== 0) throw new Error(`build:cli failed: ${b.stderr.toString()}`);
});

/** Each correction: the reply as Exchange Online (or the RFC) words it → the finding Microsoft's docs support. */
const CORRECTIONS: [string, string, string][] = [
  ['452 4.5.3 Too many recipients', 'TOO_MANY_RECIPIENTS', 'non-delivery-reports-in-exchange-online'],
  [
    '550 5.7.25 Access denied, the sending IPv6 address [2001:db8::25] must have a reverse DNS record',
    'IPV6_NO_REVERSE_DNS',
    'ipv6',
  ],
  [
    '451 4.7.26 Access denied, a message sent over IPv6 [2001:db8::25] must pass either SPF or DKIM validation, this message is not signed',
    'IPV6_NOT_AUTHENTICATED',
    'ipv6',
  ],
  ['454 4.7.0 Temporary authentication failure', 'AUTH_TEMPORARY_FAILURE', 'rfc4954'],
  ['503 5.5.2 Send hello first', 'COMMAND_OUT_OF_SEQUENCE', 'rfc5321'],
  [
    '550 5.7.233 Your message could not be sent to external recipients',
    'TENANT_EXTERNAL_LIMIT',
    'exchange-online-limits',
  ],
  [
    '550 5.7.520 Access denied, Your organization does not allow external forwarding.',
    'EXTERNAL_FORWARDING_BLOCKED',
    'external-email-forwarding',
  ],
  ['501 5.5.124 Invalid XOAUTH2 argument', 'XOAUTH2_MALFORMED', 'oauth-high-volume-mails'],
  [
    '451 4.4.4 Mail received as unauthenticated, incoming to a recipient domain configured in a hosted tenant which has no mail-enabled subscriptions. ATTR5',
    'RECIPIENT_TENANT_NO_MAIL',
    'non-delivery-reports',
  ],
  [
    '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains',
    'SENDER_DOMAIN_UNREGISTERED',
    '5-7-700-through-5-7-750',
  ],
  [
    '550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources',
    'DIRECT_SEND_REJECTED',
    'set-organizationconfig',
  ],
  [
    '550 5.7.510 Access denied, [contoso.com] does not accept email over IPv6',
    'IPV6_NOT_ACCEPTED',
    'non-delivery-reports-in-exchange-online',
  ],
  [
    '550 5.2.1 Service unavailable, [contoso.com] does not accept email over IPv6.',
    'IPV6_NOT_ACCEPTED',
    'mail-flow-inbound-ipv6-support-about',
  ],
];

describe('explain: corrections from Microsoft documentation', () => {
  it.each(CORRECTIONS)('%s → %s, with its source', (text, code, sourcePart) => {
    const r = explain(text);
    expect(r.code).toBe(1);
    expect(r.findings[0]?.code).toBe(code);
    expect(r.findings[0]?.family).toBeUndefined();
    expect(
      r.findings[0]?.sources.some((s) => s.url.includes(sourcePart) && s.read === '2026-12-02'),
      JSON.stringify(r.findings[0]?.sources),
    ).toBe(true);
  });

  it('452 4.5.3 is a recipient limit, not throttling; 5.7.750 names the certificate-connector option', () => {
    expect(explain('452 4.5.3 Too many recipients').findings.map((f) => f.code)).not.toContain('THROTTLED');
    const ja = spawnSync(
      process.execPath,
      [
        BIN,
        'explain',
        '--lang',
        'ja',
        '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains',
      ],
      { timeout: SPAWN_TIMEOUT_MS },
    );
    expect(ja.stdout.toString()).toContain('証明書ベースのコネクタ');
    const rds = spawnSync(
      process.execPath,
      [BIN, 'explain', '--lang', 'en', '550 5.7.68 TenantInboundAttribution; Direct Send not allowed'],
      { timeout: SPAWN_TIMEOUT_MS },
    );
    expect(rds.stdout.toString()).toContain('MAIL FROM (envelope sender, P1)');
  });
});

describe('explain: what devices show without a code', () => {
  const FAMILIES: [string, 'ja' | 'en', string, string][] = [
    ['Authentication unsuccessful', 'en', 'AUTH_FAILED', 'SMTP_AUTH_DISABLED_TENANT'],
    ['SMTP認証エラー', 'ja', 'AUTH_FAILED', 'SECURITY_DEFAULTS_BLOCK'],
    ['Cannot connect to SMTP server', 'en', 'CANNOT_CONNECT', 'TCP_TIMEOUT'],
    ['SMTPサーバーに接続できません', 'ja', 'CANNOT_CONNECT', 'DNS_NAME_NOT_FOUND'],
    ['SSL negotiation failed', 'en', 'TLS_HANDSHAKE_FAILED', 'TLS_CIPHER_MISMATCH'],
    ['証明書エラー', 'ja', 'TLS_CERT_PROBLEM', 'TLS_CERT_EXPIRED'],
    ['Recipient address rejected by server', 'en', 'ADDRESS_REFUSED', 'RELAY_DENIED'],
    ['サーバーが混雑しています', 'ja', 'SERVER_BUSY', 'THROTTLED'],
    ['File size exceeded', 'en', 'MESSAGE_TOO_LARGE', 'MAILBOX_FULL'],
  ];
  it.each(FAMILIES)(
    '"%s" (%s) → family %s, %s among the likely causes, a next check',
    (text, lang, family, candidate) => {
      const r = explain(text, lang);
      const f = r.findings[0];
      expect(f?.code).toBe(family);
      expect(f?.family?.candidates.map((c) => c.code)).toContain(candidate);
      expect(f?.family?.candidates.length).toBeGreaterThanOrEqual(2);
      expect(f?.family?.nextCheck.length).toBeGreaterThan(20);
      expect(f?.sources.length).toBeGreaterThan(0);
    },
  );

  it('prints the likely causes, the next check and the source in the human output', () => {
    const r = spawnSync(process.execPath, [BIN, 'explain', '--lang', 'ja', 'SMTPサーバーに接続できません'], {
      timeout: SPAWN_TIMEOUT_MS,
    });
    const out = r.stdout.toString();
    expect(out).toContain('CANNOT_CONNECT');
    expect(out).toContain('考えられる原因');
    expect(out).toContain('次に行う確認');
    expect(out).toMatch(/出典: https:\/\/learn\.microsoft\.com\/\S+ \(2026-12-02\)/);
  });
});

describe('explain: Japanese NDRs', () => {
  it('the quoted reply in a Japanese NDR wins over the wrapper text', () => {
    const ndr = [
      '配信不能: スキャンしたドキュメント',
      'scan@contoso.com へのメッセージを配信できませんでした。しばらくしてから再送信してください。',
      '管理者向けの診断情報:',
      '生成サーバー: TYCPR01MB8123.jpnprd01.prod.outlook.com',
      "リモート サーバーから返された内容 '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.'",
    ].join('\n');
    const r = explain(ndr, 'ja');
    expect(r.findings[0]?.code).toBe('TENANT_BLOCKED');
  });

  it('the innermost nested reply wins ("#5.7.60 smtp;550 5.7.64 ..."), in Japanese and English wrappers', () => {
    // The outer 5.7.60 alone would read as SendAs denied; the nested reply says why the message really failed.
    const inner =
      "'554 5.7.60 <DM3NAM03FT063.mail.protection.outlook.com #5.7.60 smtp;550 5.7.64 TenantAttribution; Relay Access Denied>'";
    expect(explain(`リモート サーバーから返された内容 ${inner}`, 'ja').findings[0]?.code).toBe(
      'RELAY_NOT_ATTRIBUTED',
    );
    expect(explain(`Remote Server returned ${inner}`).findings[0]?.code).toBe('RELAY_NOT_ATTRIBUTED');
    expect(
      explain("'554 5.7.60 SMTP; Client does not have permissions to send as this sender'").findings[0]?.code,
    ).toBe('SEND_AS_DENIED');
  });
});

describe('explain: an NDR without its reply line', () => {
  it('is not given a cause (exit 4) and points to the administrator section first, in Japanese and English', () => {
    const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const run = (text: string, lang: 'ja' | 'en') =>
      spawnSync(process.execPath, [BIN, 'explain', '--json', '--lang', lang, text], {
        env,
        timeout: SPAWN_TIMEOUT_MS,
      });
    const ja = run('一部またはすべての受信者にメッセージが届きませんでした。', 'ja');
    expect(ja.status).toBe(4);
    const jaOut = JSON.parse(ja.stdout.toString()) as { findings: unknown[]; next: string[] };
    expect(jaOut.findings).toEqual([]);
    expect(jaOut.next[0]).toContain('リモート サーバーから返された内容');
    const en = run("Your message couldn't be delivered", 'en');
    expect(en.status).toBe(4);
    expect((JSON.parse(en.stdout.toString()) as { next: string[] }).next[0]).toContain(
      'Remote Server returned',
    );
    // Text that is not an NDR keeps the generic next steps.
    const other = run('Access denied', 'en');
    expect((JSON.parse(other.stdout.toString()) as { next: string[] }).next[0]).not.toContain('NDR');
  });
});

describe('advise: High Volume Email beside the three methods', () => {
  it('JSON and human output carry the HVE endpoint, its reasons and sources', () => {
    const args = [
      'advise',
      '--recipients',
      'internal',
      '--tls',
      '1.2',
      '--smtp-auth',
      'disabled',
      '--reject-direct-send',
      'on',
      '--static-ip',
      'no',
    ];
    const json = spawnSync(process.execPath, [BIN, ...args, '--json', '--lang', 'en'], {
      timeout: SPAWN_TIMEOUT_MS,
    });
    const a = JSON.parse(json.stdout.toString()) as {
      recommended: string | null;
      hve: {
        viable: boolean;
        settings: { host: string; port: number };
        reasons: { code: string }[];
        sources: { url: string }[];
      };
    };
    expect(a.recommended).toBeNull();
    expect(a.hve.viable).toBe(true);
    expect(a.hve.settings).toMatchObject({ host: 'smtp.hve.mx.microsoft', port: 587 });
    expect(a.hve.reasons.map((r) => r.code)).toContain('HVE_INTERNAL_ONLY_OK');
    expect(a.hve.sources.some((s) => s.url.includes('high-volume-mails-m365'))).toBe(true);
    const ja = spawnSync(process.execPath, [BIN, ...args, '--lang', 'ja'], {
      timeout: SPAWN_TIMEOUT_MS,
    }).stdout.toString();
    expect(ja).toContain('別の選択肢: High Volume Email');
    expect(ja).toContain('smtp.hve.mx.microsoft');
  });
});
