// Words used by the exports (HTML/PDF report, ticket), in Japanese and English. Finding texts come from the
// catalogue (src/shared/findings); these are only the document's own headings and labels.
import type { Actor, CheckStatus, Lang, MethodChoice, Severity, Verdict } from '../../shared/model';
import { ACTOR_LABELS, STATUS_LABELS, VERDICT_LABELS } from '../../shared/vocabulary';

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
  notInMessageTrace: string;
  predicted: string;
  generated: (version: string, id: string) => string;
  methods: Record<MethodChoice, string>;
  statuses: Record<CheckStatus, string>;
  verdicts: Record<Verdict, string>;
  severities: Record<Severity, string>;
  actors: Record<Actor, string>;
  changes: Record<'fixed' | 'regressed' | 'unchanged' | 'changed' | 'added' | 'removed', string>;
}

const ja: ExportLabels = {
  reportTitle: 'メール送信診断レポート',
  ticketTitle: 'メール送信設定の確認依頼',
  customer: 'お客様',
  site: '設置場所',
  device: '機器',
  location: '設置位置',
  method: '送信方式',
  technician: '担当技術者',
  created: '作成日時',
  updated: '更新日時',
  appVersion: 'アプリのバージョン',
  reportId: 'レポート ID',
  summary: '概要',
  settings: '入力した設定 (パスワードは記録していません)',
  run: '診断',
  runAt: '実施日時',
  verdict: '判定',
  egressIp: '拠点のパブリック IP アドレス',
  checks: 'チェック項目',
  check: 'チェック',
  status: '結果',
  duration: '所要時間',
  findings: '検出事項',
  noFindings: '問題は検出されませんでした。',
  cause: '原因',
  fix: '対処',
  who: '対応者',
  powershell: 'PowerShell (Exchange Online)',
  evidence: '根拠となった記録',
  transcript: '通信記録 (パスワードは伏せ字)',
  transcriptCut: (shown, total) => `全 ${total} 行のうち ${shown} 行を表示しています (全体は report.json に記録)。`,
  checklist: '設定チェックリスト',
  notes: '技術者メモ',
  compare: '前回の診断との比較',
  before: '前回',
  after: '今回',
  findingsAdded: '新たに検出',
  findingsRemoved: '解消',
  noRuns: 'まだ診断を実行していません。',
  observed: '確認された事象',
  adminActions: '管理者に実施いただきたい対応',
  noAdminActions: 'テナント側で必要な対応は見つかっていません。',
  ruledOut: '技術者が確認済みの項目 (問題なし)',
  fixedSince: '現地で解消済み',
  nothingRuledOut: '確認済みの項目はありません。',
  notInMessageTrace: 'この失敗は Exchange Online のメッセージ追跡には記録されません。',
  predicted: '(推定)',
  generated: (version, id) => `Device Mail Doctor ${version} で作成 (レポート ID: ${id})`,
  methods: { submission: 'SMTP クライアント送信 (SMTP AUTH)', 'direct-send': '直接送信', relay: 'SMTP リレー (コネクタ)', auto: '自動判定' },
  statuses: STATUS_LABELS.ja,
  verdicts: VERDICT_LABELS.ja,
  severities: { error: 'エラー', warning: '警告', info: '情報' },
  actors: ACTOR_LABELS.ja,
  changes: { fixed: '改善', regressed: '悪化', unchanged: '変化なし', changed: '変化あり', added: '追加', removed: '未実施に' },
};

const en: ExportLabels = {
  reportTitle: 'Mail sending diagnosis report',
  ticketTitle: 'Request: check the mail sending setup',
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
  noFindings: 'No problems found.',
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
  adminActions: 'Actions requested from the tenant administrator',
  noAdminActions: 'No tenant-side action was identified.',
  ruledOut: 'Already ruled out by the technician',
  fixedSince: 'fixed on site',
  nothingRuledOut: 'Nothing has been ruled out yet.',
  notInMessageTrace: 'This failure does not appear in Exchange Online message trace.',
  predicted: '(predicted)',
  generated: (version, id) => `Generated by Device Mail Doctor ${version} (report ID: ${id})`,
  methods: { submission: 'SMTP AUTH client submission', 'direct-send': 'Direct Send', relay: 'SMTP relay (connector)', auto: 'Automatic' },
  statuses: STATUS_LABELS.en,
  verdicts: VERDICT_LABELS.en,
  severities: { error: 'Error', warning: 'Warning', info: 'Info' },
  actors: ACTOR_LABELS.en,
  changes: { fixed: 'Improved', regressed: 'Worse', unchanged: 'No change', changed: 'Changed', added: 'New check', removed: 'Not run' },
};

export const LABELS: Record<Lang, ExportLabels> = { ja, en };
