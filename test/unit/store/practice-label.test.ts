// Practice is never mistaken for a customer (issue 14 item 8): a run against the built-in lab carries
// `practice: { scenario }` in its data, keeps it through the store, and every export and CLI rendering labels it
// ("練習用ラボ" / "practice (lab)") first; a report saved before the field existed still opens; the store refuses
// a practice run unless the technician chose to save it.
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExport } from '../../../src/main/export/export-report';
import { renderReportHtml } from '../../../src/main/export/html';
import { renderReportText, renderSummaryRow } from '../../../src/main/export/summary-text';
import { renderTicket } from '../../../src/main/export/ticket';
import { renderTranscriptText } from '../../../src/main/export/transcript-text';
import { createReportStore, type ReportStore } from '../../../src/main/store/report-store';
import { saveDiagnosisAsReport } from '../../../src/main/store/save-diagnosis';
import { summarize } from '../../../src/main/store/report-search';
import { diagnosisJson, renderHuman } from '../../../src/cli/render-diagnosis';
import { DiagnosisSchema, type Diagnosis, type Lang } from '../../../src/shared/model';
import { PRACTICE_LABEL } from '../../../src/shared/practice';
import { SCENARIO_NAMES } from '../../../src/shared/scenario-names';
import { escapeHtml } from '../../../src/main/export/text-safety';
import {
  decodeReport,
  REPORT_CODEC,
  REPORT_SCHEMA_VERSION,
  ReportSchema,
  type Report,
} from '../../../src/shared/report';
import { diagnosis, JOB } from './fixtures';
import { unzipTexts } from './unzip';
import { englishLeaks } from '../../helpers/english-leak';

const LANGS: Lang[] = ['ja', 'en'];
const practiceRun = (over: Partial<Diagnosis> = {}) =>
  diagnosis({ practice: { scenario: 'tenant-auth-disabled' }, ...over });

function reportOf(...runs: Diagnosis[]): Report {
  return ReportSchema.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    id: 'r-practice',
    createdAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-20T01:05:00.000Z',
    appVersion: '0.1.0',
    job: JOB,
    runs: runs.map((d, i) => ({ id: `run-${i}`, savedAt: d.startedAt, diagnosis: d })),
    checklist: [],
    notes: [],
    captures: [],
  });
}

describe('Japanese practice texts', () => {
  it('carry no English words besides the scenario id (report show, ticket, CLI human output, HTML banner)', () => {
    const r = reportOf(diagnosis(), practiceRun());
    const html = renderReportHtml(r, { lang: 'ja', utcOffsetMinutes: 540 });
    const banner = /<p class="practice-banner"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? '';
    expect(banner).toContain(PRACTICE_LABEL.ja);
    const texts = [
      banner,
      renderTicket(r, { lang: 'ja', format: 'text', utcOffsetMinutes: 540 })
        .split('\n')
        .slice(0, 3)
        .join('\n'),
      renderHuman(practiceRun(), 'ja').split('\n')[0] ?? '',
      renderReportText(reportOf(practiceRun(), diagnosis()), 'ja', 0)
        .split('\n')
        .find((l) => l.startsWith('!! ')) ?? '',
    ];
    // Human text names the scenario in Japanese (shared/scenario-names.ts): no id, no English.
    for (const t of texts) {
      expect(t).not.toContain('tenant-auth-disabled');
      expect(englishLeaks(t), t).toEqual([]);
    }
  });
});

describe('the data flag', () => {
  it('a diagnosis keeps practice.scenario through the schema; a real run has none', () => {
    expect(DiagnosisSchema.parse(practiceRun()).practice).toEqual({ scenario: 'tenant-auth-disabled' });
    expect(DiagnosisSchema.parse(diagnosis()).practice).toBeUndefined();
    expect(DiagnosisSchema.safeParse(diagnosis({ practice: { scenario: '../etc' } })).success).toBe(false);
  });

  it('a schema-2 report saved before the flag existed opens (its runs read as real runs)', () => {
    const old = JSON.parse(JSON.stringify({ ...reportOf(diagnosis()), schemaVersion: 2 })) as Record<
      string,
      unknown
    >;
    const res = decodeReport(old, REPORT_CODEC);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.migratedFrom).toBe(2);
    expect(res.value.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(res.value.runs[0]?.diagnosis.practice).toBeUndefined();
    expect(renderReportText(res.value, 'en', 0)).not.toContain(PRACTICE_LABEL.en);
    expect(renderReportHtml(res.value, { lang: 'ja', utcOffsetMinutes: 540 })).not.toContain(
      PRACTICE_LABEL.ja,
    );
  });

  it('the summary (reports list) names the practice runs', () => {
    const s = summarize(reportOf(diagnosis(), practiceRun()));
    expect(s.lastRunPractice).toBe('tenant-auth-disabled');
    expect(s.practiceRuns).toBe(1);
    expect(summarize(reportOf(diagnosis())).practiceRuns).toBeUndefined();
    for (const lang of LANGS)
      expect(renderSummaryRow(s, lang)).toContain(
        `${PRACTICE_LABEL[lang]}: ${SCENARIO_NAMES[lang]['tenant-auth-disabled']}`,
      );
  });
});

