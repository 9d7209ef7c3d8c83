// The plan for the day Basic authentication breaks: for each device (one job, or every device of a site's
// reports) what happens to it when Basic authentication goes off by default, and what to do — OAuth when the model can, otherwise
// SMTP relay, Direct Send, High Volume Email, or the admin's temporary re-enable. Every date comes from
// basic-auth-facts.ts and is compared with `today` at run time. Pure: no Node, no DOM.
// The Japanese terms for the two permission types are cited in basic-auth-facts.ts (dates live only there).
import {
  BASIC_AUTH_FACTS as F,
  factText,
  factValueText,
  type DatedFact,
  type Period,
} from './basic-auth-facts';
import type { Lang, Method } from './model';
import type { Localized } from './profiles';
import type { ModelProfile } from './profiles-resolve';

export type PlanPhase = 'before' | 'cutover' | 'default-off' | 'final-date-due';
export type Recipients = 'internal' | 'external' | 'unknown';
export type SignIn = 'basic' | 'oauth' | 'none' | 'unknown';

export interface PlanDeviceInput {
  label: string;
  /** The device's profile at its firmware generation, when known. */
  model?: ModelProfile | null;
  /** What the technician knows better than the profile (e.g. checked on the device). */
  oauthOverride?: boolean | null;
  method: Method | 'auto' | 'unknown';
  signsInWith?: SignIn;
}

export interface PlanContext {
  today: Date;
  recipients: Recipients;
  staticIp: boolean | 'unknown';
  mailbox?: string;
}

export type OptionId = 'oauth' | 'firmware' | 'relay' | 'direct-send' | 'hve' | 're-enable';
export type OptionFit = 'recommended' | 'possible' | 'unsuitable' | 'temporary';

export interface PlanOption {
  id: OptionId;
  fit: OptionFit;
  title: Localized;
  steps: Localized[];
  caveats: Localized[];
  /** Ids of the dated facts this option relies on. */
  facts: string[];
}

export interface DevicePlan {
  label: string;
  modelId?: string;
  affected: 'yes' | 'no' | 'unknown';
  /** null = not known from the vendor: check on the device. */
  oauthCapable: boolean | null;
  /** The OAuth claim comes from the vendor's own documentation. */
  oauthVerified: boolean;
  impact: Localized;
  options: PlanOption[];
}

export interface BasicAuthPlan {
  today: string;
  phase: PlanPhase;
  /** Whole days until the end of the default-off period (negative once past). */
  daysToDefaultOff: number;
  devices: DevicePlan[];
  facts: DatedFact<unknown>[];
}

const DAY_MS = 86_400_000;
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const L = (ja: string, en: string): Localized => ({ ja, en });
/** Fill `{name}` placeholders in both languages. */
function fill(t: Localized, params: Record<string, string | Localized>): Localized {
  const one = (s: string, lang: Lang) =>
    s.replace(/\{(\w+)\}/g, (m, k: string) => {
      const v = params[k];
      return v === undefined ? m : typeof v === 'string' ? v : v[lang];
    });
  return { ja: one(t.ja, 'ja'), en: one(t.en, 'en') };
}
const fv = (fact: DatedFact<unknown>): Localized => ({
  ja: factValueText(fact.value, 'ja', fact.parts),
  en: factValueText(fact.value, 'en', fact.parts),
});
/** A verbatim value (command, scope, permission name) inside a sentence: code, between backticks. */
const code = (s: string): string => `\`${s}\``;
/** The mailbox: the one given, or a placeholder in the reader's language. */
const MAILBOX_PLACEHOLDER: Localized = { ja: '<メールボックス>', en: '<mailbox>' };
/** A command with the mailbox filled in, per language (as code when `asCode`). */
function withMailbox(cmd: string, mailbox: Localized, asCode = false): Localized {
  const one = (lang: Lang) => cmd.replace('<mailbox>', mailbox[lang]);
  return asCode ? { ja: code(one('ja')), en: code(one('en')) } : { ja: one('ja'), en: one('en') };
}
const ft = (fact: DatedFact<unknown>): Localized => ({ ja: factText(fact, 'ja'), en: factText(fact, 'en') });

/** Where today stands against the dated facts. */
export function planPhase(today: Date): { phase: PlanPhase; daysToDefaultOff: number } {
  const day = isoDay(today);
  const off = F.defaultOffExisting.value as Period;
  const fin = F.finalRemovalAnnounced.value as Period;
  const daysToDefaultOff = Math.round((Date.parse(off.to) - Date.parse(day)) / DAY_MS);
  if (day < off.from) return { phase: 'before', daysToDefaultOff };
  if (day <= off.to) return { phase: 'cutover', daysToDefaultOff };
  if (day <= fin.to) return { phase: 'default-off', daysToDefaultOff };
  return { phase: 'final-date-due', daysToDefaultOff };
}

