// Dated facts about the end of Basic authentication for SMTP AUTH in Exchange Online, as DATA: each with its value,
// the source it comes from, the day it was read and whether we could verify it from Microsoft's own text. Plans
// compare these values with today's date at run time (src/shared/basic-auth-plan.ts); no sentence elsewhere may
// carry one of these dates as literal text. Pure: no Node, no DOM.
// Japanese terms for the two permission types, as Microsoft's Japanese documentation writes them (read 2026-12-02):
// 委任されたアクセス許可 / アプリケーションのアクセス許可 — https://learn.microsoft.com/ja-jp/graph/permissions-overview
import { HVE_HOST } from './exchange-online';
import type { Localized } from './profiles';

export interface FactSource {
  title: string;
  url: string;
}

export interface DatedFact<T> {
  id: string;
  value: T;
  /** What the fact says, with `{value}` where the value goes. */
  text: Localized;
  source: FactSource;
  /** The day the source was read (YYYY-MM-DD). */
  read: string;
  /** True only when the value was read in Microsoft's own text; false = secondary source or not found (hedge it). */
  verified: boolean;
  note?: Localized;
  /**
   * Words for an object value's keys (the keys are data, never shown): e.g. `delegated` is shown as
   * 委任されたアクセス許可 / "delegated permission". A key without words here is shown as it is.
   */
  parts?: Record<string, Localized>;
}

/**
 * A period the source gives only roughly ("end of December 2026", "second half of 2027"): its words, and the first
 * and last day the app uses to compare with today (the words are shown; the days are our reading of them).
 */
export interface Period {
  label: Localized;
  from: string;
  to: string;
}

const READ = '2026-12-02';

const EXCHANGE_BLOG_2026: FactSource = {
  title:
    'Exchange Team Blog: Updated Exchange Online SMTP AUTH Basic Authentication Deprecation Timeline (2026-01-27)',
  url: 'https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835',
};
const EXCHANGE_BLOG_2024: FactSource = {
  title: 'Exchange Team Blog: Exchange Online to retire Basic auth for Client Submission (SMTP AUTH)',
  url: 'https://techcommunity.microsoft.com/blog/exchange/exchange-online-to-retire-basic-auth-for-client-submission-smtp-auth/4114750',
};
const LEARN_SMTP_AUTH: FactSource = {
  title:
    'Microsoft Learn: Enable or disable authenticated client SMTP submission (SMTP AUTH) in Exchange Online',
  url: 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
};
const LEARN_OAUTH_SMTP: FactSource = {
  title: 'Microsoft Learn: Authenticate an IMAP, POP or SMTP connection using OAuth',
  url: 'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
};
const LEARN_HVE: FactSource = {
  title: 'Microsoft Learn: High Volume Email for Microsoft 365',
  url: 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/high-volume-mails-m365',
};
const LEARN_MFP: FactSource = {
  title:
    'Microsoft Learn: How to set up a multifunction device or application to send email using Microsoft 365 or Office 365',
  url: 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365',
};

