// Practice runs: a diagnosis or capture made against the built-in lab (練習用ラボ), never a customer's system.
// The run carries `practice: { scenario }` in its data (model.ts), and every place that shows a run — the app,
// the report, every export, the CLI — labels it with the words below, so nobody ever acts on a practice result.
import { z } from 'zod';
import type { Lang } from './model';
import { scenarioName as sharedScenarioName } from './scenario-names';

/** What marks a run as practice: the lab scenario it ran against (e.g. "wrong-password"). */
export const PracticeSchema = z.object({
  scenario: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lab scenario name'),
});
export type Practice = z.infer<typeof PracticeSchema>;

/** The label (glossary: 練習用ラボ). */
export const PRACTICE_LABEL: Record<Lang, string> = { ja: '練習用ラボ', en: 'practice (lab)' };

/** The one-line warning shown first wherever a practice run appears (page 1 of HTML/PDF, the ticket's first lines). */
const WARNING: Record<Lang, (scenario: string) => string> = {
  ja: (s) =>
    `練習用ラボ（この PC 上の模擬 Microsoft 365）での診断です（シナリオ: ${s}）。お客様の環境の結果ではありません。この結果をもとに設定を変更しないでください。`,
  en: (s) =>
    `practice (lab): run against the built-in lab (a simulated Microsoft 365 on this PC), scenario ${s}. This is not the customer's system: do not act on it.`,
};

/** The scenario by its name in the language (scenario-names.ts); the app may pass its i18n lookup instead. */
export function practiceWarning(
  practice: Practice,
  lang: Lang,
  scenarioName: (id: string) => string = (id) => sharedScenarioName(id, lang),
): string {
  return WARNING[lang](scenarioName(practice.scenario));
}

/** For a report whose latest run is real but which holds earlier practice runs. */
export function practiceIncludedWarning(count: number, lang: Lang): string {
  return lang === 'ja'
    ? `このレポートには練習用ラボでの診断が ${count} 件含まれています（お客様の環境の結果ではありません。見出しに「練習用ラボ」とある実行です）。`
    : `This report includes ${count} practice (lab) run${count === 1 ? '' : 's'} (not the customer's system; marked "practice (lab)" in their headings).`;
}

/** The warning for a report: about its latest run when that is practice, else about the practice runs it holds. */
export function reportPracticeWarning(
  runs: readonly { diagnosis: { practice?: Practice | undefined } }[],
  lang: Lang,
  scenarioName?: (id: string) => string,
): string | null {
  const last = runs[runs.length - 1]?.diagnosis.practice;
  if (last) return practiceWarning(last, lang, scenarioName);
  const n = runs.filter((r) => r.diagnosis.practice).length;
  return n > 0 ? practiceIncludedWarning(n, lang) : null;
}

/** Short tag, e.g. "[練習用ラボ: パスワード誤り]" for lists and headings (the scenario by its name). */
export function practiceTag(practice: Practice, lang: Lang): string {
  return `[${PRACTICE_LABEL[lang]}: ${sharedScenarioName(practice.scenario, lang)}]`;
}
