// Detect (identify): the technician asks ONE device over SNMP + IPP what it is. The community is a secret held in
// this slice's memory only (persist's partialize never includes it) and cleared when a new job starts. A match
// selects the profile; the evidence goes into the job (and the job's report, when one exists).
import { IdentifyEvidenceSchema, type IdentifyEvidence } from '../../../shared/identify';
import { client, errorText } from '../api/client';
import type { Slice } from './types';

export interface IdentifyState {
  phase: 'idle' | 'running' | 'done' | 'error';
  /** Id of the running request (for Cancel). */
  requestId: string | null;
  address: string;
  /** Session-only secret: never persisted, never logged, never sent anywhere but to main for the SNMP request. */
  community: string;
  /** '' = the protocol's port (161 / 631); some devices move IPP (e.g. 8631) or SNMP. */
  snmpPort: string;
  ippPort: string;
  error: string | null;
}

export interface IdentifySlice {
  identify: IdentifyState;
  setIdentifyForm: (
    patch: Partial<Pick<IdentifyState, 'address' | 'community' | 'snmpPort' | 'ippPort'>>,
  ) => void;
  detect: () => Promise<void>;
  cancelDetect: () => Promise<void>;
}

/** Evidence from storage is re-validated (storage may be edited or from an older version). */
export function validEvidence(v: unknown): IdentifyEvidence | null {
  const r = IdentifyEvidenceSchema.safeParse(v);
  return r.success ? r.data : null;
}

export function emptyIdentify(): IdentifyState {
  return {
    phase: 'idle',
    requestId: null,
    address: '',
    community: '',
    snmpPort: '',
    ippPort: '',
    error: null,
  };
}

/** A port typed in the form: '' = default (undefined); anything else must be 1-65535 or the request is refused. */
function portOf(text: string): number | undefined | null {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return /^\d{1,5}$/.test(t) && n >= 1 && n <= 65535 ? n : null;
}

function newRequestId(): string {
  return `idf-${crypto.randomUUID()}`;
}

export const createIdentifySlice: Slice<IdentifySlice> = (set, get) => ({
  identify: emptyIdentify(),
  setIdentifyForm: (patch) => set((s) => ({ identify: { ...s.identify, ...patch } })),
  detect: async () => {
    const { identify } = get();
    if (identify.phase === 'running') return;
    const address = identify.address.trim();
    const snmpPort = portOf(identify.snmpPort);
    const ippPort = portOf(identify.ippPort);
    if (snmpPort === null || ippPort === null) {
      set((s) => ({ identify: { ...s.identify, phase: 'error', error: 'port: 1-65535' } }));
      return;
    }
    const requestId = newRequestId();
    set((s) => ({ identify: { ...s.identify, phase: 'running', requestId, error: null } }));
    try {
      const evidence = await client.identifyRun({
        id: requestId,
        address,
        ...(identify.community ? { community: identify.community } : {}),
        ...(snmpPort !== undefined ? { snmpPort } : {}),
        ...(ippPort !== undefined ? { ippPort } : {}),
      });
      if (get().identify.requestId !== requestId) return;
      set((s) => ({
        identify: { ...s.identify, phase: 'done', requestId: null },
        job: { ...s.job, identified: evidence },
      }));
      if (evidence.match)
        get().selectDevice(evidence.match.modelId, evidence.match.generationId ?? 'current');
      await attachToReport(get, evidence);
    } catch (err) {
      if (get().identify.requestId !== requestId) return;
      set((s) => ({ identify: { ...s.identify, phase: 'error', requestId: null, error: errorText(err) } }));
    }
  },
  cancelDetect: async () => {
    const id = get().identify.requestId;
    if (id) await client.identifyCancel(id).catch(() => undefined);
  },
});

/** The job's report (if this visit already has one) keeps the evidence in its job.device. */
async function attachToReport(
  get: () => { jobReport: { id: string } | null },
  evidence: IdentifyEvidence,
): Promise<void> {
  const ref = get().jobReport;
  if (!ref) return;
  try {
    const report = await client.reportOpen(ref.id);
    const device = {
      ...report.job.device,
      identified: evidence,
      ...(evidence.firmware ? { firmware: evidence.firmware.slice(0, 200) } : {}),
      ...(evidence.serial ? { serial: evidence.serial.slice(0, 200) } : {}),
    };
    await client.reportSave({ report: { ...report, job: { ...report.job, device } } });
  } catch (err) {
    console.warn('identify evidence not added to the report:', errorText(err));
  }
}