export const BASIC_AUTH_FACTS = {
  /** Existing tenants: Basic auth for SMTP AUTH disabled by default; admins can still enable it. */
  defaultOffExisting: {
    id: 'basic-auth-default-off',
    value: {
      label: { ja: '2026 年 12 月末', en: 'the end of December 2026' },
      from: '2026-12-15',
      to: '2026-12-31',
    },
    text: {
      ja: 'Microsoft は既存テナントの SMTP AUTH の基本認証を {value} に既定で無効にします。管理者はまだ有効に戻せます。',
      en: 'Microsoft disables Basic authentication for SMTP AUTH by default for existing tenants at {value}; admins can still enable it.',
    },
    source: EXCHANGE_BLOG_2026,
    read: READ,
    verified: true,
    note: {
      ja: 'Microsoft は日付を示さず「2026 年 12 月末」としています。本アプリは 12 月後半（12/15〜12/31）を切り替え期間として扱います。',
      en: 'Microsoft gives "end of December 2026" without a day; the app treats the second half of December (12-15 to 12-31) as the cut-over window.',
    },
  },
  /** New tenants created after December 2026: no Basic auth for SMTP AUTH by default, OAuth only. */
  newTenants: {
    id: 'basic-auth-new-tenants',
    value: '2026-12-31',
    text: {
      ja: '{value} より後に作成されたテナントでは SMTP AUTH の基本認証は既定で使えません（OAuth のみ）。',
      en: 'Tenants created after {value} have no Basic authentication for SMTP AUTH by default (OAuth only).',
    },
    source: EXCHANGE_BLOG_2026,
    read: READ,
    verified: true,
  },
  /** Microsoft announces the final removal date in this period; until then the re-enable is temporary. */
  finalRemovalAnnounced: {
    id: 'basic-auth-final-removal-announcement',
    value: {
      label: { ja: '2027 年後半', en: 'the second half of 2027' },
      from: '2027-07-01',
      to: '2027-12-31',
    },
    text: {
      ja: 'Microsoft は SMTP AUTH の基本認証を最終的に廃止する日付を {value} に発表します。再有効化は一時しのぎです。',
      en: 'Microsoft announces the final removal date for SMTP AUTH Basic authentication in {value}; re-enabling is only temporary.',
    },
    source: EXCHANGE_BLOG_2026,
    read: READ,
    verified: true,
  },
  /** The reply a device gets once Basic auth is off for client submission. */
  rejectionReply: {
    id: 'basic-auth-rejection-reply',
    value: '550 5.7.30 Basic authentication is not supported for Client Submission.',
    text: {
      ja: '基本認証が無効になった後の応答: {value}',
      en: 'The reply once Basic authentication is off: {value}',
    },
    source: EXCHANGE_BLOG_2024,
    read: READ,
    // Read as quoted from Microsoft's 2024 announcement in third-party pages, not on Microsoft's page itself.
    verified: false,
    note: {
      ja: 'Microsoft の 2024 年の告知からの引用として第三者のページで確認（Microsoft のページ自体は未読）。実際の応答は診断で確認してください。',
      en: "Seen as a quote of Microsoft's 2024 announcement on third-party pages (Microsoft's page itself not read); confirm the real reply with a diagnosis.",
    },
  },
  /** SMTP AUTH on/off switches (protocol level; whether they also bring back Basic after the default-off is not published). */
  smtpAuthSwitches: {
    id: 'smtp-auth-switches',
    value: {
      tenant: 'Set-TransportConfig -SmtpClientAuthenticationDisabled $false',
      mailbox: 'Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false',
      // The admin center's own labels (Japanese UI as quoted in Microsoft's Japanese docs), not a command.
      portal: {
        ja: 'Microsoft 365 管理センター → ユーザー → アクティブなユーザー → メール → メール アプリの管理 → 認証済み SMTP',
        en: 'Microsoft 365 admin center → Users → Active users → Mail → Manage email apps → Authenticated SMTP',
      },
    },
    text: { ja: 'SMTP AUTH を有効にする設定: {value}', en: 'Settings that enable SMTP AUTH: {value}' },
    source: LEARN_SMTP_AUTH,
    read: READ,
    verified: true,
    parts: {
      tenant: { ja: '組織全体', en: 'whole organization' },
      mailbox: { ja: 'メールボックスごと', en: 'per mailbox' },
      portal: { ja: '管理センターで', en: 'in the admin center' },
    },
    note: {
      ja: '既定無効化の後に「基本認証」を戻す専用の設定名は、2026-12-02 時点で Microsoft の資料にも第三者の解説にも見つかりませんでした（不明）。上の SMTP AUTH の設定で戻るかどうかは、Exchange 管理センターとメッセージ センターで確認してください。',
      en: "The exact switch that brings Basic authentication back after the default-off was not found in Microsoft's documentation or in third-party explanations as read 2026-12-02 (not known); whether the SMTP AUTH settings above bring it back must be checked in the Exchange admin center and the Message center.",
    },
  },
  /** OAuth for SMTP AUTH: scopes and permissions. */
  oauthScopes: {
    id: 'oauth-scopes',
    value: {
      delegated: 'https://outlook.office.com/SMTP.Send offline_access',
      appOnly: 'https://outlook.office365.com/.default (SMTP.SendAsApp)',
      servicePrincipal: 'New-ServicePrincipal -AppId <appId> -ObjectId <enterprise app object id>',
      mailboxPermission:
        'Add-MailboxPermission -Identity <mailbox> -User <service principal id> -AccessRights FullAccess',
    },
    text: { ja: 'SMTP AUTH の OAuth: {value}', en: 'OAuth for SMTP AUTH: {value}' },
    source: LEARN_OAUTH_SMTP,
    read: READ,
    verified: true,
    // Permission and scope names stay verbatim (shown as code); the words beside them follow Microsoft's
    // Japanese docs: 委任されたアクセス許可 / アプリケーションのアクセス許可, and offline_access is the scope for a
    // refresh token (https://learn.microsoft.com/ja-jp/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth, read 2026-12-02).
    parts: {
      delegated: {
        ja: '委任されたアクセス許可（機器がユーザーとしてサインインする場合のスコープ。`offline_access` は更新トークンを受け取るためのスコープ）',
        en: 'delegated permission (the scopes when the device signs in as a user; `offline_access` is the scope for a refresh token)',
      },
      appOnly: {
        ja: 'アプリケーションのアクセス許可（ユーザーなしでアプリとして送信する場合のスコープと必要なアクセス許可）',
        en: 'application permission (the scope and the permission needed when the app sends without a user)',
      },
      servicePrincipal: {
        ja: 'Exchange Online へのサービス プリンシパルの登録',
        en: 'register the service principal in Exchange Online',
      },
      mailboxPermission: {
        ja: 'サービス プリンシパルにメールボックスへのアクセスを与える',
        en: 'give the service principal access to the mailbox',
      },
    },
  },
  /** High Volume Email: its endpoint. */
  hveEndpoint: {
    id: 'hve-endpoint',
    value: HVE_HOST,
    text: {
      ja: 'High Volume Email のエンドポイント: {value}（ポート 587、STARTTLS）',
      en: 'High Volume Email endpoint: {value} (port 587, STARTTLS)',
    },
    source: LEARN_HVE,
    read: READ,
    verified: false,
    note: {
      ja: '第三者の資料で確認（旧名 smtp-hve.office365.com も使われています）。Microsoft Learn の High Volume Email の記事で確認してください。',
      en: "Seen in third-party material (the older name smtp-hve.office365.com is also in use); confirm in Microsoft Learn's High Volume Email article.",
    },
  },
  /** High Volume Email delivers to the tenant's own recipients only. */
  hveInternalOnly: {
    id: 'hve-internal-only',
    value: true,
    text: {
      ja: 'High Volume Email は社内（テナント内）の宛先専用です。',
      en: "High Volume Email delivers to the tenant's own (internal) recipients only.",
    },
    source: LEARN_HVE,
    read: READ,
    verified: false,
    note: {
      ja: '第三者の解説（Practical365 など）で確認。Microsoft Learn の記事で確認してください。',
      en: "Seen in third-party explanations (e.g. Practical365); confirm in Microsoft Learn's article.",
    },
  },
  /**
   * High Volume Email's own Basic-auth end date: "September 2028" as reported by secondary sources that cite an
   * Exchange Team blog post; not read in Microsoft's own text (verified: false, and the sentence says so).
   */
  hveBasicAuthEnd: {
    id: 'hve-basic-auth-end',
    value: {
      label: { ja: '2028 年 9 月', en: 'September 2028' },
      from: '2028-09-01',
      to: '2028-09-30',
    } as Period | null,
    text: {
      ja: 'High Volume Email の基本認証は {value} まで使えると第三者の記事が報じています（Microsoft の資料では未確認）。',
      en: "Third-party articles report that High Volume Email accepts Basic authentication until {value} (not verified in Microsoft's own text).",
    },
    source: LEARN_HVE,
    read: READ,
    verified: false,
    note: {
      ja: 'Petri（https://petri.com/high-volume-email-delivery-internal-recipients/ 、2026-12-02 閲覧）などが Microsoft の Exchange Team ブログを引用して「2028 年 9 月まで」と報じています。Microsoft のページ自体は本アプリで読めていません。導入前に High Volume Email の記事とメッセージ センターで確認してください。',
      en: 'Petri (https://petri.com/high-volume-email-delivery-internal-recipients/, read 2026-12-02) and others report "until September 2028", citing Microsoft\'s Exchange Team blog; Microsoft\'s page itself was not read here. Check the High Volume Email article and the Message center before relying on it.',
    },
  },
  /** Direct Send reaches internal recipients only; relay via a connector reaches everyone. */
  directSendInternalOnly: {
    id: 'direct-send-internal-only',
    value: true,
    text: {
      ja: '直接送信は社内の宛先にのみ届きます。社外宛てには SMTP リレー（コネクタ）が必要です。',
      en: 'Direct Send reaches internal recipients only; external recipients need SMTP relay (a connector).',
    },
    source: LEARN_MFP,
    read: READ,
    verified: true,
  },
} as const;

