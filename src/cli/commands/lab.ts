// `device-mail-doctor lab [--scenario NAME]`: runs the simulated Exchange Online on loopback until SIGINT/SIGTERM,
// printing its endpoints, DNS server, CA file, tenant facts and the exact `diagnose` commands to try against it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SCENARIOS, SCENARIO_SPECS, isScenario, startLab, type Lab, type ScenarioName } from '../../lab';
import type { Lang } from '../../shared/model';
import {
  EXIT_BAD_INPUT,
  EXIT_OK,
  UsageError,
  parseLang,
  printable,
  writeJson,
  type CliCommand,
  type CliIo,
} from '../io';
import { withInterrupt } from '../interrupt';

const HELP = `Usage: device-mail-doctor lab [--scenario NAME] [--address 127.0.0.1] [--json] [--lang ja|en]
                              [--submission-port N] [--mx-port N] [--dns-port N]

Runs a simulated Exchange Online on this machine (submission endpoint, MX endpoint, DNS server, its own CA)
until Ctrl+C. Scenarios:
${SCENARIOS.map((s) => `  ${s}`).join('\n')}
`;

function port(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new UsageError(`--${flag} must be a port number 0-65535 (got "${printable(value)}")`);
  return Number(value);
}

interface LabInfo {
  scenario: ScenarioName;
  summary: string;
  submission: Lab['submission'];
  mx: Lab['mx'];
  dns: Lab['dns'];
  caFile: string;
  tenant: Lab['tenant'];
  connectTo: Lab['connectTo'];
  identity: string;
  diagnose: {
    submission: string;
    directSend: string;
    relay: string;
    oauthDeviceCode: string;
    oauthClientCredentials: string;
  };
}

function describeLab(lab: Lab, caFile: string): LabInfo {
  const t = lab.tenant;
  const rule = (r: { host: string; port: number; toHost: string; toPort: number }) =>
    `--connect-to ${r.host}:${r.port}:${r.toHost}:${r.toPort}`;
  const common = [
    rule({
      host: lab.submission.host,
      port: 587,
      toHost: lab.submission.address,
      toPort: lab.submission.port,
    }),
    rule({ host: lab.mx.host, port: 25, toHost: lab.mx.address, toPort: lab.mx.port }),
    `--dns-server ${lab.dns.address}:${lab.dns.port}`,
    `--ca ${caFile}`,
  ].join(' ');
  const base = `npx device-mail-doctor diagnose --domain ${t.domain} --from ${t.mailbox}`;
  return {
    scenario: lab.scenario,
    summary: SCENARIO_SPECS[lab.scenario].summary,
    submission: lab.submission,
    mx: lab.mx,
    dns: lab.dns,
    caFile,
    // Never the ready-made token or the app's private key: tokens are obtained by diagnose --auth.
    tenant: {
      ...t,
      oauthToken: '(not shown: use diagnose --auth oauth-device-code)',
      oauth: { ...t.oauth, clientKeyPem: '(not shown)', clientCertPem: '(not shown)' },
    },
    connectTo: lab.connectTo,
    identity: lab.identity.base,
    diagnose: {
      submission: `DMD_LAB_PASSWORD='${t.password}' ${base} --method submission --user ${t.mailbox} --password-env DMD_LAB_PASSWORD --to ${t.externalRecipient} --send ${common}`,
      directSend: `${base} --method direct-send --to ${t.internalRecipient} ${common}`,
      oauthDeviceCode: `${base} --method submission --user ${t.mailbox} --to ${t.internalRecipient} --auth oauth-device-code --tenant ${t.domain} --client-id ${t.oauth.publicClientId} --authority ${lab.identity.authority(t.domain)} ${rule({ host: lab.identity.host, port: lab.identity.port, toHost: lab.identity.address, toPort: lab.identity.port })} ${common}`,
      oauthClientCredentials: `DMD_LAB_CLIENT_SECRET='${t.oauth.clientSecret}' ${base} --method submission --user ${t.mailbox} --to ${t.internalRecipient} --auth oauth-client-credentials --tenant ${t.domain} --client-id ${t.oauth.confidentialClientId} --client-secret-env DMD_LAB_CLIENT_SECRET --authority ${lab.identity.authority(t.domain)} ${rule({ host: lab.identity.host, port: lab.identity.port, toHost: lab.identity.address, toPort: lab.identity.port })} ${common}`,
      relay: `${base} --method relay --bind ${t.connectorIp} --expected-ip ${t.connectorIp} --to ${t.externalRecipient} ${common}`,
    },
  };
}

