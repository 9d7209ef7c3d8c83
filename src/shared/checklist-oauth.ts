// The OAuth path of the client-submission checklist: what the Microsoft 365 admin must consent to (the vendor's
// Entra app, or the customer's own app with SMTP.Send / SMTP.SendAsApp), the service principal and mailbox
// permission for app-only, and where on this model OAuth is set and what goes in. Built from the profile's
// `oauth` block; anything the vendor does not publish is a step marked "check on the device". Pure.
import { BASIC_AUTH_FACTS } from './basic-auth-facts';
import type { ProofKey } from './check-registry';
import type { Lang } from './model';
import type { ModelProfile } from './profiles-resolve';

/** The shape of a checklist step before numbering (mirrors checklist.ts `Draft`, kept structural to avoid a cycle). */
export interface OAuthDraft {
  id: string;
  actor: 'technician' | 'admin';
  title: string;
  where?: string;
  field?: string;
  value?: string;
  copyable: boolean;
  verifiedBy?: ProofKey;
  adminMessage?: string;
  note?: string;
  confirmed: boolean;
}

export interface OAuthPathInput {
  model?: ModelProfile | undefined;
  mailbox: string;
  lang: Lang;
  /** Engine check id that proves a sign-in (checklist VERIFIED_BY.auth). */
  authCheck: ProofKey;
}

