// The per-model setup checklist: numbered steps for one device model and one method, each saying who acts,
// where in the device's menu, which field, and the exact value computed from the job (server, port, TLS setting
// as this model names it, sender, SPF record, connector IP). Steps name the engine check that proves them, so the
// UI can turn them green or red after a diagnosis. Pure: no Node, no DOM. Never puts a password in a step.
import type { Lang, Method } from './model';
import type { ModelProfile, ResolvedText } from './profiles-resolve';
import {
  checklistWarnings,
  isIpLiteral,
  supportsTls12,
  type ChecklistJob,
  type ChecklistWarning,
} from './checklist-warnings';
import { oauthSteps } from './checklist-oauth';

export { isIpLiteral, type ChecklistJob, type ChecklistWarning } from './checklist-warnings';

import { VERIFIED_BY, type ProofKey } from './check-registry';
import { MX_PORT, SPF_EXCHANGE_INCLUDE, SUBMISSION_HOST, SUBMISSION_PORT } from './exchange-online';

export { MX_PORT, SPF_EXCHANGE_INCLUDE, SUBMISSION_HOST, SUBMISSION_PORT } from './exchange-online';

/** What proves a step: src/shared/check-registry.ts says which checks prove which fact. */
export { VERIFIED_BY } from './check-registry';

export interface ChecklistStep {
  id: string;
  /** 1-based position. */
  n: number;
  actor: 'technician' | 'admin';
  title: string;
  /** Where: the device's menu path, or the admin centre page. */
  where?: string;
  /** The field as this model labels it. */
  field?: string;
  /** The exact value to enter; absent when it cannot be computed yet (see `note`). */
  value?: string;
  copyable: boolean;
  /** Engine check id (or prefix) whose result proves this step. */
  verifiedBy?: ProofKey;
  /** Text to send the admin (admin steps). */
  adminMessage?: string;
  note?: string;
  /** False when the menu path / field label is not from the vendor's documentation: "check on the device". */
  confirmed: boolean;
}

export interface Checklist {
  method: Method;
  steps: ChecklistStep[];
  warnings: ChecklistWarning[];
}

export interface ChecklistInput {
  model?: ModelProfile | undefined;
  method: Method;
  job: ChecklistJob;
  lang: Lang;
  /** How the device signs in on client submission: user name + password (default) or OAuth (XOAUTH2). */
  auth?: 'basic' | 'oauth' | undefined;
}

/** SPF record text for a sending IP: `v=spf1 ip4:<ip> include:spf.protection.outlook.com ~all` (ip6: for IPv6). */
export function spfRecord(ip: string): string {
  const mech = ip.includes(':') ? 'ip6' : 'ip4';
  return `v=spf1 ${mech}:${ip.trim()} ${SPF_EXCHANGE_INCLUDE} ~all`;
}

type Draft = Omit<ChecklistStep, 'n'>;
type FieldName = keyof ModelProfile['fields'];
/** Fields the technician types a value into (the others are picked from a list on the device). */
const TYPED_FIELDS: readonly FieldName[] = ['server', 'port', 'user', 'password', 'from'];

/** Labels used when no model is chosen (Other MFP without a profile). */
const GENERIC_FIELD: Record<FieldName, [string, string]> = {
  server: ['SMTPサーバー名', 'SMTP server'],
  port: ['ポート番号', 'Port'],
  security: ['SSL/TLS', 'SSL/TLS'],
  auth: ['SMTP認証', 'SMTP authentication'],
  user: ['ユーザー名', 'User name'],
  password: ['パスワード', 'Password'],
  from: ['送信者メールアドレス', 'Sender e-mail address'],
};

