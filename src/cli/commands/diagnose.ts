// `device-mail-doctor diagnose`: runs the engine from this computer (plugged into the device's network) and says
// what works and what does not. Password only via --password-stdin or --password-env (never an argument).
// Exit 0 pass/warn, 1 fail, 2 bad input.
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { runDiagnosis } from '../../main/engine/run';
import { deviceCodeText, oauthInput } from './diagnose-oauth';
import { isStoreError } from '../../main/store/store-error';
import { buildDiagnoseRequest } from '../../shared/diagnose-request';
import type { ConnectToRule, DeviceProfile, Lang, TlsVersion } from '../../shared/model';
import { METHOD_CHOICES, type MethodChoice } from '../../shared/vocabulary';
import { findSecret, scrubSecrets, secretForms } from '../../shared/secrets';
import { readPemFlag } from '../read-pem';
import {
  EXIT_BAD_INPUT,
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  parseLang,
  printable,
  type CliCommand,
  type CliIo,
} from '../io';
import { withInterrupt } from '../interrupt';
import { readSecretFromStdin, secretFromEnv } from '../secret-input';
import { addressValue, domainValue, hostValue, reportIdValue, userValue } from '../validate';
import { diagnosisJson, renderHuman, savedLine } from '../render-diagnosis';
import { checkLabFlags, labParts, startCliLab } from './diagnose-lab';
import type { Lab } from '../../lab/types';

const HELP = `Usage: device-mail-doctor diagnose --method submission|direct-send|relay|auto [flags]

Target:   --host NAME  --port N  --domain contoso.com  --from ADDR  --to ADDR (repeatable)
Sign-in:  --user ADDR  --password-stdin | --password-env VAR   --oauth-token-env VAR
          --auth basic|oauth-device-code|oauth-client-credentials  --tenant DOMAIN|ID  --client-id GUID
          [--client-secret-env VAR | --client-cert FILE --client-cert-key FILE]  [--authority URL]
          (device code: the sign-in URL and code are printed to stderr; Ctrl+C cancels the wait)
Device:   --device-profile ID  --device-tls-max 1.0|1.1|1.2|1.3  --device-ciphers ecdhe|rsa|any|<openssl list>
Relay:    --expected-ip IP (the static IP the connector holds)
Network:  --bind ADDR  --connect-to HOST:PORT:ADDR:PORT (repeatable)  --dns-server ADDR[:PORT]  --ca FILE
Report:   --save  --report ID (add the run to an existing report)  --customer NAME  --site NAME
          --reports-dir DIR (default: $DMD_REPORTS_DIR, else the per-user data folder)
Practice: --lab SCENARIO (run against the built-in lab, 練習用ラボ; --method defaults to auto; the output and
          the saved run are labelled "practice (lab)")  --save-practice (needed to --save a practice run)
Other:    --send (send one labelled test message)  --timeout-ms N  --json  --lang ja|en

Exit codes: 0 pass or warn, 1 fail, 2 bad input (including a reports folder that cannot take the save:
disk full, not a folder, no permission), 3 internal error.
`;

/** --device-tls-max values (TlsVersion; the list is here so the flag check needs no schema). */
const TLS_MAX_VALUES = ['1.0', '1.1', '1.2', '1.3'] as const satisfies readonly TlsVersion[];

/** Longest password/token read from stdin, in bytes. */
const MAX_SECRET_BYTES = 16 * 1024;

const OPTIONS = {
  method: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  domain: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string', multiple: true },
  user: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'password-env': { type: 'string' },
  'oauth-token-env': { type: 'string' },
  'device-profile': { type: 'string' },
  'device-tls-max': { type: 'string' },
  'device-ciphers': { type: 'string' },
  'expected-ip': { type: 'string' },
  send: { type: 'boolean' },
  bind: { type: 'string' },
  'connect-to': { type: 'string', multiple: true },
  'dns-server': { type: 'string' },
  ca: { type: 'string' },
  'timeout-ms': { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  password: { type: 'string' },
  save: { type: 'boolean' },
  report: { type: 'string' },
  customer: { type: 'string' },
  site: { type: 'string' },
  'reports-dir': { type: 'string' },
  lab: { type: 'string' },
  'save-practice': { type: 'boolean' },
  auth: { type: 'string' },
  tenant: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret-env': { type: 'string' },
  'client-cert': { type: 'string' },
  'client-cert-key': { type: 'string' },
  authority: { type: 'string' },
  'client-secret': { type: 'string' },
} as const;

function int(flag: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,7}$/.test(v) || Number(v) < min || Number(v) > max)
    throw new UsageError(`--${flag} must be a whole number ${min}-${max} (got "${printable(v)}")`);
  return Number(v);
}