/** Admin and device steps that replace user name / password / Security Defaults on the OAuth path. */
export function oauthSteps(input: OAuthPathInput): { admin: OAuthDraft[]; device: OAuthDraft[] } {
  const { model, mailbox, lang, authCheck } = input;
  const t = (ja: string, en: string): string => (lang === 'ja' ? ja : en);
  const o = model?.oauth;
  const scopes = BASIC_AUTH_FACTS.oauthScopes.value;
  const admin: OAuthDraft[] = [];
  const app = o?.entraApp.value ?? null;
  const appOnly = o?.appOnly.value === true;
  const entra = t('Microsoft Entra 管理センター', 'Microsoft Entra admin center');

  if (app === 'vendor') {
    admin.push({
      id: 'submission.oauth.consent',
      actor: 'admin',
      title: t(
        '機器メーカーのアプリに組織として同意する',
        "Consent to the device vendor's app for the organization",
      ),
      where: t(
        `${entra} → エンタープライズ アプリケーション（またはサインイン時の「組織の代理として同意する」）`,
        `${entra} → Enterprise applications (or "Consent on behalf of your organization" at sign-in)`,
      ),
      adminMessage: t(
        `${model?.vendor ?? '機器'} のアプリが ${mailbox} として SMTP で送信できるよう、委任されたアクセス許可（${scopes.delegated}）に組織として同意してください。サインインはクラウド アプリケーション管理者以上のロールで行います。`,
        `Please consent for the organization to ${model?.vendor ?? 'the device'}'s app using the delegated permissions ${scopes.delegated}, so it can send over SMTP as ${mailbox}. Sign in with the Cloud Application Administrator role or higher.`,
      ),
      copyable: false,
      verifiedBy: authCheck,
      confirmed: Boolean(o?.entraApp.verified),
    });
  } else {
    admin.push({
      id: 'submission.oauth.app-registration',
      actor: 'admin',
      title: t(
        'アプリを登録し、SMTP 送信の権限に管理者の同意を与える',
        'Register an app and grant admin consent to the SMTP permission',
      ),
      where: t(
        `${entra} → アプリの登録 → 新規登録 → API のアクセス許可 → Office 365 Exchange Online`,
        `${entra} → App registrations → New registration → API permissions → Office 365 Exchange Online`,
      ),
      adminMessage: t(
        `アプリを登録し、${appOnly ? 'アプリケーションのアクセス許可 SMTP.SendAsApp' : `委任されたアクセス許可 SMTP.Send（スコープ ${scopes.delegated}）`} に管理者の同意を与え、アプリケーション（クライアント）ID とディレクトリ（テナント）ID を技術者に渡してください。`,
        `Please register an app, grant admin consent to ${appOnly ? 'the application permission SMTP.SendAsApp' : `the delegated permission SMTP.Send (scope ${scopes.delegated})`}, and give the technician the application (client) id and directory (tenant) id.`,
      ),
      copyable: false,
      verifiedBy: authCheck,
      confirmed: false,
      note:
        app === null
          ? t(
              'この機種がメーカーのアプリを使うか、顧客のアプリ登録が要るかはメーカー資料で確認できていません（実機で確認）。',
              "Whether this model uses the vendor's app or needs the customer's app registration is not confirmed by a vendor document (check on the device).",
            )
          : undefined,
    });
  }
  if (appOnly) {
    admin.push(
      {
        id: 'submission.oauth.service-principal',
        actor: 'admin',
        title: t(
          'Exchange Online にアプリのサービス プリンシパルを登録する',
          "Register the app's service principal in Exchange Online",
        ),
        where: 'Exchange Online PowerShell',
        value: scopes.servicePrincipal,
        copyable: true,
        adminMessage: t(
          `Exchange Online PowerShell で実行してください: ${scopes.servicePrincipal}`,
          `Please run in Exchange Online PowerShell: ${scopes.servicePrincipal}`,
        ),
        verifiedBy: authCheck,
        confirmed: true,
      },
      {
        id: 'submission.oauth.mailbox-permission',
        actor: 'admin',
        title: t(
          'サービス プリンシパルに送信用メールボックスの権限を与える',
          'Give the service principal permission on the sending mailbox',
        ),
        where: 'Exchange Online PowerShell',
        value: scopes.mailboxPermission.replace('<mailbox>', mailbox),
        copyable: true,
        adminMessage: t(
          `実行してください: ${scopes.mailboxPermission.replace('<mailbox>', mailbox)}`,
          `Please run: ${scopes.mailboxPermission.replace('<mailbox>', mailbox)}`,
        ),
        verifiedBy: authCheck,
        confirmed: true,
      },
    );
  }

  const where = o?.where ?? model?.menuPaths.auth ?? model?.menuPaths.smtp;
  const label = model?.authOptions?.oauth;
  const delegated = o?.delegated.value ?? null;
  const device: OAuthDraft[] = [
    {
      id: 'submission.oauth.device',
      actor: 'technician',
      title: t(
        '機器で認証方式を OAuth 2.0 にする',
        'Set the authentication method to OAuth 2.0 on the device',
      ),
      where:
        where?.[lang] ??
        t('機器の Web 設定画面 → メール（SMTP）設定', "The device's web settings → e-mail (SMTP) settings"),
      field: model?.fields.auth?.[lang] ?? t('認証方式', 'Authentication method'),
      value: label?.[lang] ?? 'OAuth 2.0',
      // A choice in the device's menu, not text to type: no copy button.
      copyable: false,
      note:
        o?.values?.[lang] ??
        t(
          '入力項目（プロバイダー、アカウント、エンドポイント、クライアント ID）は実機で確認してください。',
          'What to enter (provider, account, endpoint, client id): check on the device.',
        ),
      confirmed: Boolean(o?.where?.verified ?? (where?.verified && label?.verified)),
    },
    {
      id: 'submission.oauth.sign-in',
      actor: 'technician',
      title:
        appOnly && delegated === null
          ? t(
              '機器にテナント ID・クライアント ID・シークレットを入力する',
              'Enter tenant id, client id and secret on the device',
            )
          : t(`${mailbox} でサインインしてトークンを取得する`, `Sign in as ${mailbox} to obtain the token`),
      where:
        delegated === 'panel'
          ? t('機器の操作パネル', "The device's control panel")
          : delegated === 'web'
            ? t(
                '機器の Web 設定画面（コードは別の端末のブラウザーで入力）',
                "The device's web page (the code is entered in a browser on another device)",
              )
            : undefined,
      copyable: false,
      verifiedBy: authCheck,
      note: t(
        'サインイン画面に AADSTS で始まるエラーが出たら、その行を「説明」に貼り付けてください（同意不足は AADSTS65001、条件付きアクセスは AADSTS53003）。',
        'If the sign-in page shows an error starting with AADSTS, paste that line into explain (AADSTS65001 = consent missing, AADSTS53003 = Conditional Access).',
      ),
      confirmed: Boolean(o?.delegated.verified),
    },
  ];
  return { admin, device };
}
