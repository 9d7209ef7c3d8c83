// Words used by the exports (HTML/PDF report, ticket), in Japanese and English. Finding texts come from the
// catalogue (src/shared/findings); these are only the document's own headings and labels.
import type { Actor, CheckStatus, Lang, MethodChoice, Severity, Verdict } from '../../shared/model';

/** A word set in a Japanese sentence: spaced from the particles only where it starts or ends in Latin letters or
 *  digits ("の RICOH IM C3000 から", but "の機器から"). */
function jaSpaced(word: string): string {
  return `${/^[\x21-\x7e]/.test(word) ? ' ' : ''}${word}${/[\x21-\x7e]$/.test(word) ? ' ' : ''}`;
}
import { ACTOR_LABELS, METHOD_LABELS, STATUS_LABELS, VERDICT_LABELS } from '../../shared/vocabulary';

export interface ExportLabels {
  reportTitle: string;
  ticketTitle: string;
  customer: string;
  site: string;
  device: string;
  location: string;
  method: string;
  technician: string;
  created: string;
  updated: string;
  appVersion: string;
  reportId: string;
  summary: string;
  settings: string;
  run: string;
  runAt: string;
  verdict: string;
  egressIp: string;
  checks: string;
  check: string;
  status: string;
  duration: string;
  findings: string;
  noFindings: string;
  cause: string;
  fix: string;
  who: string;
  powershell: string;
  evidence: string;
  transcript: string;
  transcriptCut: (shown: number, total: number) => string;
  checklist: string;
  notes: string;
  compare: string;
  before: string;
  after: string;
  findingsAdded: string;
  findingsRemoved: string;
  noRuns: string;
  observed: string;
  adminActions: string;
  noAdminActions: string;
  ruledOut: string;
  fixedSince: string;
  nothingRuledOut: string;
  /** Ticket: the checks that did not run, each with why (shared/skip-reasons.ts). */
  notChecked: string;
  notInMessageTrace: string;
  predicted: string;
  generated: (version: string, id: string) => string;
  methods: Record<MethodChoice, string>;
  statuses: Record<CheckStatus, string>;
  verdicts: Record<Verdict, string>;
  severities: Record<Severity, string>;
  actors: Record<Actor, string>;
  changes: Record<'fixed' | 'regressed' | 'unchanged' | 'changed' | 'added' | 'removed', string>;
  /** Names of the job's settings (never the raw field ids host/user/expectedIp). */
  fields: Record<'host' | 'port' | 'domain' | 'user' | 'from' | 'to' | 'expectedIp' | 'ehloName', string>;
  primary: string;
  noPrimary: string;
  firstFix: string;
  valueToChange: string;
  appendix: string;
  appendixTranscript: (n: number) => string;
  seeAppendix: string;
  earlierRuns: string;
  /** Ticket: greeting, one-line situation, and how each command reaches. */
  dearAdmin: string;
  ticketIntro: (site: string, device: string) => string;
  ticketNoRequest: string;
  requests: string;
  commandScopes: Record<'read' | 'mailbox' | 'tenant', string>;
  technicianSide: string;
}

const ja: ExportLabels = {
  reportTitle: 'メール送信診断レポート',
  ticketTitle: 'サポート依頼（チケット）',
  customer: 'お客様',
  site: '設置場所',
  device: '機器',
  location: '設置位置',
  method: '送信方法',
  technician: '技術者',
  created: '作成日時',
  updated: '更新日時',
  appVersion: 'アプリのバージョン',
  reportId: 'レポート ID',
  summary: '概要',
  settings: '入力した設定（パスワードは記録していません）',
  run: '診断',
  runAt: '実施日時',
  verdict: '判定',
  egressIp: '送信元のパブリック IP アドレス',
  checks: 'チェック項目',
  check: 'チェック',
  status: '結果',
  duration: '所要時間',
  findings: '検出事項',
  noFindings: '検出事項はありません。',
  cause: '原因',
  fix: '対処',
  who: '対応する人',
  powershell: 'PowerShell（Exchange Online）',
  evidence: '根拠',
  transcript: '通信ログ（パスワードは伏せ字）',
  transcriptCut: (shown, total) =>
    `全 ${total} 行のうち ${shown} 行を表示しています（全体は report.json に記録）。`,
  checklist: '設定チェックリスト',
  notes: '技術者メモ',
  compare: '前回の診断との比較',
  before: '前回',
  after: '今回',
  findingsAdded: '新たに検出',
  findingsRemoved: '解消',
  noRuns: 'まだ診断を実行していません。',
  observed: '確認された事象',
  adminActions: 'お願いしたい変更',
  noAdminActions: 'Microsoft 365 管理者の対応が必要な検出事項はありません。',
  ruledOut: '技術者が確認済みの項目（合格）',
  fixedSince: '現地で解消済み',
  nothingRuledOut: '確認済みの項目はありません。',
  notChecked: '確認していない項目（スキップ）と理由',
  notInMessageTrace: 'この失敗は Exchange Online のメッセージ追跡には記録されません。',
  predicted: '（推定）',
  generated: (version, id) => `Device Mail Doctor ${version} で作成（レポート ID: ${id}）`,
  methods: METHOD_LABELS.ja,
  statuses: STATUS_LABELS.ja,
  verdicts: VERDICT_LABELS.ja,
  severities: { error: '失敗', warning: '注意', info: '情報' },
  actors: ACTOR_LABELS.ja,
  changes: {
    fixed: '改善',
    regressed: '悪化',
    unchanged: '変化なし',
    changed: '変化あり',
    added: '追加',
    removed: 'スキップに',
  },
  fields: {
    host: 'サーバー',
    port: 'ポート',
    domain: 'ドメイン',
    user: 'ユーザー名（UPN）',
    from: '差出人（From）',
    to: '宛先',
    expectedIp: '想定している送信元のパブリック IP アドレス',
    ehloName: 'EHLO 名',
  },
  primary: '最初に直す検出事項',
  noPrimary: '対処が必要な検出事項はありません。',
  firstFix: '最初に行う対処',
  valueToChange: '実行するコマンド',
  appendix: '付録',
  appendixTranscript: (n) => `付録: 診断 ${n} の通信ログ`,
  seeAppendix: '通信ログは末尾の付録にあります。',
  earlierRuns: 'これまでの診断',
  dearAdmin: 'Microsoft 365 管理者様',
  ticketIntro: (site, device) =>
    `${site} の${jaSpaced(device)}から Microsoft 365 経由でメールを送信できるよう設定しています。下記の変更をお願いします。`,
  ticketNoRequest:
    '今回の診断では、Microsoft 365 管理者にお願いする変更はありません（記録として共有します）。',
  requests: 'お願いしたい変更',
  commandScopes: {
    read: '確認用（変更しません）',
    mailbox: 'このメールボックスだけ（推奨）',
    tenant: '組織全体（上の方法で足りない場合のみ）',
  },
  technicianSide: '技術者側で対処する検出事項',
};

