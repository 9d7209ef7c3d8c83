// `device-mail-doctor identify ADDRESS`: ask one device (never a range) what it is over SNMP and IPP, and match it to
// the printer profiles. Exit 0 identified, 1 nothing / unknown, 2 bad input.
import { isIP } from 'node:net';
import { join, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { identifyDevice } from '../../main/identify';
import { loadProfiles } from '../../main/store/profiles-loader';
import type { LoadedProfileFile } from '../../shared/profiles-resolve';
import { IdentifyRequestSchema } from '../../shared/identify';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, parseLang, printable, writeJson, type CliCommand } from '../io';
import { renderIdentify } from '../render-identify';

const HELP = `Usage: device-mail-doctor identify ADDRESS [--snmp-community NAME | --snmp-community-env VAR]
                                   [--snmp-port N] [--ipp-port N] [--json] [--lang ja|en]

Asks the one device at ADDRESS (an IP address or host name; never a range) what it is: SNMP v2c (then v1)
sysDescr, sysObjectID, Host Resources and Printer-MIB values, and IPP Get-Printer-Attributes (make and model,
firmware, device id). Matches the answers to the printer profiles and says how sure the match is.
The SNMP community (default "public") is a secret: prefer --snmp-community-env; it is never printed or saved.
Exit codes: 0 identified, 1 not identified (unknown, vendor only, not a printer, no answer), 2 bad input.
`;

function parsePort(flag: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d{1,5}$/.test(v) || Number(v) < 1 || Number(v) > 65535)
    throw new UsageError(`${flag} must be a port number 1-65535 (got "${printable(v)}")`);
  return Number(v);
}

/** Built-in printer profiles: next to the launcher (bin/../resources) or the current folder's resources. */
async function builtinProfiles(): Promise<LoadedProfileFile[]> {
  const dirs = [
    ...(process.argv[1] ? [join(dirname(process.argv[1]), '..', 'resources', 'printers')] : []),
    join(process.cwd(), 'resources', 'printers'),
  ];
  for (const dir of dirs) {
    const catalog = await loadProfiles({ builtinDir: dir });
    if (catalog.files.length > 0) return catalog.files;
  }
  return [];
}

export const identifyCommand: CliCommand = {
  name: 'identify',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        'snmp-community': { type: 'string' },
        'snmp-community-env': { type: 'string' },
        'snmp-port': { type: 'string' },
        'ipp-port': { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help === true) {
      io.stdout.write(HELP);
      return EXIT_OK;
    }
    const lang = parseLang(values.lang, io.env);
    if (positionals.length !== 1)
      throw new UsageError(
        'give exactly one device address (no ranges or lists: identify never sweeps a network)',
      );
    const address = (positionals[0] ?? '').replace(/^\[(.*)\]$/, '$1');
    if (/[/,\s*]/.test(address) || (address.includes('-') && isIP(address.split('-')[0] ?? '') !== 0)) {
      throw new UsageError(
        `"${printable(address)}" looks like a range or list; give one address (identify never sweeps a network)`,
      );
    }
    if (values['snmp-community'] !== undefined && values['snmp-community-env'] !== undefined) {
      throw new UsageError('give --snmp-community or --snmp-community-env, not both');
    }
    let community = values['snmp-community'];
    const envName = values['snmp-community-env'];
    if (envName !== undefined) {
      community = io.env[envName];
      if (!community)
        throw new UsageError(
          `--snmp-community-env: the environment variable ${printable(envName)} is empty or not set`,
        );
    }
    const parsed = IdentifyRequestSchema.safeParse({
      address,
      ...(community !== undefined ? { community } : {}),
      snmpPort: parsePort('--snmp-port', values['snmp-port'], 161),
      ippPort: parsePort('--ipp-port', values['ipp-port'], 631),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // Never echo the community: name the field only.
      const field = String(issue?.path[0] ?? 'address');
      throw new UsageError(
        field === 'community'
          ? '--snmp-community must be 1-255 characters'
          : `${field}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    try {
      const evidence = await identifyDevice(parsed.data, {
        profiles: await builtinProfiles(),
        signal: controller.signal,
      });
      if (values.json === true) writeJson(io, evidence);
      else io.stdout.write(renderIdentify(evidence, lang));
      return evidence.outcome === 'identified' ? EXIT_OK : EXIT_PROBLEMS;
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  },
};
