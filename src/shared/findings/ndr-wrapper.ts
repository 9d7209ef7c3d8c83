// An NDR's own wording without the server's reply: "メッセージを配信できませんでした", "Your message couldn't be
// delivered", "一部またはすべての受信者にメッセージが届きませんでした" ... The user section only says delivery failed,
// never why (the reason is in the administrator section: "管理者向けの診断情報" / "診断情報 (管理者用)" →
// "リモート サーバーから返された内容" / "Remote Server returned"). So such a text is recognised as an NDR but given
// no cause: the next step is to find that line. Pure.
//
// Sources: Microsoft, "Exchange Serverの DSN と NDR" (ja), http://technet.microsoft.com/ja-jp/library/bb232118.aspx
// (read 2026-12-02: the user section comes first and may be in another language; the administrator section holds the
// diagnostic information); Microsoft Support (ja), postmaster failed-delivery messages,
// https://wus.prod.support.services.microsoft.com/ja-jp/office/failed-delivery-messages-from-the-postmaster-at-outlook-com-microsoft-com-or-service-microsoft-com-eb34d15e-1251-4802-995d-78917ecb1de6
// (read 2026-12-02: scroll to the section named like "管理者向けの診断情報"; it usually holds the reason). The other
// Japanese forms below
// ("診断情報 (管理者用)", "生成元サーバー", Outlook's "一部またはすべての受信者…") are as technicians report them; no
// Microsoft page showing them was found (unverified wording).
import type { Lang } from '../model';

/** Wrapper sentences and section headings of Exchange Online / Outlook NDRs, English and Japanese. */
const NDR_WRAPPER_RE = new RegExp(
  [
    'メッセージを配信できませんでした',
    '配信できませんでした',
    'メッセージが届きませんでした',
    'メールが届きませんでした',
    '配信に失敗しました',
    '配信不能',
    'リモート\\s?サーバーから返された内容',
    '診断情報\\s?[(（]管理者用[)）]',
    '管理者向けの診断情報',
    '生成元サーバー',
    '生成サーバー',
    "your message (couldn't|could not|wasn't|was not) (be )?delivered",
    'delivery has failed to these recipients',
    'diagnostic information for administrators',
    'generating server',
    'remote server returned',
    'undeliverable',
  ].join('|'),
  'i',
);

/** Longest text looked at (an NDR pasted whole is a few kB). */
const MAX_NDR_CHARS = 64 * 1024;

/** True when the text is an NDR's own wording (a caller checks first that no reply in it was recognised). */
export function looksLikeNdr(text: string): boolean {
  return NDR_WRAPPER_RE.test(text.slice(0, MAX_NDR_CHARS).normalize('NFKC'));
}

/** What to do with an NDR whose reason was not pasted: find the administrator section's reply line. */
export const NDR_NEXT_STEP: Record<Lang, string> = {
  ja: 'これは配信不能レポート (NDR) の文面ですが、原因の行が含まれていません。NDR の「管理者向けの診断情報」(「診断情報 (管理者用)」) の欄にある「リモート サーバーから返された内容」の行 (例: 550 5.7.708 ...) を貼り付けるか、Microsoft 365 管理者にメッセージ追跡で確認してもらってください。',
  en: 'This is a non-delivery report (NDR), but without the line that says why. Paste the "Remote Server returned" line from the NDR\'s "Diagnostic information for administrators" section (e.g. 550 5.7.708 ...), or ask the Microsoft 365 admin to look the message up in message trace.',
};
