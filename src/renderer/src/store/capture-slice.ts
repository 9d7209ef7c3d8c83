// Capture mode: listeners on this laptop the device is pointed at; sessions arrive live as capture events.
// The relay and listener passwords are session-only like the diagnosis password (persist's partialize never
// includes them).
import { OPEN_RELAY_ISSUE_PATH, type CaptureDiagnosis } from '../../../shared/capture';
import { SUBMISSION_HOST, SUBMISSION_PORT } from '../../../shared/exchange-online';
import type { Method } from '../../../shared/model';
import { resolveFromLoaded, toDeviceProfile } from '../../../shared/profiles-resolve';
import type { InvokeArgs } from '../../../shared/ipc';
import { ClientError, client, errorText } from '../api/client';
import i18n from '../i18n';
import type { CaptureEventPayload, CaptureStarted } from '../api/types';
import { generateListenerPassword, MIN_LISTENER_PASSWORD } from '../features/capture/listener-password';
import { parsePorts } from '../features/capture/ports';
import { reportJobFrom } from '../features/reports/report-job';
import type { Slice } from './types';

type ScenarioName = InvokeArgs<'lab:start'>[0]['scenario'] & string;

/** Sessions shown at once (the listener keeps its own bounded list in main). */
export const MAX_SHOWN_SESSIONS = 200;
/** Default plain/STARTTLS ports offered (the seed's 587, and 2525 that needs no privileges). */
export const DEFAULT_CAPTURE_PORTS = '2525, 587';
/** Default implicit-TLS port (devices set to "SSL"). */
export const DEFAULT_IMPLICIT_PORT = '465';

export type RelayChoice = 'none' | 'lab' | 'm365';

export interface CaptureForm {
  address: string;
  ports: string;
  implicitTls: boolean;
  implicitPort: string;
  method: Method;
  relay: RelayChoice;
  relayUser: string;
}

export interface CapturedItem {
  index: number;
  diagnosis: CaptureDiagnosis;
  saved: 'saving' | 'saved' | null;
  saveError: string | null;
}

export interface CaptureState {
  form: CaptureForm;
  phase: 'idle' | 'starting' | 'running' | 'stopped' | 'error';
  captureId: string | null;
  listening: CaptureStarted['listening'];
  fingerprint: string | null;
  sessions: CapturedItem[];
  stoppedReason: string | null;
  error: string | null;
}

export interface CaptureSlice {
  capture: CaptureState;
  /** Session-only: the mailbox password for relay-through to Microsoft 365. */
  relayPassword: string;
  /**
   * Session-only: what the device signs in to the listener with when the relay uses the technician's sign-in
   * (without it anyone on the LAN could send as that mailbox). Generated; the technician may change it.
   */
  listenerPassword: string;
  setCaptureForm: (patch: Partial<CaptureForm>) => void;
  setRelayPassword: (password: string) => void;
  setListenerPassword: (password: string) => void;
  newListenerPassword: () => void;
  startCapture: () => Promise<void>;
  stopCapture: () => Promise<void>;
  saveCapturedSession: (index: number) => Promise<void>;
}

export const idleCapture = (): CaptureState => ({
  form: {
    address: '',
    ports: DEFAULT_CAPTURE_PORTS,
    implicitTls: false,
    implicitPort: DEFAULT_IMPLICIT_PORT,
    method: 'submission',
    relay: 'none',
    relayUser: '',
  },
  phase: 'idle',
  captureId: null,
  listening: [],
  fingerprint: null,
  sessions: [],
  stoppedReason: null,
  error: null,
});

/** Unsubscribes the running capture's event stream. */
let unsubscribe: (() => void) | null = null;

/** Relay-through to Microsoft 365 with the mailbox typed here (not the device's own): needs the listener password. */
/** The listener's open-relay refusal in the app's words (what to fill in on the capture form), else null. */
export function openRelayText(err: unknown): string | null {
  if (!(err instanceof ClientError)) return null;
  const reason = err.issues.find((i) => i.path === OPEN_RELAY_ISSUE_PATH)?.message;
  return reason === 'listener-password' || reason === 'domains-or-password'
    ? i18n.t(`capture.openRelay.${reason}`)
    : null;
}