const TEXT: Record<Lang, Record<string, string>> = {
  en: {
    title: 'Device Mail Doctor lab: a simulated Exchange Online on this machine',
    scenario: 'Scenario',
    dns: 'DNS server',
    ca: 'Lab CA (trust it with --ca)',
    tenant: 'Tenant (lab values, not secrets)',
    password: 'password',
    site: 'site static IP (bind to it to act as the site)',
    stale: 'IP the connector holds in connector-ip-changed',
    diagnose: 'Diagnose against it',
    stop: 'Running. Press Ctrl+C to stop.',
  },
  ja: {
    title: 'Device Mail Doctor ラボ: このマシン上の模擬 Exchange Online',
    scenario: 'シナリオ',
    dns: 'DNS サーバー',
    ca: 'ラボ CA (--ca で信頼させる)',
    tenant: 'テナント (ラボ用の値。秘密情報ではありません)',
    password: 'パスワード',
    site: '拠点の固定 IP (この送信元アドレスで拠点を模擬)',
    stale: 'connector-ip-changed でコネクタが持つ IP',
    diagnose: 'このラボを診断するコマンド',
    stop: '実行中です。Ctrl+C で停止します。',
  },
};

function printHuman(io: CliIo, info: LabInfo, lang: Lang): void {
  const x = TEXT[lang];
  const t = info.tenant;
  const lines = [
    x.title,
    `  ${x.scenario}: ${info.scenario} — ${info.summary}`,
    `  Submission  ${info.submission.host}:587  ->  ${info.submission.address}:${info.submission.port}`,
    `  MX          ${info.mx.host}:25  ->  ${info.mx.address}:${info.mx.port}`,
    `  ${x.dns}: ${info.dns.address}:${info.dns.port} (UDP/TCP)`,
    `  ${x.ca}: ${info.caFile}`,
    x.tenant,
    `  ${t.domain}  mailbox ${t.mailbox}  ${x.password} ${t.password}`,
    `  OAuth: tenant id ${t.oauth.tenantId}  identity ${info.identity}  (device code: approve at ${info.identity}/devicelogin)`,
    `  internal ${t.internalRecipient}  external ${t.externalRecipient}  other sender ${t.otherSender}`,
    `  ${x.site}: ${t.connectorIp}   ${x.stale}: ${t.staleConnectorIp}`,
    `${x.diagnose}:`,
    `  ${info.diagnose.submission}`,
    `  ${info.diagnose.directSend}`,
    `  ${info.diagnose.relay}`,
    `  ${info.diagnose.oauthDeviceCode}`,
    `  ${info.diagnose.oauthClientCredentials}`,
    x.stop,
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
}

/** Runs the lab until `stop` aborts; exported so tests can drive it without process signals. */
export async function runLab(argv: string[], io: CliIo, stop: AbortSignal): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      scenario: { type: 'string' },
      address: { type: 'string' },
      'submission-port': { type: 'string' },
      'mx-port': { type: 'string' },
      'dns-port': { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  const lang = parseLang(values.lang, io.env);
  const scenario = values.scenario ?? 'healthy';
  if (!isScenario(scenario))
    throw new UsageError(`unknown scenario "${printable(scenario)}"; choose one of: ${SCENARIOS.join(', ')}`);
  const address = values.address ?? '127.0.0.1';
  if (isIP(address) === 0)
    throw new UsageError(`--address must be an IP address (got "${printable(address)}")`);
  const ports = {
    submission: port('submission-port', values['submission-port']),
    mx: port('mx-port', values['mx-port']),
    dns: port('dns-port', values['dns-port']),
  };

  let lab: Lab;
  try {
    lab = await startLab({ scenario, address, ports });
  } catch (err) {
    const e = err as Error & { code?: string };
    io.stderr.write(
      `device-mail-doctor lab: cannot listen on ${printable(address)}: ${printable(e.code ?? e.message, 120)}\n`,
    );
    return EXIT_BAD_INPUT;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dmd-lab-'));
  const caFile = join(dir, 'lab-ca.pem');
  try {
    writeFileSync(caFile, lab.caPem, { mode: 0o644 });
    const info = describeLab(lab, caFile);
    if (values.json) writeJson(io, info);
    else printHuman(io, info, lang);
    if (!stop.aborted)
      await new Promise<void>((resolve) => stop.addEventListener('abort', () => resolve(), { once: true }));
    return EXIT_OK;
  } finally {
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const labCommand: CliCommand = {
  name: 'lab',
  run: (argv, io) => withInterrupt((signal) => runLab(argv, io, signal)),
};
