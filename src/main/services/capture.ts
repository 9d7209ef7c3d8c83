// Capture mode over IPC: local SMTP listeners (src/main/capture) the device is pointed at. Each recorded device
// session is pushed as a capture:event and kept (bounded); the device's password is never stored — its forms go
// to the session-secret list so every report write and export is scanned for it, and so does the listener password.
import { randomBytes } from 'node:crypto';
import { fail, ok, type CaptureStarted, type Result } from '../../shared/ipc';
import { OPEN_RELAY_ISSUE_PATH, type CaptureDiagnosis } from '../../shared/capture';
import type { Method } from '../../shared/model';
import type { SessionSecrets } from '../../shared/secrets';
import { CaptureListenError, startCapture, type CaptureHandle } from '../capture';
import type { Emit } from './types';

/** Listeners running at the same time (each binds real ports on the technician's network). */
export const MAX_RUNNING_CAPTURES = 2;
/** Captures remembered (running or stopped) so their sessions can still be read and saved. */
export const MAX_KEPT_CAPTURES = 10;
/** Device sessions kept per capture, oldest dropped first. */
export const MAX_SESSIONS_PER_CAPTURE = 200;
/** EHLO name used when relaying upstream. */
const RELAY_EHLO_NAME = 'device-mail-doctor';

export interface CaptureStartArgs {
  listen: { address: string; port: number; implicitTls: boolean }[];
  method: Method;
  tenantDomains: string[];
  relay: {
    host: string;
    address?: string | undefined;
    port: number;
    requireTls: boolean;
    extraCaPem: string[];
    auth: 'device' | { user: string; password: string } | null;
  } | null;
  /** Relay-through to the built-in lab: sessions are marked practice with the lab's scenario. */
  practice?: { scenario: string } | undefined;
  /** What the device signs in to the listener with when relaying with the technician's sign-in (CLI: --listen-password-env). */
  listenerPassword?: string | undefined;
}

interface Capture {
  handle: CaptureHandle;
  running: boolean;
  sessions: CaptureDiagnosis[];
  /** Sessions dropped off the front (keeps indices stable for capture:save). */
  dropped: number;
}

export interface CaptureServiceDeps {
  emit: Emit;
  onSecrets: (secrets: readonly SessionSecrets[]) => void;
  addToReport: (reportId: string, diagnosis: CaptureDiagnosis) => Promise<Result<null>>;
}

export function createCaptureService(deps: CaptureServiceDeps) {
  const captures = new Map<string, Capture>();

  function forgetOldStopped(): void {
    for (const [id, c] of captures) {
      if (captures.size <= MAX_KEPT_CAPTURES) return;
      if (!c.running) captures.delete(id);
    }
  }

  async function start(args: CaptureStartArgs): Promise<Result<CaptureStarted>> {
    const running = [...captures.values()].filter((c) => c.running).length;
    if (running >= MAX_RUNNING_CAPTURES) {
      return fail('busy', `At most ${MAX_RUNNING_CAPTURES} captures run at once; stop one first.`);
    }
    const captureId = `cap-${randomBytes(6).toString('hex')}`;
    // Registered before anything can be recorded: every report write and export is scanned for it.
    if (args.listenerPassword) deps.onSecrets([{ password: args.listenerPassword }]);
    const capture: Capture = {
      handle: null as unknown as CaptureHandle,
      running: true,
      sessions: [],
      dropped: 0,
    };
    try {
      capture.handle = await startCapture({
        listen: args.listen,
        method: args.method,
        tenantDomains: args.tenantDomains,
        relay: args.relay ? { ...args.relay, ehloName: RELAY_EHLO_NAME } : null,
        listenerPassword: args.listenerPassword,
        onSession: (captured, secrets) => {
          deps.onSecrets(secrets);
          const diagnosis: CaptureDiagnosis = args.practice
            ? { ...captured, practice: args.practice }
            : captured;
          capture.sessions.push(diagnosis);
          if (capture.sessions.length > MAX_SESSIONS_PER_CAPTURE) {
            capture.sessions.shift();
            capture.dropped += 1;
          }
          const index = capture.dropped + capture.sessions.length - 1;
          deps.emit('capture:event', { captureId, event: { type: 'session', index, diagnosis } });
        },
      });
    } catch (err) {
      // A port in use or an address not on this machine is the technician's to fix, in the listener's words.
      if (err instanceof CaptureListenError)
        return fail(
          'invalid-argument',
          err.message,
          // The open-relay refusal's reason, for the app to say what to fill in on its capture form.
          err.openRelay ? [{ path: OPEN_RELAY_ISSUE_PATH, message: err.openRelay }] : undefined,
        );
      throw err;
    }
    captures.set(captureId, capture);
    forgetOldStopped();
    void capture.handle.stopped.then((reason) => {
      capture.running = false;
      deps.emit('capture:event', { captureId, event: { type: 'stopped', reason } });
    });
    return ok({
      captureId,
      listening: capture.handle.listeners,
      certificate: { fingerprint256: capture.handle.certificate.fingerprint256 },
    });
  }

  return {
    start,
    async stop(captureId: string): Promise<Result<null>> {
      const c = captures.get(captureId);
      if (!c) return fail('not-found', 'No such capture.');
      if (c.running) await c.handle.close('stopped by the technician');
      return ok(null);
    },
    sessions(captureId: string): Result<CaptureDiagnosis[]> {
      const c = captures.get(captureId);
      return c ? ok([...c.sessions]) : fail('not-found', 'No such capture.');
    },
    async save(args: { captureId: string; index: number; reportId: string }): Promise<Result<null>> {
      const c = captures.get(args.captureId);
      const diagnosis = c?.sessions[args.index - (c?.dropped ?? 0)];
      if (!diagnosis) return fail('not-found', 'No such captured session.');
      return deps.addToReport(args.reportId, diagnosis);
    },
    async dispose(): Promise<void> {
      await Promise.all(
        [...captures.values()].filter((c) => c.running).map((c) => c.handle.close('app closing')),
      );
    },
  };
}
