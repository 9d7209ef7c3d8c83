// High Volume Email (HVE) as the advisor knows it: a fourth way to send for devices and apps whose recipients are all
// inside the organisation. It is not one of the three methods of seed 001 (it has its own endpoint and account
// type), so it is advised beside them, with its own settings and its own checks (engine: config check in plans.ts).
// Facts and where they come from (read 2026-12-02); what no Microsoft page we read confirms is marked unverified.
import { HVE_HOST } from './exchange-online';
import type { AdvisorInput } from './advisor';
import type { Lang } from './model';
import { SRC, type Source } from './findings/sources';

export type LocalText = Record<Lang, string>;

/** Endpoint and dates. `unverified` facts are shown with that word in the UI. */
export const HVE_FACTS = {
  /** SMTP endpoint (Microsoft Learn: High Volume Email; confirmed by several admin guides). */
  host: HVE_HOST,
  port: 587,
  /** Older endpoint name reported by admin guides as still working but to be deprecated (unverified at Microsoft). */
  legacyHost: 'smtp-hve.office365.com',
  /** Public preview rollout started 2024-04-01 (Microsoft Tech Community announcement). */
  previewStarted: '2024-04-01',
  /** Preview limit: 100,000 recipients per day per tenant (same announcement); later limits are set per account. */
  previewRecipientsPerDayPerTenant: 100_000,
  /** Allowed OAuth apps per HVE account (Add-HVEAppAccess reference). */
  maxAllowedAppsPerAccount: 10,
} as const;

export const HVE_SOURCES: readonly Source[] = [
  SRC.hve,
  SRC.hveOauth,
  {
    url: 'https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/add-hveappaccess',
    read: '2026-12-02',
    title: 'Add-HVEAppAccess (up to ten allowed apps per HVE account)',
  },
  SRC.hvePreview,
  // Cross-linked from admin guides; not read here: title only.
  {
    url: 'https://techcommunity.microsoft.com/blog/exchange/high-volume-email-continued-support-for-basic-authentication--other-important-up/4411197',
    read: '2026-12-02',
    title: 'High Volume Email: continued support for Basic authentication (title only, not read)',
    verified: false,
  },
];

export function isHveHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  return h === HVE_FACTS.host || h === HVE_FACTS.legacyHost;
}

export type HveReasonCode =
  | 'HVE_INTERNAL_ONLY_OK'
  | 'HVE_EXTERNAL_NOT_SUPPORTED'
  | 'HVE_TLS_OK'
  | 'HVE_TLS_TOO_OLD'
  | 'HVE_RSA_ONLY_UNKNOWN'
  | 'HVE_NO_AUTH'
  | 'HVE_OAUTH'
  | 'HVE_BASIC'
  | 'HVE_ACCOUNT_NEEDED'
  | 'HVE_SECURITY_DEFAULTS'
  | 'HVE_LIMITS';

export const HVE_REASON_TEXTS: Record<HveReasonCode, LocalText> = {
  HVE_INTERNAL_ONLY_OK: {
    ja: '宛先は組織内のみのため、High Volume Email が使えます。',
    en: 'Recipients are internal only, so High Volume Email fits.',
  },
  HVE_EXTERNAL_NOT_SUPPORTED: {
    ja: 'High Volume Email は組織内の宛先向けです。プレビュー中は組織外の宛先に上限付きで送れましたが、2025 年 6 月に外部宛先のサポートが終了したと報告されています (未確認)。組織外には送れないものとして扱ってください。',
    en: 'High Volume Email is for internal recipients. During the preview a limited number of external recipients was allowed; support for them is reported to have ended in June 2025 (unverified). Treat external recipients as not possible.',
  },
  HVE_TLS_OK: {
    ja: '機器は TLS {version} に対応しています (STARTTLS、ポート 587)。',
    en: 'The device supports TLS {version} (STARTTLS on port 587).',
  },
  HVE_TLS_TOO_OLD: {
    ja: '機器の TLS は最大 {version} です。High Volume Email には STARTTLS と TLS 1.2 以上が必要です。',
    en: "The device's TLS tops out at {version}; High Volume Email needs STARTTLS with TLS 1.2 or later.",
  },
  HVE_RSA_ONLY_UNKNOWN: {
    ja: '機器の TLS 1.2 は RSA 鍵交換のみです。High Volume Email の受け入れる暗号方式は確認できていません (未確認)。診断で確かめてください。',
    en: "The device's TLS 1.2 offers RSA key exchange only; which ciphers the HVE endpoint accepts is not verified. Check it with a diagnosis.",
  },
  HVE_NO_AUTH: {
    ja: '機器が SMTP 認証に対応していません。High Volume Email にはサインイン (HVE アカウント) が必要です。',
    en: 'The device cannot do SMTP authentication; High Volume Email needs a sign-in with the HVE account.',
  },
  HVE_OAUTH: {
    ja: 'OAuth（先進認証）: Mail.Send のアプリケーションのアクセス許可を持つアプリを、管理者が HVE アカウントの許可アプリに追加します (Add-HVEAppAccess、1 アカウントあたり最大 10)。',
    en: "OAuth: the admin adds an app with the Mail.Send application permission to the HVE account's allowed apps (Add-HVEAppAccess, up to ten per account).",
  },
  HVE_BASIC: {
    ja: '基本認証: HVE アカウントのアドレスとパスワードで AUTH LOGIN します。Microsoft は HVE での基本認証の継続サポートを告知していますが、終了日はここでは確認できていません (未確認)。OAuth に対応した機器なら OAuth を使ってください。',
    en: "Basic: AUTH LOGIN with the HVE account's address and password. Microsoft announced continued Basic support for HVE; an end date is not confirmed here (unverified). Prefer OAuth where the device has it.",
  },
  HVE_ACCOUNT_NEEDED: {
    ja: '管理者が Exchange 管理センターで HVE アカウント (メール ユーザー、ライセンス不要) を作成します。差出人はその HVE アカウントのアドレスです。送信済みアイテムには保存されません。',
    en: "The admin creates an HVE account (a mail user, no licence) in the Exchange admin center; the sender is that account's address. Nothing is saved to Sent Items.",
  },
  HVE_SECURITY_DEFAULTS: {
    ja: '既定のセキュリティが有効な場合、HVE アカウントの基本認証も拒否されると報告されています (未確認)。OAuth を使うか管理者に確認してください。',
    en: 'With security defaults on, Basic sign-in for HVE accounts is reported to be refused too (unverified); use OAuth or check with the admin.',
  },
  HVE_LIMITS: {
    ja: '送信数の上限は管理者がアカウントごとに設定します。プレビュー期間 (2024 年 4 月〜) はテナントあたり 1 日 100,000 受信者でした。現在の上限は Microsoft の資料で確認してください。',
    en: "Sending limits are set per account by the admin; during the preview (from April 2024) they were 100,000 recipients per day per tenant. Check Microsoft's page for today's limits.",
  },
};

