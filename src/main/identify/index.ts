// identify: ask ONE address (never a range: no sweeps) what it is, over SNMP and IPP at the same time, and match
// the answers to the device profiles. Electron-free (CLI, app main process, tests). Only on the technician's
// command; the community string is used for the SNMP requests and goes nowhere else.
import {
  IdentifyRequestSchema,
  type IdentifyEvidence,
  type IdentifyRequestInput,
} from '../../shared/identify';
import type { LoadedProfileFile } from '../../shared/profiles-resolve';
import { probeIpp } from './ipp';
import { buildEvidence } from './match';
import { probeSnmp } from './snmp';

export { buildEvidence, matchProfiles, vendorFileIds } from './match';

/** Default SNMP read community when the technician gives none (the factory default of most MFPs). */
export const DEFAULT_COMMUNITY = 'public';
/**
 * Hard ceiling for one identify, in milliseconds: SNMP v2c + v1 each 2 × 1.2 s, IPP 2 s connect + 3 s reply, run
 * in parallel; this only catches a stack that ignores its own timers.
 */
export const IDENTIFY_DEADLINE_MS = 12_000;

export interface IdentifyOptions {
  profiles: readonly LoadedProfileFile[];
  signal?: AbortSignal | undefined;
}

/** Runs both probes against the one address and returns the evidence. Bad input throws (zod); nothing else does. */
export async function identifyDevice(
  input: IdentifyRequestInput,
  opts: IdentifyOptions,
): Promise<IdentifyEvidence> {
  const req = IdentifyRequestSchema.parse(input);
  const startedAt = new Date();
  const started = Date.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), IDENTIFY_DEADLINE_MS);
  const onCancel = (): void => deadline.abort();
  opts.signal?.addEventListener('abort', onCancel, { once: true });
  if (opts.signal?.aborted) deadline.abort();
  try {
    const [snmp, ippProbe] = await Promise.all([
      probeSnmp({
        address: req.address,
        port: req.snmpPort,
        community: req.community ?? DEFAULT_COMMUNITY,
        signal: deadline.signal,
      }),
      probeIpp({ address: req.address, port: req.ippPort, signal: deadline.signal }),
    ]);
    // A probe cut by the deadline (not by Cancel) says so instead of "cancelled".
    const byDeadline = deadline.signal.aborted && !opts.signal?.aborted;
    const fix = <T extends { status: string; message?: string | undefined }>(p: T): T =>
      byDeadline && p.status === 'cancelled'
        ? { ...p, status: 'no-answer', message: `stopped at the ${IDENTIFY_DEADLINE_MS / 1000} s deadline` }
        : p;
    return buildEvidence(opts.profiles, {
      address: req.address,
      customCommunity: req.community !== undefined && req.community !== DEFAULT_COMMUNITY,
      snmp: fix(snmp),
      ipp: fix(ippProbe),
      startedAt,
      elapsedMs: Date.now() - started,
    });
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onCancel);
  }
}