function isAffected(d: PlanDeviceInput): DevicePlan['affected'] {
  if (d.signsInWith === 'oauth' || d.signsInWith === 'none') return 'no';
  if (d.method === 'direct-send' || d.method === 'relay') return 'no';
  if (d.signsInWith === 'basic' || d.method === 'submission') return 'yes';
  return 'unknown';
}

function impactOf(affected: DevicePlan['affected'], phase: PlanPhase, days: number): Localized {
  const p = {
    off: fv(F.defaultOffExisting),
    fin: fv(F.finalRemovalAnnounced),
    reply: F.rejectionReply.value,
    days: String(Math.max(days, 0)),
  };
  if (affected === 'no')
    return L(
      '影響なし: この機器はパスワードでサインインしません（直接送信・中継送信・OAuth）。',
      'Not affected: this device does not sign in with a password (Direct Send, relay or OAuth).',
    );
  const when: Record<PlanPhase, Localized> = {
    before: fill(
      L(
        '{off} に基本認証が既定で無効になると、パスワードでのサインインは拒否されます（予想される応答: {reply}）。管理者が再有効化しない限り送信できません。残り {days} 日。',
        'When Basic authentication goes off by default ({off}), sign-in with a password is refused (expected reply: {reply}); sending stops unless an admin re-enables it. {days} days left.',
      ),
      p,
    ),
    cutover: fill(
      L(
        '基本認証の既定無効化の期間（{off}）に入っています。いつ送信できなくなってもおかしくありません（予想される応答: {reply}）。',
        'Basic authentication is being turned off by default now ({off}); this device can stop sending any day (expected reply: {reply}).',
      ),
      p,
    ),
    'default-off': fill(
      L(
        '基本認証は {off} から既定で無効です。管理者が再有効化していなければ送信できません。再有効化も、Microsoft が {fin} に発表する最終期日までの一時しのぎです。',
        'Basic authentication is off by default since {off}: this device fails unless an admin re-enabled it, and that only lasts until the final date Microsoft announces in {fin}.',
      ),
      p,
    ),
    'final-date-due': fill(
      L(
        'Microsoft が最終廃止日を発表する期間（{fin}）は過ぎています。発表された最終期日を確認し、再有効化に頼らない方法へ移行してください。',
        "Microsoft's announcement period for the final removal ({fin}) is over: check the announced final date and move off the re-enable now.",
      ),
      p,
    ),
  };
  const t = when[phase];
  if (affected === 'yes') return t;
  return {
    ja: `パスワードで smtp.office365.com にサインインしている場合: ${t.ja}`,
    en: `If it signs in to smtp.office365.com with a password: ${t.en}`,
  };
}

const orgConsent = L(
  'Microsoft 365 管理者が、機器のメーカーのアプリに組織として同意する（Microsoft Entra 管理センター → エンタープライズ アプリケーション、またはサインイン画面の「組織の代理として同意する」）。',
  'The Microsoft 365 admin consents to the device vendor\'s app for the organization (Microsoft Entra admin center → Enterprise applications, or "Consent on behalf of your organization" at sign-in).',
);

