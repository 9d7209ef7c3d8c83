// `advise --basic-auth-plan`: what happens to each device when Basic authentication goes off, and what to do.
// One device (--device-profile / --oauth) or every device of a site's saved reports (--site, --reports-dir).
import path from 'node:path';
import { defaultReportsDir } from '../main/store/default-dir';
import { createReportStore } from '../main/store/report-store';
import {
  basicAuthPlan,
  type BasicAuthPlan,
  type PlanDeviceInput,
  type Recipients,
} from '../shared/basic-auth-plan';
import { factText } from '../shared/basic-auth-facts';
import { foldName, planDevicesFromReports } from '../shared/basic-auth-site';
import type { Lang, Method } from '../shared/model';
import { resolveProfileRef, type LoadedProfileFile } from '../shared/profiles-resolve';
import { UsageError, printable, writeJson, type CliIo } from './io';
import { loadBuiltinProfiles } from './vendor-codes-cli';

/** Most reports read for one site (a site has a handful of devices; this bounds a wrong --site match). */
export const MAX_SITE_REPORTS = 200;

export interface PlanArgs {
  profile?: string | undefined;
  oauth?: 'yes' | 'no' | undefined;
  method?: string | undefined;
  recipients: Recipients;
  staticIp: boolean | 'unknown';
  mailbox?: string | undefined;
  site?: string | undefined;
  reportsDir?: string | undefined;
  now: Date;
  env: NodeJS.ProcessEnv;
}

function methodOf(v: string | undefined): Method | 'auto' | 'unknown' {
  if (v === undefined) return 'unknown';
  if (v === 'submission' || v === 'direct-send' || v === 'relay' || v === 'auto') return v;
  throw new UsageError(`--method must be submission|direct-send|relay (got "${printable(v)}")`);
}

async function siteDevices(
  site: string,
  dir: string,
  files: LoadedProfileFile[],
): Promise<PlanDeviceInput[]> {
  const store = await createReportStore(dir);
  const { reports } = await store.list();
  const mine = reports.filter((r) => foldName(r.site) === foldName(site)).slice(0, MAX_SITE_REPORTS);
  if (mine.length === 0)
    throw new UsageError(
      `--site "${printable(site)}": no saved report for this site in ${printable(dir, 120)}`,
    );
  const opened = [];
  for (const s of mine) opened.push(await store.open(s.id));
  return planDevicesFromReports(opened, files);
}

export async function buildPlanFromArgs(a: PlanArgs): Promise<BasicAuthPlan> {
  const files = await loadBuiltinProfiles();
  let devices: PlanDeviceInput[];
  if (a.site !== undefined) {
    if (a.profile !== undefined) throw new UsageError('give --site or --device-profile, not both');
    devices = await siteDevices(
      a.site,
      a.reportsDir ? path.resolve(a.reportsDir) : defaultReportsDir(a.env),
      files,
    );
  } else {
    const model = a.profile !== undefined ? resolveProfileRef(files, a.profile) : null;
    if (a.profile !== undefined && !model)
      throw new UsageError(
        `--device-profile "${printable(a.profile)}": no such printer profile (ids look like vendor-model or vendor-model@generation)`,
      );
    const override = a.oauth === undefined ? null : a.oauth === 'yes';
    devices = [
      {
        label: model ? `${model.vendor} ${model.series}` : 'device',
        model,
        oauthOverride: override,
        method: methodOf(a.method ?? 'submission'),
      },
    ];
  }
  return basicAuthPlan(devices, {
    today: a.now,
    recipients: a.recipients,
    staticIp: a.staticIp,
    ...(a.mailbox ? { mailbox: a.mailbox } : {}),
  });
}

/** The plan's phase in words (the phase id stays in --json). */
const PHASE_WORDS: Record<Lang, Record<string, string>> = {
  ja: {
    before: '既定無効化の前',
    cutover: '切り替え期間',
    'default-off': '既定で無効',
    'final-date-due': '最終期限',
  },
  en: {
    before: 'before the default-off',
    cutover: 'cut-over',
    'default-off': 'off by default',
    'final-date-due': 'final date due',
  },
};