export function buildChecklist(input: ChecklistInput): Checklist {
  const { model, method, job, lang } = input;
  const t = (ja: string, en: string): string => (lang === 'ja' ? ja : en);
  const text = (r: ResolvedText | undefined): string | undefined => r?.[lang];
  const smtpPath = model?.menuPaths.smtp;
  const device = (
    id: string,
    title: string,
    field: FieldName,
    value: string | undefined,
    extra: Partial<Draft> = {},
  ): Draft => {
    const f = model?.fields[field];
    const where =
      field === 'from'
        ? (model?.menuPaths.sender ?? smtpPath)
        : field === 'user' || field === 'password'
          ? (model?.menuPaths.auth ?? smtpPath)
          : smtpPath;
    return {
      id,
      actor: 'technician',
      title,
      where:
        text(where) ??
        t('機器の Web 設定画面 → メール（SMTP）設定', "The device's web settings → e-mail (SMTP) settings"),
      field: text(f) ?? t(...GENERIC_FIELD[field]),
      ...(value !== undefined ? { value } : {}),
      // Copy only what is typed: the encryption and sign-in settings are choices in a menu, not text to paste.
      copyable: value !== undefined && TYPED_FIELDS.includes(field),
      confirmed: Boolean(f?.verified && where?.verified),
      ...extra,
    };
  };
  const admin = (
    id: string,
    title: string,
    where: string,
    adminMessage: string,
    extra: Partial<Draft> = {},
  ): Draft => ({
    id,
    actor: 'admin',
    title,
    where,
    copyable: false,
    adminMessage,
    confirmed: true,
    ...extra,
  });

  const caps = model?.capabilities;
  const tls12 = caps ? supportsTls12(caps.maxTls.value) : true;
  const starttlsLabel = text(model?.tlsOptions.starttls) ?? 'STARTTLS';
  const offLabel = text(model?.tlsOptions.none) ?? t('使用しない', 'Off');
  const mx = job.mxHost?.trim() && !isIpLiteral(job.mxHost) ? job.mxHost.trim() : undefined;
  // Only a real IP address goes into the SPF record or the connector; anything else waits for a valid entry.
  const ip = [job.staticIp, job.egressIp]
    .map((x) => x?.trim().replace(/^\[|\]$/g, ''))
    .find((x) => x && isIpLiteral(x));
  const drafts: Draft[] = [];

  if (method === 'submission') {
    const mailbox = job.mailbox?.trim() || undefined;
    const who = mailbox ?? t('（送信用メールボックス）', '(the sending mailbox)');
    const ports = caps?.ports.value ?? [];
    const port =
      ports.length === 0 || ports.includes(SUBMISSION_PORT) || !ports.includes(MX_PORT)
        ? SUBMISSION_PORT
        : MX_PORT;
    drafts.push(
      admin(
        'submission.enable-smtp-auth',
        t(
          'メールボックスの SMTP AUTH（認証済み SMTP）を有効にする',
          'Enable SMTP AUTH (Authenticated SMTP) for the mailbox',
        ),
        t(
          'Microsoft 365 管理センター → ユーザー → アクティブなユーザー → メール → メール アプリの管理 →「認証済み SMTP」',
          'Microsoft 365 admin center → Users → Active users → Mail → Manage email apps → "Authenticated SMTP"',
        ),
        t(
          `メールボックス ${who} の SMTP AUTH（認証済み SMTP）を有効にしてください。PowerShell: Set-CASMailbox -Identity ${who} -SmtpClientAuthenticationDisabled $false`,
          `Please enable SMTP AUTH (Authenticated SMTP) for the mailbox ${who}. PowerShell: Set-CASMailbox -Identity ${who} -SmtpClientAuthenticationDisabled $false`,
        ),
        { verifiedBy: VERIFIED_BY.auth },
      ),
    );
    // OAuth: consent / app registration instead of Security Defaults; OAuth on the device instead of user + password.
    const oauth =
      input.auth === 'oauth'
        ? oauthSteps({ model, mailbox: mailbox ?? who, lang, authCheck: VERIFIED_BY.auth })
        : null;
    if (oauth) drafts.push(...oauth.admin);
    else
      drafts.push(
        admin(
          'submission.security-defaults',
          t(
            'セキュリティの既定値 / 条件付きアクセスが基本認証を止めていないか確認する',
            'Check that Security Defaults / Conditional Access do not block Basic auth',
          ),
          t(
            'Microsoft Entra 管理センター → 概要 → プロパティ →「セキュリティの既定値の管理」',
            'Microsoft Entra admin center → Overview → Properties → "Manage security defaults"',
          ),
          t(
            `セキュリティの既定値が有効だと ${who} の SMTP AUTH は拒否されます（535 5.7.139）。無効化するか、条件付きアクセスでこのメールボックスを除外してください。`,
            `With Security Defaults on, SMTP AUTH for ${who} is refused (535 5.7.139). Turn them off, or exclude this mailbox with Conditional Access.`,
          ),
          {
            verifiedBy: VERIFIED_BY.auth,
            ...(caps?.oauth.value
              ? {
                  note: t(
                    'この機器は OAuth に対応しています。OAuth ならこの手順は不要です。',
                    'This device supports OAuth; with OAuth this step is not needed.',
                  ),
                }
              : {}),
          },
        ),
      );
    drafts.push(
      device(
        'submission.server',
        t('SMTP サーバーを入力する', 'Enter the SMTP server'),
        'server',
        SUBMISSION_HOST,
        {
          verifiedBy: VERIFIED_BY.tcpSubmission,
          note: t(
            'IP アドレスではなく必ずこの DNS 名を入力します。',
            'Always this DNS name, never an IP address.',
          ),
        },
      ),
      device('submission.port', t('ポートを入力する', 'Enter the port'), 'port', String(port), {
        verifiedBy: VERIFIED_BY.tcpSubmission,
        note:
          port === SUBMISSION_PORT
            ? t('465 番はサポートされません。', 'Port 465 is not supported.')
            : t(
                'この機器は 587 番を選べないため 25 番を使います（ISP が遮断していないか確認）。',
                'This device cannot use 587, so port 25 (check the ISP does not block it).',
              ),
      }),
      device(
        'submission.tls',
        t('暗号化を STARTTLS にする', 'Set encryption to STARTTLS'),
        'security',
        starttlsLabel,
        {
          verifiedBy: VERIFIED_BY.tlsSubmission,
          ...(tls12
            ? {}
            : {
                note: t(
                  'この機器は TLS 1.2 に対応していないため失敗します（警告参照）。',
                  'This device lacks TLS 1.2, so this will fail (see warnings).',
                ),
              }),
        },
      ),
    );
    if (oauth) drafts.push(...oauth.device);
    else if (model?.fields.auth || !model)
      drafts.push(
        device(
          'submission.auth-on',
          t('SMTP 認証を有効にする', 'Turn SMTP authentication on'),
          'auth',
          text(model?.authOptions?.on) ?? t('有効', 'On'),
          { verifiedBy: VERIFIED_BY.auth },
        ),
      );
    if (!oauth)
      drafts.push(
        device(
          'submission.user',
          t('ユーザー名にメールボックスのアドレスを入力する', "Enter the mailbox's address as user name"),
          'user',
          mailbox,
          {
            verifiedBy: VERIFIED_BY.auth,
            ...(mailbox
              ? {}
              : {
                  note: t(
                    '送信用メールボックス（UPN）を入力してください。',
                    'Enter the sending mailbox (UPN) in the job.',
                  ),
                }),
          },
        ),
        device(
          'submission.password',
          t('パスワードを入力する', 'Enter the password'),
          'password',
          undefined,
          {
            verifiedBy: VERIFIED_BY.auth,
            note: t(
              'メールボックスのパスワード（このアプリには保存されません）。古い機器は記号を含むパスワードを正しく扱えないことがあります。',
              "The mailbox's password (this app never stores it). Old firmware may mishandle special characters.",
            ),
          },
        ),
      );
    drafts.push(
      device(
        'submission.from',
        t('送信者アドレスをメールボックスと同じにする', 'Set the sender to the mailbox address'),
        'from',
        mailbox,
        {
          verifiedBy: VERIFIED_BY.send,
          note: t(
            '差出人が認証したメールボックスと違うと 5.7.60 / SendAsDenied で拒否されます（DATA の後に判明）。',
            'A sender other than the authenticated mailbox is refused with 5.7.60 / SendAsDenied (only after DATA).',
          ),
        },
      ),
      {
        id: 'submission.test',
        actor: 'technician',
        title: t(
          '診断でテスト送信し、社外宛ても届くことを確認する',
          'Run the diagnosis with a test send, including an external recipient',
        ),
        copyable: false,
        verifiedBy: VERIFIED_BY.send,
        confirmed: true,
      },
    );
  } else {
    const relay = method === 'relay';
    const domain = job.domain?.trim();
    const from =
      job.fromAddress?.trim() || job.mailbox?.trim() || (domain ? `do_not_reply@${domain}` : undefined);
    drafts.push({
      id: `${method}.mx`,
      actor: 'technician',
      title: t('テナントの MX ホスト名を確認する', "Look up the tenant's MX host"),
      where: t(
        '診断の DNS チェック（または Microsoft 365 管理センター → 設定 → ドメイン → MX レコード）',
        'The diagnosis DNS check (or Microsoft 365 admin center → Settings → Domains → MX record)',
      ),
      ...(mx
        ? { value: mx }
        : {
            note: t(
              'ドメインを入力して診断を実行すると DNS から読み取ります。',
              'Enter the domain and run the diagnosis to read it from DNS.',
            ),
          }),
      copyable: mx !== undefined,
      verifiedBy: VERIFIED_BY.mx,
      confirmed: true,
    });
    if (relay) {
      drafts.push(
        admin(
          'relay.connector',
          t(
            '受信コネクタを作成する（組織のメールサーバー → Office 365、IP で識別）',
            'Create an inbound connector (your organization’s email server → Office 365, identified by IP)',
          ),
          t(
            'Exchange 管理センター → メール フロー → コネクタ → コネクタの追加',
            'Exchange admin center → Mail flow → Connectors → Add a connector',
          ),
          t(
            `コネクタを作成してください。送信元: 組織のメールサーバー、送信先: Office 365、「送信側サーバーの IP アドレスが次のいずれかに一致することを確認する」に ${ip ?? '（拠点の固定パブリック IP）'} を登録。`,
            `Please create a connector. From: your organization's email server, To: Office 365, "verify the sending server's IP address matches one of" ${ip ?? "(the site's static public IP)"}.`,
          ),
          { ...(ip ? { value: ip, copyable: true } : {}), verifiedBy: VERIFIED_BY.mxExternal },
        ),
      );
    }
    drafts.push(
      admin(
        `${method}.spf`,
        t('SPF レコードに拠点の IP を追加する', "Add the site's IP to the SPF record"),
        t(
          'ドメインの DNS（レジストラー / DNS ホスティング）→ TXT レコード',
          "The domain's DNS (registrar / DNS host) → TXT record",
        ),
        ip
          ? t(
              `${job.domain ?? 'ドメイン'} の SPF を次にしてください（既存の SPF がある場合は ip4: の部分を追加し、SPF レコードは 1 つだけにします）: ${spfRecord(ip)}`,
              `Please set ${job.domain ?? 'the domain'}'s SPF to the following (if one exists, add the ip4: part; keep a single SPF record): ${spfRecord(ip)}`,
            )
          : t(
              '拠点の固定パブリック IP を SPF レコードに追加してください。',
              "Please add the site's static public IP to the SPF record.",
            ),
        {
          ...(ip
            ? { value: spfRecord(ip), copyable: true }
            : {
                note: t(
                  '固定 IP を入力するか診断を実行すると値が決まります。',
                  'Enter the static IP or run the diagnosis to compute it.',
                ),
              }),
          verifiedBy: VERIFIED_BY.spf,
        },
      ),
      device(
        `${method}.server`,
        t('SMTP サーバーに MX ホスト名を入力する', 'Enter the MX host as SMTP server'),
        'server',
        mx,
        {
          verifiedBy: VERIFIED_BY.tcpMx,
          note: t('IP アドレスは使えません。', 'An IP address is not supported.'),
        },
      ),
      device(`${method}.port`, t('ポートを 25 にする', 'Set the port to 25'), 'port', String(MX_PORT), {
        verifiedBy: VERIFIED_BY.tcpMx,
      }),
      device(
        `${method}.tls`,
        relay
          ? t('暗号化を設定する（推奨: STARTTLS）', 'Set encryption (recommended: STARTTLS)')
          : t('暗号化を設定する（任意）', 'Set encryption (optional)'),
        'security',
        tls12 ? starttlsLabel : offLabel,
        {
          verifiedBy: VERIFIED_BY.tlsMx,
        },
      ),
    );
    if (model?.fields.auth || !model)
      drafts.push(
        device(
          `${method}.auth-off`,
          t('SMTP 認証を無効にする', 'Turn SMTP authentication off'),
          'auth',
          text(model?.authOptions?.off) ?? t('無効', 'Off'),
        ),
      );
    drafts.push(
      device(
        `${method}.from`,
        t(
          '送信者アドレスを承認済みドメインのアドレスにする',
          'Set the sender to an address in an accepted domain',
        ),
        'from',
        from,
        {
          verifiedBy: relay ? VERIFIED_BY.mxExternal : VERIFIED_BY.mxInternal,
          note: t(
            'メールボックスは不要です。承認済みドメインのアドレスであれば何でも使えます。',
            'No mailbox needed: any address in an accepted domain.',
          ),
        },
      ),
    );
    if (!relay) {
      drafts.push(
        admin(
          'direct-send.allowed',
          t('直接送信が拒否設定されていないことを確認する', 'Check that Direct Send is not rejected'),
          'Exchange Online PowerShell',
          t(
            'Get-OrganizationConfig | Select RejectDirectSend が True だと直接送信は 5.7.68 で拒否されます。False であることを確認してください。',
            'If Get-OrganizationConfig | Select RejectDirectSend shows True, Direct Send is refused with 5.7.68. Please confirm it is False.',
          ),
          { verifiedBy: VERIFIED_BY.mxInternal },
        ),
      );
    }
    drafts.push({
      id: `${method}.test`,
      actor: 'technician',
      title: relay
        ? t(
            '診断で社外宛ての送信を確認する',
            'Run the diagnosis and confirm an external recipient is accepted',
          )
        : t(
            '診断で社内宛ての送信を確認する（社外宛ては届きません）',
            'Run the diagnosis with an internal recipient (external recipients are refused by design)',
          ),
      copyable: false,
      verifiedBy: relay ? VERIFIED_BY.mxExternal : VERIFIED_BY.mxInternal,
      confirmed: true,
    });
  }

  const steps = drafts.map((d, i) => ({ ...d, n: i + 1 }));
  return { method, steps, warnings: checklistWarnings(model, method, job, lang) };
}
