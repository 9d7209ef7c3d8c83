// The whole Api, Electron-free: one handler per IPC channel. The Electron ipc layer (index.ts) and the e2e
// bridge (test/e2e/bridge/server.ts) both serve exactly this object; what differs is injected.
import { ok } from '../../shared/ipc';
import type { Handlers } from '../ipc-dispatch';
import { createDiagnoseService } from './diagnose';
import { createLabService, type StartLab } from './lab';
import { createOauthService } from './oauth';
import type { ProfileBackend } from './profiles';
import { createCaptureService } from './capture';
import { createIdentifyService } from './identify';
import { createReportsService, type ExportTarget } from './reports';
import { createSecretVault, type SecretCipher } from './secrets';
import { appInfo, listInterfaces, openExternal, type AppIdentity } from './system';
import type { Emit } from './types';
import type { EngineRunner } from '../worker/engine-runner';
import type { PdfPrinter } from '../export/pdf';
import type { SessionSecrets } from '../../shared/secrets';

export interface ServiceDeps {
  identity: AppIdentity;
  /** Where the vault file lives (the app's user data folder, or a test's temp folder). */
  secretsFile: string;
  cipher: SecretCipher;
  engine: EngineRunner;
  startLab: StartLab;
  profiles: ProfileBackend;
  reports: {
    /** The reports folder (Electron: the per-user default shared with the CLI; bridge: the test's folder). */
    dir: string;
    exportTarget: ExportTarget;
    pdf?: PdfPrinter;
  };
  /** Opens a vetted https URL (Electron: shell.openExternal). */
  openUrl: (url: string) => Promise<void>;
  emit: Emit;
}

export type Services = Handlers & { dispose(): Promise<void> };

/** Diagnoses whose secrets are remembered (memory only) to scan report writes and exports. */
export const MAX_SESSION_SECRETS = 32;

export function createServices(deps: ServiceDeps): Services {
  // The secrets of this session's diagnoses: every report write and export is scanned for them.
  const sessionSecrets: SessionSecrets[] = [];
  const remember = (s: SessionSecrets) => {
    if (!s.password && !s.oauthToken && !s.clientSecret && !s.snmpCommunity) return;
    sessionSecrets.push(s);
    if (sessionSecrets.length > MAX_SESSION_SECRETS) sessionSecrets.shift();
  };
  const diagnose = createDiagnoseService(deps.engine, deps.emit, remember);
  const reports = createReportsService({
    ...deps.reports,
    appVersion: deps.identity.version,
    sessionSecrets: () => sessionSecrets,
  });
  const capture = createCaptureService({
    emit: deps.emit,
    onSecrets: (secrets) => secrets.forEach(remember),
    addToReport: (reportId, d) => reports.addCapture(reportId, d),
  });
  const lab = createLabService(deps.startLab);
  const vault = createSecretVault(deps.secretsFile, deps.cipher);
  const oauth = createOauthService(deps.emit, () => lab.current(), remember);
  const identify = createIdentifyService(deps.profiles, remember);

  return {
    'app:info': () => ok(appInfo(deps.identity, deps.cipher.status())),
    'net:interfaces': () => ok(listInterfaces()),

    'diagnose:start': (request) => diagnose.start(request),
    'diagnose:cancel': (runId) => diagnose.cancel(runId),

    'lab:scenarios': () => lab.scenarios(),
    'lab:start': ({ scenario }) => lab.start(scenario),
    'lab:stop': () => lab.stop(),

    'oauth:inspect': (a) => oauth.inspect(a),
    'oauth:sign-in': (a) => oauth.signIn(a),
    'oauth:cancel': (id) => oauth.cancel(id),
    'oauth:app-sign-in': (a) => oauth.appSignIn(a),

    'profiles:list': async () => ok(await deps.profiles.list()),
    'profiles:import': ({ text }) => deps.profiles.import(text),

    'secrets:remember': ({ key, secret }) => vault.remember(key, secret),
    'secrets:recall': ({ key }) => vault.recall(key),
    'secrets:forget': ({ key }) => vault.forget(key),

    'shell:open-external': async ({ url }) =>
      openExternal(url, deps.openUrl, await deps.profiles.sourceDomains()),

    'reports:list': (query) => reports.list(query),
    'reports:open': (id) => reports.open(id),
    'reports:create': ({ job }) => reports.create(job),
    'reports:save': ({ report }) => reports.save(report),
    'reports:add-run': (args) => reports.addRun(args),
    'reports:delete': (id) => reports.remove(id),
    'reports:restore': (id) => reports.restore(id),
    'reports:export': (args) => reports.export(args),
    'reports:ticket-text': (args) => reports.ticketText(args),

    'capture:start': (args) => capture.start(args),
    'capture:stop': (captureId) => capture.stop(captureId),
    'capture:sessions': (captureId) => capture.sessions(captureId),
    'capture:save': (args) => capture.save(args),

    'identify:run': (args) => identify.run(args),
    'identify:cancel': (id) => identify.cancel(id),

    async dispose() {
      deps.engine.dispose();
      oauth.dispose();
      identify.dispose();
      await Promise.all([lab.dispose(), capture.dispose()]);
    },
  };
}