/** curl's --connect-to HOST:PORT:ADDR:PORT (empty HOST or PORT match any; ADDR may be [IPv6]). */
export function parseConnectTo(s: string): ConnectToRule {
  const m = /^([^:[\]]*):(\d{0,5}):(\[[0-9A-Fa-f:.]+\]|[^:[\]]+):(\d{1,5})$/.exec(s);
  if (!m) throw new UsageError(`--connect-to must be HOST:PORT:ADDR:PORT (got "${printable(s)}")`);
  const [, host = '', port = '', addr = '', toPort = ''] = m;
  const p = port === '' ? 0 : Number(port);
  const tp = Number(toPort);
  if (p > 65535 || tp < 1 || tp > 65535)
    throw new UsageError(`--connect-to ports must be 1-65535 (got "${printable(s)}")`);
  return { host, port: p, toHost: addr.replace(/^\[|\]$/g, ''), toPort: tp };
}

/** Built-in printer profiles: next to the launcher (bin/../resources) or the current folder's resources. */
function profileDirs(): string[] {
  const fromBin = process.argv[1] ? join(dirname(process.argv[1]), '..', 'resources', 'printers') : null;
  return [...(fromBin ? [fromBin] : []), join(process.cwd(), 'resources', 'printers')];
}

async function deviceFrom(v: Record<string, unknown>, lang: Lang): Promise<DeviceProfile | null> {
  const ref = v['device-profile'] as string | undefined;
  const tlsMax = v['device-tls-max'] as string | undefined;
  const ciphers = v['device-ciphers'] as string | undefined;
  let device: DeviceProfile | null = null;
  if (ref !== undefined) {
    // Profiles (and their zod schemas) load only when a profile is named.
    const [{ loadProfiles }, { resolveProfileRef, toDeviceProfile }] = await Promise.all([
      import('../../main/store/profiles-loader'),
      import('../../shared/profiles-resolve'),
    ]);
    for (const dir of profileDirs()) {
      const catalog = await loadProfiles({ builtinDir: dir });
      const model = resolveProfileRef(catalog.files, ref);
      if (model) {
        device = toDeviceProfile(model, lang);
        break;
      }
    }
    if (!device)
      throw new UsageError(
        `--device-profile "${printable(ref)}": no such printer profile in resources/printers (ids look like vendor-model or vendor-model@generation)`,
      );
  }
  if (tlsMax === undefined && ciphers === undefined) return device;
  device ??= {
    id: 'custom',
    kind: 'mfp',
    label: 'Device (from --device-tls-max / --device-ciphers)',
    maxTls: '1.2',
    cipherFamily: 'any',
    authMechanisms: ['LOGIN', 'PLAIN'],
    starttls: true,
    implicitTls: false,
    serverFieldMaxLength: null,
    oauth: false,
  };
  if (tlsMax !== undefined) {
    const version = TLS_MAX_VALUES.find((t) => t === tlsMax);
    if (version === undefined)
      throw new UsageError(`--device-tls-max must be 1.0, 1.1, 1.2 or 1.3 (got "${printable(tlsMax)}")`);
    device = { ...device, maxTls: version };
  }
  if (ciphers !== undefined) {
    if (ciphers === 'ecdhe' || ciphers === 'rsa' || ciphers === 'any')
      device = { ...device, cipherFamily: ciphers, ciphers: undefined };
    else if (/^[A-Za-z0-9!:+\-_.@=]{1,2000}$/.test(ciphers)) device = { ...device, ciphers };
    else
      throw new UsageError(
        `--device-ciphers must be ecdhe, rsa, any or an OpenSSL cipher list (got "${printable(ciphers)}")`,
      );
  }
  if (device.ciphers === undefined) delete device.ciphers;
  return device;
}