function oauthOption(
  model: ModelProfile | null | undefined,
  capable: boolean | null,
  mailbox: Localized,
): PlanOption {
  const o = model?.oauth;
  const scopes = F.oauthScopes.value;
  const steps: Localized[] = [
    fill(
      L(
        'Microsoft 365 管理者: {mb} の SMTP AUTH（認証済み SMTP）を有効のままにする（OAuth でも必要）: {cmd}',
        'Microsoft 365 admin: keep SMTP AUTH (Authenticated SMTP) enabled for {mb} (OAuth needs it too): {cmd}',
      ),
      { mb: mailbox, cmd: withMailbox(F.smtpAuthSwitches.value.mailbox, mailbox, true) },
    ),
  ];
  const app = o?.entraApp.value;
  if (app === 'vendor' || (app === null && o?.adminConsent.value)) steps.push(orgConsent);
  if (app === 'customer' || app === 'either') {
    steps.push(
      fill(
        L(
          'Microsoft 365 管理者: アプリを登録し、API のアクセス許可（委任されたアクセス許可: {d}／アプリケーションのアクセス許可: {a}）に管理者の同意を与え、クライアント ID とテナント ID を技術者に渡す。',
          'Microsoft 365 admin: register an app, grant admin consent to its API permission (delegated permission: {d} / application permission: {a}), and give the technician the client id and tenant id.',
        ),
        { d: code(scopes.delegated), a: code('SMTP.SendAsApp') },
      ),
    );
  }
  if (o?.appOnly.value) {
    steps.push(
      fill(
        L(
          'アプリのみ（クライアント資格情報）の場合、Exchange Online PowerShell で: {sp} と {mp}',
          'For app-only (client credentials), in Exchange Online PowerShell: {sp} and {mp}',
        ),
        {
          sp: code(scopes.servicePrincipal),
          mp: withMailbox(scopes.mailboxPermission, mailbox, true),
        },
      ),
    );
  }
  steps.push(
    o?.where
      ? fill(L('技術者: 機器で {w} を開き、{v}', 'Technician: on the device open {w}, then {v}'), {
          w: { ja: o.where.ja, en: o.where.en },
          v: o.values
            ? { ja: o.values.ja, en: o.values.en }
            : L('OAuth 2.0 を選んでサインインする。', 'choose OAuth 2.0 and sign in.'),
        })
      : L(
          '技術者: 機器の OAuth 設定の場所と入力項目は実機で確認してください（メーカー資料なし）。',
          'Technician: where OAuth is set and what to enter: check on the device (no vendor document found).',
        ),
    L(
      '技術者: 診断（OAuth）とテスト送信で確認する。',
      'Technician: confirm with a diagnosis (OAuth) and a test send.',
    ),
  );
  const caveats: Localized[] = [];
  if (capable === null)
    caveats.push(
      L(
        'この機種の OAuth 対応はメーカー資料で確認できていません: 実機で確認（ファームウェアの版と認証方式の選択肢）。',
        "This model's OAuth support is not confirmed by a vendor document: check on the device (firmware version and the authentication choices).",
      ),
    );
  if (o && o.minFirmware.value)
    caveats.push(
      fill(L('必要なファームウェア: {fw} 以降', 'Firmware needed: {fw} or later'), {
        fw: o.minFirmware.value,
      }),
    );
  return {
    id: 'oauth',
    fit: capable === true ? 'recommended' : 'possible',
    title: L('OAuth に切り替える', 'Switch to OAuth'),
    steps,
    caveats,
    facts: [F.oauthScopes.id, F.smtpAuthSwitches.id],
  };
}

function alternatives(ctx: PlanContext, mailbox: Localized, preferAlternatives: boolean): PlanOption[] {
  const external = ctx.recipients === 'external';
  const internal = ctx.recipients === 'internal';
  const noIp = ctx.staticIp === false;
  const relay: PlanOption = {
    id: 'relay',
    fit: noIp ? 'unsuitable' : external || preferAlternatives ? 'recommended' : 'possible',
    title: L('SMTP リレー（コネクタ）に切り替える', 'Switch to SMTP relay (connector)'),
    steps: [
      L(
        'Microsoft 365 管理者: Exchange 管理センター → メール フロー → コネクタ → 組織のメール サーバー → Office 365、拠点の固定パブリック IP で識別するコネクタを作成。',
        "Microsoft 365 admin: Exchange admin center → Mail flow → Connectors → from your organization's email server to Office 365, identified by the site's static public IP.",
      ),
      L(
        '技術者: SMTP サーバー = テナントの MX ホスト、ポート 25、SMTP 認証なし、差出人 = 承認済みドメインのアドレス。SPF に拠点の IP を追加。',
        "Technician: SMTP server = the tenant's MX host, port 25, no SMTP authentication, sender = an address in an accepted domain; add the site's IP to SPF.",
      ),
    ],
    caveats: noIp
      ? [
          L(
            '固定パブリック IP が必要です（この拠点にはありません）。',
            'Needs a static public IP (this site has none).',
          ),
        ]
      : [],
    facts: [F.directSendInternalOnly.id],
  };
  const direct: PlanOption = {
    id: 'direct-send',
    fit: external ? 'unsuitable' : internal ? 'recommended' : 'possible',
    title: L('直接送信に切り替える（社内宛てのみ）', 'Switch to Direct Send (internal recipients only)'),
    steps: [
      L(
        '技術者: SMTP サーバー = テナントの MX ホスト、ポート 25、SMTP 認証なし、差出人 = 承認済みドメインのアドレス。',
        "Technician: SMTP server = the tenant's MX host, port 25, no SMTP authentication, sender = an address in an accepted domain.",
      ),
      L(
        'Microsoft 365 管理者: RejectDirectSend が False であることを確認（Get-OrganizationConfig）。',
        'Microsoft 365 admin: confirm RejectDirectSend is False (Get-OrganizationConfig).',
      ),
    ],
    caveats: [ft(F.directSendInternalOnly)],
    facts: [F.directSendInternalOnly.id],
  };
  const hve: PlanOption = {
    id: 'hve',
    fit: external ? 'unsuitable' : 'possible',
    title: L('High Volume Email を使う（社内宛てのみ）', 'Use High Volume Email (internal recipients only)'),
    steps: [
      fill(
        L(
          'Microsoft 365 管理者: HVE アカウントを作成。技術者: SMTP サーバー = {ep}、ポート 587、STARTTLS、HVE アカウントでサインイン。',
          'Microsoft 365 admin: create an HVE account. Technician: SMTP server = {ep}, port 587, STARTTLS, sign in with the HVE account.',
        ),
        { ep: F.hveEndpoint.value },
      ),
    ],
    caveats: [
      ft(F.hveInternalOnly),
      ft(F.hveBasicAuthEnd),
      ...(F.hveEndpoint.note ? [F.hveEndpoint.note] : []),
    ],
    facts: [F.hveEndpoint.id, F.hveInternalOnly.id, F.hveBasicAuthEnd.id],
  };
  const sw = F.smtpAuthSwitches.value;
  const reEnable: PlanOption = {
    id: 're-enable',
    fit: 'temporary',
    title: L('管理者が基本認証を一時的に再有効化する', 'Admin re-enables Basic authentication for now'),
    steps: [
      fill(
        L(
          'Microsoft 365 管理者: Microsoft 365 管理センター → ユーザー → アクティブなユーザー → {mb} → メール → メール アプリの管理 →「認証済み SMTP」をオン',
          'Microsoft 365 admin: {portal} (mailbox {mb})',
        ),
        { portal: sw.portal, mb: mailbox },
      ),
      fill(L('PowerShell: {t} / {m}', 'PowerShell: {t} / {m}'), {
        t: code(sw.tenant),
        m: withMailbox(sw.mailbox, mailbox, true),
      }),
    ],
    caveats: [
      ft(F.finalRemovalAnnounced),
      ...(F.smtpAuthSwitches.note ? [F.smtpAuthSwitches.note] : []),
      ...(F.defaultOffExisting.note ? [F.defaultOffExisting.note] : []),
    ],
    facts: [F.smtpAuthSwitches.id, F.finalRemovalAnnounced.id],
  };
  return [relay, direct, hve, reEnable];
}

