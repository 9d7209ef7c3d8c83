// `device-mail-doctor demo`: starts the lab in this process and diagnoses a few scenarios with `--method auto`,
// printing the human report for each. Needs no network, no display and no Electron: `npm run demo` on a fresh
// machine shows what the tool does. Exit 0 once every scenario was diagnosed (their findings are the point).
import { parseArgs } from 'node:util';
import { SCENARIO_SPECS, isScenario, startLab, type Lab, type ScenarioName } from '../../lab';
import { runDiagnosis } from '../../main/engine/run';
import { labDiagnoseRequest } from '../../lab/request';
import { canBind, practiceSource } from '../../lab/practice-source';
import type { DeviceProfile, Lang } from '../../shared/model';
import { scenarioName } from '../../shared/scenario-names';
import { EXIT_OK, UsageError, parseLang, printable, type CliCommand, type CliIo } from '../io';
import { renderHuman } from '../render-diagnosis';

/** Overall deadline of each demo diagnosis, in ms (the lab answers in milliseconds; this only bounds a bug). */
const DEMO_DIAGNOSIS_TIMEOUT_MS = 60_000;

const HELP = `Usage: device-mail-doctor demo [--scenario NAME]... [--lang ja|en]

Starts the built-in lab (a simulated Exchange Online on this machine) and diagnoses a few scenarios with
--method auto, printing the report for each. Default scenarios: healthy, wrong-password, legacy-tls10 (with an
old MFP that only speaks TLS 1.0), reject-direct-send.
`;

/** An older MFP whose firmware stops at TLS 1.0 with RSA key exchange (common in devices from before ~2016). */
export const OLD_TLS_DEVICE: DeviceProfile = {
  id: 'demo-old-mfp',
  kind: 'mfp',
  label: 'Older MFP (TLS 1.0 only)',
  maxTls: '1.0',
  cipherFamily: 'rsa',
  authMechanisms: ['LOGIN'],
  starttls: true,
  implicitTls: false,
  serverFieldMaxLength: 64,
  oauth: false,
};

/** The demo's own lines, in the chosen language (the diagnosis itself is `diagnose`'s renderer). */
const DEMO_WORDS: Record<
  Lang,
  {
    intro: (domain: string) => string;
    noBind: (ip: string) => string;
    scenario: string;
    device: string;
    codes: string;
    none: string;
    done: (n: number) => string;
  }
> = {
  ja: {
    intro: (d) =>
      `Device Mail Doctor のデモ: この PC 上の模擬 Exchange Online (テナント ${d}) を診断します (練習用ラボ)。`,
    noBind: (ip) =>
      `(この PC は ${ip} (練習用ラボでの拠点の固定 IP アドレス) から送信できないため、SMTP リレーの確認では送信元 IP アドレスの不一致が表示されます。)`,
    scenario: 'シナリオ',
    device: '機器',
    codes: '検出事項のコード',
    none: '(なし)',
    done: (n) =>
      `デモを終了しました: ${n} 件のシナリオを診断しました。自分で試すには: npx device-mail-doctor lab`,
  },
  en: {
    intro: (d) =>
      `Device Mail Doctor demo: a simulated Exchange Online (tenant ${d}) on this machine (practice lab).`,
    noBind: (ip) =>
      `(This machine cannot send from ${ip}, the lab's stand-in for the site's static IP: relay checks will show the egress IP mismatch.)`,
    scenario: 'Scenario',
    device: 'Device',
    codes: 'Finding codes',
    none: '(none)',
    done: (n) => `Demo finished: ${n} scenario(s) diagnosed. Try your own with: npx device-mail-doctor lab`,
  },
};

interface DemoCase {
  scenario: ScenarioName;
  device: DeviceProfile | null;
}

// Where each case leaves from is the scenario's to say (practice-source.ts): from the relay connector's IP (the
// site's static public IP), except reject-direct-send, whose site is not the connector's.
export const DEMO_CASES: readonly DemoCase[] = [
  { scenario: 'healthy', device: null },
  { scenario: 'wrong-password', device: null },
  { scenario: 'legacy-tls10', device: OLD_TLS_DEVICE },
  { scenario: 'reject-direct-send', device: null },
];

function requestFor(lab: Lab, c: DemoCase, bindOk: boolean) {
  return labDiagnoseRequest(
    { ...lab, dnsServer: `${lab.dns.address}:${lab.dns.port}` },
    {
      device: c.device,
      bindConnectorIp: practiceSource(lab, bindOk) !== undefined,
      timeoutMs: DEMO_DIAGNOSIS_TIMEOUT_MS,
      scenario: c.scenario,
    },
  );
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string', multiple: true },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  const lang = parseLang(values.lang, io.env);
  let cases = DEMO_CASES;
  if (values.scenario?.length) {
    cases = values.scenario.map((name) => {
      if (!isScenario(name))
        throw new UsageError(
          `unknown scenario "${printable(name)}" (see: npx device-mail-doctor lab --help)`,
        );
      return DEMO_CASES.find((c) => c.scenario === name) ?? { scenario: name, device: null };
    });
  }

  const lab = await startLab({ scenario: cases[0]?.scenario ?? 'healthy' });
  try {
    const w = DEMO_WORDS[lang];
    io.stdout.write(`${w.intro(lab.tenant.domain)}\n`);
    const bindOk = await canBind(lab.tenant.connectorIp);
    if (!bindOk) {
      io.stdout.write(`${w.noBind(lab.tenant.connectorIp)}\n`);
    }
    for (const [i, c] of cases.entries()) {
      lab.setScenario(c.scenario);
      io.stdout.write(
        `\n━━ ${i + 1}/${cases.length}  ${w.scenario}: ${lang === 'en' ? c.scenario : scenarioName(c.scenario, lang)} ━━\n${lang === 'en' ? `${SCENARIO_SPECS[c.scenario].summary}\n` : ''}`,
      );
      if (c.device) io.stdout.write(`${w.device}: ${c.device.label}\n`);
      // To try it by hand: `diagnose --lab` (a practice run, labelled as such in its output).
      io.stdout.write(
        `$ npx device-mail-doctor diagnose --lab ${c.scenario} --method auto${c.device ? ' --device-tls-max 1.0 --device-ciphers rsa' : ''}\n\n`,
      );
      const d = await runDiagnosis(requestFor(lab, c, bindOk));
      // The same report `diagnose` prints, then the codes on one line (easy to grep, stable across languages).
      const report = renderHuman(d, lang);
      io.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
      const codes = [...new Set(d.checks.flatMap((ch) => ch.findings.map((f) => f.code)))];
      io.stdout.write(`${w.codes}: ${codes.length ? codes.join(', ') : w.none}\n`);
    }
    io.stdout.write(`\n${w.done(cases.length)}\n`);
  } finally {
    await lab.close();
  }
  return EXIT_OK;
}

export const demoCommand: CliCommand = {
  name: 'demo',
  run,
};