const en: ExportLabels = {
  reportTitle: 'Mail sending diagnosis report',
  ticketTitle: 'Support request (ticket)',
  customer: 'Customer',
  site: 'Site',
  device: 'Device',
  location: 'Location',
  method: 'Sending method',
  technician: 'Technician',
  created: 'Created',
  updated: 'Updated',
  appVersion: 'App version',
  reportId: 'Report ID',
  summary: 'Summary',
  settings: 'Settings entered (passwords are never recorded)',
  run: 'Diagnosis',
  runAt: 'Run at',
  verdict: 'Verdict',
  egressIp: 'Site public IP address',
  checks: 'Checks',
  check: 'Check',
  status: 'Result',
  duration: 'Duration',
  findings: 'Findings',
  noFindings: 'No findings.',
  cause: 'Cause',
  fix: 'Fix',
  who: 'Who acts',
  powershell: 'PowerShell (Exchange Online)',
  evidence: 'Evidence',
  transcript: 'Session transcript (passwords masked)',
  transcriptCut: (shown, total) => `Showing ${shown} of ${total} lines (all of them are in report.json).`,
  checklist: 'Setup checklist',
  notes: 'Technician notes',
  compare: 'Compared with the previous run',
  before: 'Before',
  after: 'After',
  findingsAdded: 'New',
  findingsRemoved: 'Resolved',
  noRuns: 'No diagnosis has been run yet.',
  observed: 'What was observed',
  adminActions: 'Changes requested',
  noAdminActions: 'No finding needs the Microsoft 365 administrator.',
  ruledOut: 'Already checked by the technician (passed)',
  fixedSince: 'fixed on site',
  nothingRuledOut: 'Nothing has been ruled out yet.',
  notChecked: 'Not checked (skipped), and why',
  notInMessageTrace: 'This failure does not appear in Exchange Online message trace.',
  predicted: '(predicted)',
  generated: (version, id) => `Generated by Device Mail Doctor ${version} (report ID: ${id})`,
  methods: METHOD_LABELS.en,
  statuses: STATUS_LABELS.en,
  verdicts: VERDICT_LABELS.en,
  severities: { error: 'Error', warning: 'Warning', info: 'Info' },
  actors: ACTOR_LABELS.en,
  changes: {
    fixed: 'Improved',
    regressed: 'Worse',
    unchanged: 'No change',
    changed: 'Changed',
    added: 'New check',
    removed: 'Not run',
  },
  fields: {
    host: 'Server',
    port: 'Port',
    domain: 'Domain',
    user: 'User name (UPN)',
    from: 'Sender (From)',
    to: 'Recipients',
    expectedIp: 'Expected public IP address',
    ehloName: 'EHLO name',
  },
  primary: 'Fix first',
  noPrimary: 'No finding needs action.',
  firstFix: 'Do this first',
  valueToChange: 'Command to run',
  appendix: 'Appendix',
  appendixTranscript: (n) => `Appendix: session transcript of diagnosis ${n}`,
  seeAppendix: 'The session transcript is in the appendix at the end.',
  earlierRuns: 'Earlier diagnoses',
  dearAdmin: 'Dear Microsoft 365 administrator,',
  ticketIntro: (site, device) =>
    `We are setting up ${device} at ${site} to send mail through Microsoft 365. Please make the changes below.`,
  ticketNoRequest:
    'This diagnosis needs no change from the Microsoft 365 administrator (shared for your records).',
  requests: 'Changes requested',
  commandScopes: {
    read: 'To check (changes nothing)',
    mailbox: 'This mailbox only (preferred)',
    tenant: 'Whole organization (only if the above is not enough)',
  },
  technicianSide: 'Findings the technician handles',
};

export const LABELS: Record<Lang, ExportLabels> = { ja, en };