const FIT_ORDER: Record<OptionFit, number> = { recommended: 0, possible: 1, temporary: 2, unsuitable: 3 };

/** The plan for one device. */
export function planDevice(d: PlanDeviceInput, ctx: PlanContext): DevicePlan {
  const { phase, daysToDefaultOff } = planPhase(ctx.today);
  const claim = d.model?.capabilities.oauth;
  const capable = d.oauthOverride ?? (claim ? claim.value : null);
  const affected = isAffected(d);
  const given = ctx.mailbox?.trim();
  const mailbox: Localized = given ? { ja: given, en: given } : MAILBOX_PLACEHOLDER;
  const options: PlanOption[] = [];
  if (affected !== 'no') {
    if (capable !== false) options.push(oauthOption(d.model, capable, mailbox));
    const minFw = d.model?.oauth?.minFirmware.value;
    if (capable === false && minFw) {
      options.push({
        id: 'firmware',
        fit: 'recommended',
        title: L('ファームウェアを更新して OAuth を使う', 'Update the firmware, then use OAuth'),
        steps: [
          fill(
            L(
              '技術者: ファームウェアを {fw} 以降に更新し、OAuth の手順へ。',
              'Technician: update the firmware to {fw} or later, then follow the OAuth steps.',
            ),
            { fw: minFw },
          ),
        ],
        caveats: [],
        facts: [],
      });
    }
    options.push(...alternatives(ctx, mailbox, capable === false && !minFw));
  }
  options.sort((a, b) => FIT_ORDER[a.fit] - FIT_ORDER[b.fit]);
  return {
    label: d.label,
    ...(d.model ? { modelId: d.model.id } : {}),
    affected,
    oauthCapable: capable,
    oauthVerified: d.oauthOverride == null && Boolean(claim?.verified),
    impact: impactOf(affected, phase, daysToDefaultOff),
    options,
  };
}

/** The plan for a job's device or every device of a site. */
export function basicAuthPlan(devices: readonly PlanDeviceInput[], ctx: PlanContext): BasicAuthPlan {
  const { phase, daysToDefaultOff } = planPhase(ctx.today);
  const plans = devices.map((d) => planDevice(d, ctx));
  const used = new Set(plans.flatMap((p) => p.options.flatMap((o) => o.facts)));
  const facts = (Object.values(F) as DatedFact<unknown>[]).filter(
    (f) => used.has(f.id) || f.id === F.defaultOffExisting.id || f.id === F.rejectionReply.id,
  );
  return { today: isoDay(ctx.today), phase, daysToDefaultOff, devices: plans, facts };
}