const W: Record<Lang, Record<string, string>> = {
  ja: {
    today: '本日',
    phase: '段階',
    days: '既定無効化までの日数',
    affected: '影響',
    yes: 'あり',
    no: 'なし',
    unknown: '不明',
    oauth: 'OAuth 対応',
    check: '実機で確認',
    steps: '手順',
    caveat: '注意',
    facts: '根拠（日付のある事実）',
    read: '参照日',
    unverified: '未確認',
  },
  en: {
    today: 'Today',
    phase: 'Phase',
    days: 'Days to the default-off',
    affected: 'Affected',
    yes: 'yes',
    no: 'no',
    unknown: 'unknown',
    oauth: 'OAuth capable',
    check: 'check on the device',
    steps: 'Steps',
    caveat: 'Caveat',
    facts: 'Sources (dated facts)',
    read: 'read',
    unverified: 'unverified',
  },
};
const FIT: Record<Lang, Record<string, string>> = {
  ja: { recommended: '推奨', possible: '可能', temporary: '一時しのぎ', unsuitable: '不適' },
  en: { recommended: 'recommended', possible: 'possible', temporary: 'temporary', unsuitable: 'unsuitable' },
};

export function writePlanHuman(io: CliIo, plan: BasicAuthPlan, lang: Lang): void {
  const w = W[lang];
  io.stdout.write(
    `${w.today}: ${plan.today}  ${w.phase}: ${PHASE_WORDS[lang][plan.phase] ?? plan.phase}  ${w.days}: ${Math.max(plan.daysToDefaultOff, 0)}\n\n`,
  );
  for (const d of plan.devices) {
    const cap =
      d.oauthCapable === null
        ? w.check
        : d.oauthCapable
          ? `${w.yes}${d.oauthVerified ? '' : ` (${w.check})`}`
          : w.no;
    io.stdout.write(
      `■ ${d.label}\n  ${w.affected}: ${w[d.affected]}  ${w.oauth}: ${cap}\n  ${d.impact[lang]}\n`,
    );
    d.options.forEach((o, i) => {
      io.stdout.write(`  ${i + 1}. [${FIT[lang][o.fit]}] ${o.title[lang]}\n`);
      for (const s of o.steps) io.stdout.write(`     - ${s[lang]}\n`);
      for (const c of o.caveats) io.stdout.write(`     ! ${c[lang]}\n`);
    });
    io.stdout.write('\n');
  }
  io.stdout.write(`${w.facts}:\n`);
  for (const f of plan.facts)
    io.stdout.write(
      `  - ${factText(f, lang)} — ${f.source.url} (${w.read} ${f.read}${f.verified ? '' : `, ${w.unverified}`})\n`,
    );
}

export function writePlanJson(io: CliIo, plan: BasicAuthPlan, lang: Lang): void {
  const t = (x: { ja: string; en: string }) => x[lang];
  writeJson(io, {
    today: plan.today,
    phase: plan.phase,
    daysToDefaultOff: plan.daysToDefaultOff,
    devices: plan.devices.map((d) => ({
      label: d.label,
      modelId: d.modelId ?? null,
      affected: d.affected,
      oauthCapable: d.oauthCapable,
      oauthVerified: d.oauthVerified,
      impact: t(d.impact),
      options: d.options.map((o) => ({
        id: o.id,
        fit: o.fit,
        title: t(o.title),
        steps: o.steps.map(t),
        caveats: o.caveats.map(t),
        facts: o.facts,
      })),
    })),
    facts: plan.facts.map((f) => ({
      id: f.id,
      value: f.value,
      text: factText(f, lang),
      source: f.source,
      read: f.read,
      verified: f.verified,
    })),
  });
}
