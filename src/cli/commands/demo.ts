// `device-mail-doctor demo`: starts the lab in this process and diagnoses a few scenarios with `--method auto`,
// printing the human report for each. Needs no network, no display and no Electron: `npm run demo` on a fresh
// machine shows what the tool does. Exit 0 once every scenario was diagnosed (their findings are the point).
import { parseArgs } from 'node:util';
import { SCENARIO_SPECS, isScenario, startLab, type Lab, type ScenarioName } from '../../lab';
import { runDiagnosis } from '../../main/engine/run';
import { labDiagnoseRequest } from '../../lab/request';
import { canBind, practiceSource } from '../../lab/practice-source';
import type { DeviceProfile } from '../../shared/model';
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
    io.stdout.write(
      `Device Mail Doctor demo: a simulated Exchange Online (tenant ${lab.tenant.domain}) on this machine.\n`,
    );
    const bindOk = await canBind(lab.tenant.connectorIp);
    if (!bindOk) {
      io.stdout.write(
        `(This machine cannot send from ${lab.tenant.connectorIp}, the lab's stand-in for the site's static IP: relay checks will show the egress IP mismatch.)\n`,
      );
    }
    for (const [i, c] of cases.entries()) {
      lab.setScenario(c.scenario);
      io.stdout.write(
        `\n━━ ${i + 1}/${cases.length}  Scenario: ${c.scenario} ━━\n${SCENARIO_SPECS[c.scenario].summary}\n`,
      );
      if (c.device) io.stdout.write(`Device: ${c.device.label}\n`);
      // To try it by hand: `diagnose --lab` (a practice run, labelled as such in its output).
      io.stdout.write(
        `$ npx device-mail-doctor diagnose --lab ${c.scenario} --method auto${c.device ? ' --device-tls-max 1.0 --device-ciphers rsa' : ''}\n\n`,
      );
      const d = await runDiagnosis(requestFor(lab, c, bindOk));
      // The same report `diagnose` prints, then the codes on one line (easy to grep, stable across languages).
      const report = renderHuman(d, lang);
      io.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
      const codes = [...new Set(d.checks.flatMap((ch) => ch.findings.map((f) => f.code)))];
      io.stdout.write(`Finding codes: ${codes.length ? codes.join(', ') : '(none)'}\n`);
    }
    io.stdout.write(
      `\nDemo finished: ${cases.length} scenario(s) diagnosed. Try your own with: npx device-mail-doctor lab\n`,
    );
  } finally {
    await lab.close();
  }
  return EXIT_OK;
}

export const demoCommand: CliCommand = {
  name: 'demo',
  run,
};