export function usesTechnicianSignIn(form: CaptureForm, relayPassword: string): boolean {
  return form.relay === 'm365' && form.relayUser.trim() !== '' && relayPassword !== '';
}

export const createCaptureSlice: Slice<CaptureSlice> = (set, get) => {
  const patch = (p: Partial<CaptureState>) => set((s) => ({ capture: { ...s.capture, ...p } }));
  const addSession = (index: number, diagnosis: CaptureDiagnosis) =>
    set((s) =>
      s.capture.sessions.some((x) => x.index === index)
        ? {}
        : {
            capture: {
              ...s.capture,
              sessions: [...s.capture.sessions, { index, diagnosis, saved: null, saveError: null }].slice(
                -MAX_SHOWN_SESSIONS,
              ),
            },
          },
    );
  const onEvent = ({ captureId, event }: CaptureEventPayload) => {
    if (captureId !== get().capture.captureId) return;
    if (event.type === 'session') addSession(event.index, event.diagnosis);
    else {
      unsubscribe?.();
      unsubscribe = null;
      patch({ phase: 'stopped', stoppedReason: event.reason });
    }
  };

  /** Where relay-through goes: nowhere, the practice lab (started on demand), or Microsoft 365. */
  async function relayArgs(form: CaptureForm): Promise<InvokeArgs<'capture:start'>[0]['relay']> {
    if (form.relay === 'none') return null;
    if (form.relay === 'lab') {
      const practice = get().practice;
      const lab = practice.lab ?? (await client.labStart(practice.scenario as ScenarioName));
      set((s) => ({ practice: { ...s.practice, lab } }));
      const ep = form.method === 'submission' ? lab.submission : lab.mx;
      return {
        host: ep.host,
        address: ep.address,
        port: ep.port,
        requireTls: true,
        extraCaPem: [lab.caPem],
        auth: form.method === 'submission' ? 'device' : null,
      };
    }
    const password = get().relayPassword;
    const user = form.relayUser.trim();
    return {
      host: SUBMISSION_HOST,
      port: SUBMISSION_PORT,
      requireTls: true,
      // Without a password typed here, the device's own sign-in is reused (kept in memory only, in main).
      auth: user !== '' && password !== '' ? { user, password } : 'device',
    };
  }

  return {
    capture: idleCapture(),
    relayPassword: '',
    listenerPassword: generateListenerPassword(),
    setCaptureForm: (p) => set((s) => ({ capture: { ...s.capture, form: { ...s.capture.form, ...p } } })),
    setRelayPassword: (relayPassword) => set({ relayPassword }),
    setListenerPassword: (listenerPassword) => set({ listenerPassword }),
    newListenerPassword: () => set({ listenerPassword: generateListenerPassword() }),
    startCapture: async () => {
      const { capture, job } = get();
      if (capture.phase === 'starting' || capture.phase === 'running') return;
      const form = capture.form;
      const ports = parsePorts(form.ports);
      const implicit = form.implicitTls ? parsePorts(form.implicitPort) : { ok: true as const, ports: [] };
      if (!ports.ok || !implicit.ok) {
        const bad = !ports.ok ? ports : !implicit.ok ? implicit : null;
        patch({
          phase: 'error',
          error: bad && !bad.ok ? i18n.t('capture.badPort', { value: bad.value }) : null,
        });
        return;
      }
      if (form.address === '') {
        patch({ phase: 'error', error: i18n.t('capture.needAddress') });
        return;
      }
      const listenerPassword = usesTechnicianSignIn(form, get().relayPassword)
        ? get().listenerPassword
        : undefined;
      if (listenerPassword !== undefined && listenerPassword.length < MIN_LISTENER_PASSWORD) {
        patch({
          phase: 'error',
          error: i18n.t('capture.listenerPasswordShort', { min: MIN_LISTENER_PASSWORD }),
        });
        return;
      }
      patch({
        phase: 'starting',
        error: null,
        sessions: [],
        stoppedReason: null,
        captureId: null,
        listening: [],
        fingerprint: null,
      });
      try {
        const relay = await relayArgs(form);
        const listen = [
          ...ports.ports.map((port) => ({ address: form.address, port, implicitTls: false })),
          ...implicit.ports.map((port) => ({ address: form.address, port, implicitTls: true })),
        ];
        unsubscribe?.();
        unsubscribe = client.onCaptureEvent(onEvent);
        const started = await client.captureStart({
          listen,
          method: form.method,
          // Relay-through to the practice lab forwards only to the lab tenant's own domain (never an open relay).
          tenantDomains:
            form.relay === 'lab' && get().practice.lab
              ? [get().practice.lab?.tenant.domain ?? '']
              : job.domain.trim()
                ? [job.domain.trim()]
                : [],
          relay,
          // Relayed to the lab: every session is practice (練習用ラボ) in its data, labelled wherever it appears.
          ...(form.relay === 'lab' && get().practice.lab
            ? { practice: { scenario: get().practice.lab?.scenario ?? get().practice.scenario } }
            : {}),
          ...(listenerPassword === undefined ? {} : { listenerPassword }),
        });
        patch({
          phase: 'running',
          captureId: started.captureId,
          listening: started.listening,
          fingerprint: started.certificate.fingerprint256,
        });
        // Sessions that completed before the id was known.
        for (const [i, d] of (await client.captureSessions(started.captureId)).entries()) addSession(i, d);
      } catch (err) {
        unsubscribe?.();
        unsubscribe = null;
        patch({ phase: 'error', error: openRelayText(err) ?? errorText(err) });
      }
    },
    stopCapture: async () => {
      const id = get().capture.captureId;
      if (id === null || get().capture.phase !== 'running') return;
      try {
        await client.captureStop(id);
        // The 'stopped' event normally arrives first; this covers a lost event.
        if (get().capture.phase === 'running') patch({ phase: 'stopped' });
      } catch (err) {
        patch({ error: errorText(err) });
      }
    },
    saveCapturedSession: async (index) => {
      const { capture, job, catalog } = get();
      const mark = (saved: CapturedItem['saved'], saveError: string | null) =>
        set((s) => ({
          capture: {
            ...s.capture,
            sessions: s.capture.sessions.map((x) => (x.index === index ? { ...x, saved, saveError } : x)),
          },
        }));
      if (capture.captureId === null) return;
      mark('saving', null);
      try {
        let reportId = get().jobReport?.site === job.site ? get().jobReport?.id : undefined;
        if (!reportId) {
          const model = job.deviceId
            ? resolveFromLoaded(catalog.files, job.deviceId, job.generationId)
            : null;
          const device = model ? toDeviceProfile(model) : null;
          const report = await client.reportCreate({
            job: reportJobFrom(job, { device, method: capture.form.method }),
          });
          reportId = report.id;
          set({ jobReport: { id: report.id, site: job.site } });
        }
        await client.captureSave({ captureId: capture.captureId, index, reportId });
        mark('saved', null);
      } catch (err) {
        mark(null, errorText(err));
      }
    },
  };
};

export const captureSel = {
  capture: (s: CaptureSlice) => s.capture,
  form: (s: CaptureSlice) => s.capture.form,
  sessions: (s: CaptureSlice) => s.capture.sessions,
  relayPassword: (s: CaptureSlice) => s.relayPassword,
  listenerPassword: (s: CaptureSlice) => s.listenerPassword,
};

export const captureActions = (s: CaptureSlice) => ({
  setCaptureForm: s.setCaptureForm,
  setRelayPassword: s.setRelayPassword,
  setListenerPassword: s.setListenerPassword,
  newListenerPassword: s.newListenerPassword,
  startCapture: s.startCapture,
  stopCapture: s.stopCapture,
  saveCapturedSession: s.saveCapturedSession,
});