export type BasicAuthFactId = keyof typeof BASIC_AUTH_FACTS;

/** Every dated fact, for tests and the "sources" list of a plan. */
export function allBasicAuthFacts(): DatedFact<unknown>[] {
  return Object.values(BASIC_AUTH_FACTS);
}

const isLocalized = (v: unknown): v is Localized =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Localized).ja === 'string' &&
  typeof (v as Localized).en === 'string';

/**
 * A fact's value as text: periods as "<words> (2026-12-01 – 2026-12-31)", words ({ja, en}) in the reader's
 * language, objects as "<words for the key>: `value`; …" (verbatim values are code, between backticks, which the
 * app shows as code), null as "not known".
 */
export function factValueText(value: unknown, lang: 'ja' | 'en', parts?: Record<string, Localized>): string {
  if (value === null || value === undefined)
    return lang === 'ja' ? '不明（未確認）' : 'not known (unverified)';
  if (isLocalized(value)) return value[lang];
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const label = v['label'] as Localized | undefined;
    if (label && typeof v['from'] === 'string' && typeof v['to'] === 'string')
      return `${label[lang]} (${v['from']} – ${v['to']})`;
    return Object.entries(v)
      .map(([k, x]) => {
        const shown = isLocalized(x) ? x[lang] : `\`${typeof x === 'string' ? x : JSON.stringify(x)}\``;
        return `${parts?.[k]?.[lang] ?? k}: ${shown}`;
      })
      .join('; ');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fact's sentence with its value filled in. */
export function factText(fact: DatedFact<unknown>, lang: 'ja' | 'en'): string {
  return fact.text[lang].replace('{value}', factValueText(fact.value, lang, fact.parts));
}
