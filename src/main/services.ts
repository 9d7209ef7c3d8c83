// The whole Api, Electron-free: one handler per IPC channel. The Electron ipc layer (index.ts) and the e2e
// bridge (test/e2e/bridge/server.ts) both serve exactly this object; what differs is injected.
import { fail, ok, type Result } from '../shared/ipc';
import type { Handlers } from './ipc-dispatch';
import { createDiagnoseService } from './services-diagnose';
import { createLabService, type StartLab } from './services-lab';
import type { ProfileBackend } from './services-profiles';
import { createSecretVault, type SecretCipher } from './services-secrets';
import { appInfo, listInterfaces, openExternal, type AppIdentity } from './services-system';
import type { Emit } from './services-types';
import type { EngineRunner } from './worker/engine-runner';

export interface ServiceDeps {
  identity: AppIdentity;
  /** Where the vault file lives (the app's user data folder, or a test's temp folder). */
  secretsFile: string;
  cipher: SecretCipher;
  engine: EngineRunner;
  startLab: StartLab;
  profiles: ProfileBackend;
  /** Opens a vetted https URL (Electron: shell.openExternal). */
  openUrl: (url: string) => Promise<void>;
  emit: Emit;
}

export type Services = Handlers & { dispose(): Promise<void> };

const notYet = (what: string): Result<never> =>
  fail('not-implemented', `${what} is not available in this version yet.`);

export function createServices(deps: ServiceDeps): Services {
  const diagnose = createDiagnoseService(deps.engine, deps.emit);
  const lab = createLabService(deps.startLab);
  const vault = createSecretVault(deps.secretsFile, deps.cipher);

  return {
    'app:info': () => ok(appInfo(deps.identity, deps.cipher.status())),
    'net:interfaces': () => ok(listInterfaces()),

    'diagnose:start': (request) => diagnose.start(request),
    'diagnose:cancel': (runId) => diagnose.cancel(runId),

    'lab:scenarios': () => lab.scenarios(),
    'lab:start': ({ scenario }) => lab.start(scenario),
    'lab:stop': () => lab.stop(),

    'profiles:list': async () => ok(await deps.profiles.list()),
    'profiles:import': ({ text }) => deps.profiles.import(text),

    'secrets:remember': ({ key, secret }) => vault.remember(key, secret),
    'secrets:recall': ({ key }) => vault.recall(key),
    'secrets:forget': ({ key }) => vault.forget(key),

    'shell:open-external': async ({ url }) => openExternal(url, deps.openUrl, await deps.profiles.sourceDomains()),

    'reports:save': () => notYet('Saving reports'),
    'reports:list': () => notYet('The report list'),
    'reports:open': () => notYet('Opening reports'),
    'reports:delete': () => notYet('Deleting reports'),
    'reports:export': () => notYet('Exporting reports'),

    'capture:start': () => notYet('Capture mode'),
    'capture:stop': () => notYet('Capture mode'),
    'capture:sessions': () => notYet('Capture mode'),

    async dispose() {
      deps.engine.dispose();
      await lab.dispose();
    },
  };
}