export interface HveReason {
  code: HveReasonCode;
  effect: 'blocker' | 'warning' | 'plus';
  params: Record<string, string>;
  text: LocalText;
}

export interface HveAdvice {
  viable: boolean;
  reasons: HveReason[];
  settings: { host: string; port: number; tls: LocalText; auth: LocalText; senderRule: LocalText };
  sources: readonly Source[];
}

function reason(
  code: HveReasonCode,
  effect: HveReason['effect'],
  params: Record<string, string> = {},
): HveReason {
  const t = HVE_REASON_TEXTS[code];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_m, k: string) => params[k] ?? k);
  return { code, effect, params, text: { ja: fill(t.ja), en: fill(t.en) } };
}

/** High Volume Email for this device and tenant: viable or not, why, and the exact settings. */
export function adviseHve(input: AdvisorInput): HveAdvice {
  const r: HveReason[] = [];
  r.push(
    input.recipients === 'external'
      ? reason('HVE_EXTERNAL_NOT_SUPPORTED', 'blocker')
      : reason('HVE_INTERNAL_ONLY_OK', 'plus'),
  );
  const tls = input.deviceTlsMax;
  if (tls === null || tls === '1.0' || tls === '1.1')
    r.push(reason('HVE_TLS_TOO_OLD', 'blocker', { version: tls ?? 'none / なし' }));
  else {
    r.push(reason('HVE_TLS_OK', 'plus', { version: tls }));
    if (tls === '1.2' && input.cipherFamily === 'rsa') r.push(reason('HVE_RSA_ONLY_UNKNOWN', 'warning'));
  }
  if (!input.supportsAuth && !input.supportsOAuth) r.push(reason('HVE_NO_AUTH', 'blocker'));
  else if (input.supportsOAuth) r.push(reason('HVE_OAUTH', 'plus'));
  else {
    r.push(reason('HVE_BASIC', 'warning'));
    if (input.securityDefaults === 'on') r.push(reason('HVE_SECURITY_DEFAULTS', 'warning'));
  }
  r.push(reason('HVE_ACCOUNT_NEEDED', 'warning'), reason('HVE_LIMITS', 'warning'));
  const order = { blocker: 0, warning: 1, plus: 2 } as const;
  return {
    viable: !r.some((x) => x.effect === 'blocker'),
    reasons: r.sort((a, b) => order[a.effect] - order[b.effect]),
    settings: {
      host: HVE_FACTS.host,
      port: HVE_FACTS.port,
      tls: { ja: 'STARTTLS (必須、TLS 1.2 以上)', en: 'STARTTLS (required, TLS 1.2 or later)' },
      auth: input.supportsOAuth
        ? {
            ja: 'OAuth (XOAUTH2): HVE アカウント + 許可されたアプリのトークン',
            en: 'OAuth (XOAUTH2): the HVE account with a token of an allowed app',
          }
        : {
            ja: 'AUTH LOGIN: HVE アカウントのアドレスとパスワード',
            en: "AUTH LOGIN: the HVE account's address and password",
          },
      senderRule: { ja: '差出人 = HVE アカウントのアドレス', en: "Sender = the HVE account's address" },
    },
    sources: HVE_SOURCES,
  };
}