async function secrets(
  v: Record<string, unknown>,
  io: CliIo,
): Promise<{ password?: string; oauthToken?: string }> {
  if (v.password !== undefined)
    throw new UsageError('a password is never a plain argument: use --password-stdin or --password-env VAR');
  const out: { password?: string; oauthToken?: string } = {};
  const envName = v['password-env'] as string | undefined;
  if (v['password-stdin'] && envName)
    throw new UsageError('give either --password-stdin or --password-env, not both');
  if (v['password-stdin'])
    out.password = await readSecretFromStdin(io.stdin, 'password-stdin', MAX_SECRET_BYTES);
  if (envName !== undefined) out.password = secretFromEnv(io, 'password-env', envName);
  const tokenEnv = v['oauth-token-env'] as string | undefined;
  if (tokenEnv !== undefined) out.oauthToken = secretFromEnv(io, 'oauth-token-env', tokenEnv);
  return out;
}

/** Store errors met before the diagnosis runs are bad input (exit 2), in the store's own words. */
function storeUsage(err: unknown): never {
  if (isStoreError(err)) throw new UsageError(err.message);
  throw err;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values: v, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    strict: true,
    allowPositionals: true,
  });
  if (v.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (positionals.length)
    throw new UsageError(`unexpected argument "${printable(positionals[0] ?? '')}" (flags only; see --help)`);
  const lang = parseLang(v.lang, io.env);
  checkLabFlags(v);
  const chosen = v.method ?? (v.lab !== undefined ? 'auto' : undefined);
  const method = { data: METHOD_CHOICES.find((m): m is MethodChoice => m === chosen) };
  if (method.data === undefined)
    throw new UsageError('--method must be submission, direct-send, relay or auto');
  if (
    (method.data === 'direct-send' || method.data === 'relay') &&
    v.lab === undefined &&
    v.domain === undefined &&
    v.from === undefined &&
    v.host === undefined
  ) {
    throw new UsageError(
      `--method ${method.data} needs --domain, --from or --host: its server is read from the domain's MX record (or given with --host)`,
    );
  }
  for (const [flag, ip] of [
    ['expected-ip', v['expected-ip']],
    ['bind', v.bind],
  ] as const) {
    if (ip !== undefined && isIP(ip) === 0)
      throw new UsageError(`--${flag} must be an IP address (got "${printable(ip)}")`);
  }
  const extraCaPem: string[] = [];
  if (v.ca !== undefined) {
    const pem = await readPemFlag('ca', v.ca);
    extraCaPem.push(pem);
  }
  if (!v.save && (v.report ?? v.customer ?? v.site ?? v['reports-dir']) !== undefined) {
    throw new UsageError('--report, --customer, --site and --reports-dir only make sense with --save');
  }
  for (const [flag, text] of [
    ['customer', v.customer],
    ['site', v.site],
  ] as const) {
    if (text !== undefined && (/[\u0000-\u001f\u007f]/.test(text) || text.length > 200)) {
      throw new UsageError(`--${flag} must be one line of at most 200 characters`);
    }
  }
  const host = v.host !== undefined ? hostValue('host', v.host) : undefined;
  const domain = v.domain !== undefined ? domainValue('domain', v.domain) : undefined;
  if (v.from !== undefined) addressValue('from', v.from);
  for (const t of v.to ?? []) addressValue('to', t);
  if (v.user !== undefined) userValue('user', v.user);
  const reportId = v.report !== undefined ? reportIdValue('report', v.report) : undefined;
  const oauth = await oauthInput(v, io);
  const sec: { password?: string; oauthToken?: string | undefined } = oauth ? {} : await secrets(v, io);
  // The reports folder (and the report to add to) is checked before any probe: a folder that cannot take the
  // save, or an unknown report, is bad input now rather than a lost diagnosis later.
  // The store (and the report schema's zod) loads only for --save.
  const storeModule = v.save ? await import('../../main/store') : null;
  const saveDir = v['reports-dir']
    ? resolve(v['reports-dir'])
    : (storeModule?.defaultReportsDir(io.env) ?? '');
  const store = storeModule ? await storeModule.createReportStore(saveDir).catch(storeUsage) : null;
  if (store && reportId !== undefined) await store.open(reportId).catch(storeUsage);
  const parts = {
    method: method.data,
    host,
    port: v.port !== undefined ? int('port', v.port, 1, 65535) : undefined,
    domain,
    from: v.from,
    to: v.to ?? [],
    user: v.user,
    expectedIp: v['expected-ip'],
    bind: v.bind,
    connectTo: (v['connect-to'] ?? []).map(parseConnectTo),
    dnsServer: v['dns-server'],
    device: await deviceFrom(v, lang),
    send: v.send ?? false,
    timeoutMs: v['timeout-ms'] !== undefined ? int('timeout-ms', v['timeout-ms'], 1000, 600_000) : undefined,
    extraCaPem,
    ...sec,
  };
  // Practice: the built-in lab runs in this process for this one diagnosis (closed when it ends).
  const started = v.lab !== undefined ? await startCliLab(v.lab) : null;
  const lab: Lab | null = started?.lab ?? null;
  const built = buildDiagnoseRequest(
    lab
      ? {
          ...parts,
          ...labParts(
            lab,
            parts,
            sec.password !== undefined || sec.oauthToken !== undefined,
            started?.source,
          ),
        }
      : parts,
  );
  if (!built.ok) {
    await lab?.close();
    throw new UsageError(`invalid ${built.errors[0] ?? 'input: bad value'}`);
  }
  const parsed = { data: built.request };
  if (
    parsed.data.target.dnsServer &&
    !/^(\[[0-9A-Fa-f:.]+\]|[0-9A-Fa-f:.]+)(:\d{1,5})?$/.test(parsed.data.target.dnsServer)
  ) {
    throw new UsageError(
      `--dns-server must be ADDR or ADDR:PORT (got "${printable(parsed.data.target.dnsServer)}")`,
    );
  }
  // Ctrl+C is the technician's Cancel: the report of what ran so far is still printed, marked cancelled.
  const live = io.stdin === process.stdin;
  const clientSecret = oauth?.clientSecret;
  const d = await withInterrupt(
    async (signal) => {
      const priorChecks = [];
      if (oauth) {
        // The token is obtained the way the device would (msal-node), kept in memory for this one run.
        const [{ acquireToken }, { tokenCheck }] = await Promise.all([
          import('../../main/oauth/acquire'),
          import('../../main/oauth/token-check'),
        ]);
        const t0 = performance.now();
        const r = await acquireToken({
          ...oauth,
          extraCaPem: parsed.data.extraCaPem,
          connectTo: parsed.data.target.connectTo,
          signal,
          onDeviceCode: (info) => io.stderr.write(deviceCodeText(info, lang)),
        });
        priorChecks.push(tokenCheck(r, 0, performance.now() - t0, { user: parsed.data.target.user }));
        if (r.ok) parsed.data.oauthToken = r.token;
        sec.oauthToken = r.ok ? r.token : undefined;
      }
      return runDiagnosis(parsed.data, { signal, priorChecks });
    },
    live ? ['SIGINT'] : [],
  ).finally(() => lab?.close());
  let text = v.json ? `${JSON.stringify(diagnosisJson(d, lang), null, 2)}\n` : renderHuman(d, lang);
  // Last line of defence: the secret never reaches the terminal, in any encoding.
  const forms = [
    ...secretForms({ user: parsed.data.target.user, password: sec.password, oauthToken: sec.oauthToken }),
    ...(clientSecret ? secretForms({ clientSecret }) : []),
  ];
  if (findSecret(text, forms)) text = scrubSecrets(text, forms, '<redacted>');
  io.stdout.write(text);
  if (store && storeModule) {
    const { saveDiagnosisAsReport } = storeModule;
    // The store scans the diagnosis for this session's secrets again before writing (a hit writes nothing).
    const dir = saveDir;
    try {
      const report = await saveDiagnosisAsReport(
        store,
        d,
        {
          customer: v.customer ?? '',
          site: v.site ?? '',
          device: { model: d.device?.label ?? '', ...(d.device ? { profileId: d.device.id } : {}) },
        },
        [
          { user: parsed.data.target.user, password: sec.password, oauthToken: sec.oauthToken },
          ...(clientSecret ? [{ clientSecret }] : []),
        ],
        {
          ...(reportId !== undefined ? { reportId } : {}),
          ...(v['save-practice'] ? { allowPractice: true } : {}),
        },
      );
      await store.flush();
      io.stderr.write(savedLine(report.id, report.runs.length, dir, lang));
    } catch (err) {
      if (!isStoreError(err)) throw err;
      io.stderr.write(`device-mail-doctor diagnose: not saved: ${printable(err.message, 300)}\n`);
      // Disk full / no permission is the machine's state the technician must fix: bad input (README, exit codes).
      return err.code === 'storage' ? EXIT_BAD_INPUT : EXIT_PROBLEMS;
    }
  }
  return d.verdict === 'fail' || d.cancelled ? EXIT_PROBLEMS : EXIT_OK;
}

export const diagnoseCommand: CliCommand = {
  name: 'diagnose',
  run,
};