describe('the store never silently takes a practice run', () => {
  let dir: string;
  let store: ReportStore;
  beforeEach(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-practice-'));
    store = await createReportStore(dir);
  });
  afterEach(async () => fsp.rm(dir, { recursive: true, force: true }));

  it('refuses without allowPractice (new report or a customer report), writes nothing; saves and reopens it with', async () => {
    const customer = await saveDiagnosisAsReport(store, diagnosis(), JOB, []);
    await expect(saveDiagnosisAsReport(store, practiceRun(), JOB, [])).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(
      saveDiagnosisAsReport(store, practiceRun(), JOB, [], { reportId: customer.id }),
    ).rejects.toThrow(/practice run/);
    expect((await store.open(customer.id)).runs).toHaveLength(1);
    expect((await store.list()).reports).toHaveLength(1);

    await saveDiagnosisAsReport(store, practiceRun(), JOB, [], {
      reportId: customer.id,
      allowPractice: true,
    });
    await store.flush();
    const reopened = await (await createReportStore(dir)).open(customer.id);
    expect(reopened.runs.map((r) => r.diagnosis.practice?.scenario ?? null)).toEqual([
      null,
      'tenant-auth-disabled',
    ]);
  });
});

describe('every export labels a practice run first', () => {
  for (const lang of LANGS) {
    const label = PRACTICE_LABEL[lang];
    const name = SCENARIO_NAMES[lang]['tenant-auth-disabled'];

    it(`HTML (and so PDF): the banner comes before the verdict box on page 1 (${lang})`, () => {
      const html = renderReportHtml(reportOf(practiceRun()), { lang, utcOffsetMinutes: 540 });
      const banner = html.indexOf('class="practice-banner"');
      expect(banner).toBeGreaterThan(0);
      expect(banner).toBeLessThan(html.indexOf('class="verdict-box'));
      expect(html.slice(banner, banner + 400)).toContain(label);
      expect(html.slice(banner, banner + 400)).toContain(escapeHtml(name));
      expect(html).not.toContain('tenant-auth-disabled');
      expect(/<h1>[^]*?<\/h1>/.exec(html)?.[0]).toContain(label);
    });

    it(`HTML: an earlier practice run in a real report is tagged and announced (${lang})`, () => {
      const html = renderReportHtml(reportOf(practiceRun(), diagnosis()), { lang, utcOffsetMinutes: 540 });
      expect(html).toContain('class="practice-banner"');
      expect(/<h1>[^]*?<\/h1>/.exec(html)?.[0]).not.toContain(label);
      expect(/<h3>[^]*?<\/h3>/.exec(html)?.[0]).toContain(`${label}: ${escapeHtml(name)}`);
    });

    for (const format of ['markdown', 'text'] as const) {
      it(`ticket (${format}): the label is in its first lines (${lang})`, () => {
        const ticket = renderTicket(reportOf(practiceRun()), { lang, format, utcOffsetMinutes: 540 });
        const head = ticket.split('\n').slice(0, 4).join('\n');
        expect(head).toContain(label);
        expect(head).toContain(name);
        expect(head).not.toContain('tenant-auth-disabled');
        expect(ticket.split('\n')[0]).toContain(label);
        expect(renderTicket(reportOf(diagnosis()), { lang, format, utcOffsetMinutes: 540 })).not.toContain(
          label,
        );
      });
    }

    it(`support bundle: report.json carries the flag; ticket.md, report.html and transcript.txt label it (${lang})`, async () => {
      const res = await buildExport(reportOf(practiceRun()), { format: 'zip', lang, secrets: [] });
      const files = await unzipTexts(res.bytes);
      const json = ReportSchema.parse(JSON.parse(files.get('report.json') ?? ''));
      expect(json.runs[0]?.diagnosis.practice).toEqual({ scenario: 'tenant-auth-disabled' });
      for (const name of ['ticket.md', 'report.html', 'transcript.txt'])
        expect(files.get(name), name).toContain(label);
      expect(renderTranscriptText(reportOf(practiceRun()), lang).split('\n')[0]).toContain(label);
    });

    it(`report show: the warning comes before the runs, each practice run is tagged (${lang})`, () => {
      const text = renderReportText(reportOf(diagnosis(), practiceRun()), lang, 0);
      const warn = text.indexOf('!! ');
      expect(warn).toBeGreaterThan(0);
      expect(text.slice(warn).split('\n')[0]).toContain(label);
      const runLines = text.split('\n').filter((l) => /^(Diagnosis|診断) \d/.test(l));
      expect(runLines).toHaveLength(2);
      expect(runLines[0]).not.toContain(label);
      expect(runLines[1]).toContain(`[${label}: ${name}]`);
      expect(warn).toBeLessThan(text.indexOf(runLines[0] ?? '?'));
    });

    it(`CLI human output: the first line says practice; JSON carries practice with its label (${lang})`, () => {
      const human = renderHuman(practiceRun(), lang);
      expect(human.split('\n')[0]).toContain(label);
      expect(human.split('\n')[0]).toContain(name);
      expect(human).not.toContain('tenant-auth-disabled');
      expect(renderHuman(diagnosis(), lang)).not.toContain(label);
      const json = diagnosisJson(practiceRun(), lang) as { practice?: { scenario: string; label: string } };
      // JSON keeps the id (machine output) beside the name.
      expect(json.practice).toEqual({ scenario: 'tenant-auth-disabled', name, label });
      expect((diagnosisJson(diagnosis(), lang) as { practice?: unknown }).practice).toBeUndefined();
    });
  }
});
