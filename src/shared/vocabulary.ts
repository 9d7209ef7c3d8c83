// The product's words, once: who must act, check statuses, verdicts and the sending methods, as value lists
// (model.ts builds its schemas from them) and as Japanese/English labels the app, the CLI and the exports all
// show. Japanese follows ../shared/docs/glossary-ja.md. Pure data: no zod, no Node, no DOM.

export type Lang = 'ja' | 'en';

export const ACTORS = ['technician', 'admin', 'isp', 'vendor'] as const;
export type Actor = (typeof ACTORS)[number];

export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'skip'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const VERDICTS = ['pass', 'warn', 'fail'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const METHOD_IDS = ['submission', 'direct-send', 'relay'] as const;
export type Method = (typeof METHOD_IDS)[number];
export const METHOD_CHOICES = [...METHOD_IDS, 'auto'] as const;

/** Where in the path from device to mailbox a finding belongs, in path order (primary.ts ranks earlier first). */
export const STAGES = [
  'config', // what the technician typed / the device is set to
  'dns',
  'network', // TCP reachability
  'smtp', // banner, EHLO, protocol sanity
  'tls',
  'auth',
  'envelope', // MAIL FROM / RCPT TO
  'message', // DATA: content, size, sender rights
  'tenant', // tenant configuration: connectors, policies, SPF
] as const;
export type MethodChoice = (typeof METHOD_CHOICES)[number];

type Labels<K extends string> = Record<Lang, Record<K, string>>;

/** Who must act on a finding. */
export const ACTOR_LABELS: Labels<Actor> = {
  ja: {
    technician: '技術者',
    admin: 'Microsoft 365 管理者',
    isp: '回線事業者 (ISP)',
    vendor: '機器メーカー',
  },
  en: {
    technician: 'Technician',
    admin: 'Microsoft 365 admin',
    isp: 'Internet provider (ISP)',
    vendor: 'Device vendor',
  },
};

/** A check's status. */
export const STATUS_LABELS: Labels<CheckStatus> = {
  ja: { pass: '合格', warn: '注意', fail: '失敗', skip: 'スキップ' },
  en: { pass: 'Passed', warn: 'Warning', fail: 'Failed', skip: 'Skipped' },
};

/** A diagnosis' or a method's overall verdict (the worst of its checks). */
export const VERDICT_LABELS: Labels<Verdict> = {
  ja: { pass: '合格', warn: '注意', fail: '失敗' },
  en: { pass: 'Pass', warn: 'Warning', fail: 'Fail' },
};

/** The three sending methods (seed 001's names) and the automatic choice. */
export const METHOD_LABELS: Labels<MethodChoice> = {
  ja: {
    submission: 'SMTP クライアント送信',
    'direct-send': '直接送信',
    relay: 'SMTP リレー',
    auto: '自動判定',
  },
  en: {
    submission: 'SMTP client submission',
    'direct-send': 'Direct Send',
    relay: 'SMTP relay',
    auto: 'Automatic',
  },
};

export const actorLabel = (a: Actor, lang: Lang): string => ACTOR_LABELS[lang][a];
export const statusLabel = (s: CheckStatus, lang: Lang): string => STATUS_LABELS[lang][s];
export const verdictLabel = (v: Verdict, lang: Lang): string => VERDICT_LABELS[lang][v];
export const methodLabel = (m: MethodChoice, lang: Lang): string => METHOD_LABELS[lang][m];
