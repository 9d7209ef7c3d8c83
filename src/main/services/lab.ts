// Practice mode: at most one built-in lab (simulated Exchange Online on loopback) at a time.
import { ok, type LabInfo, type Result } from '../../shared/ipc';
import { SCENARIOS, type Lab, type ScenarioName, type StartLabOptions } from '../../lab/types';

export type StartLab = (opts?: StartLabOptions) => Promise<Lab>;

export function labInfo(lab: Lab): LabInfo {
  return {
    scenario: lab.scenario,
    connectTo: lab.connectTo,
    caPem: lab.caPem,
    // The renderer never gets the lab's ready-made token or its app's private key.
    tenant: { ...lab.tenant, oauthToken: '', oauth: { ...lab.tenant.oauth, clientKeyPem: '' } },
    dnsServer: lab.dns.address.includes(':')
      ? `[${lab.dns.address}]:${lab.dns.port}`
      : `${lab.dns.address}:${lab.dns.port}`,
    submission: lab.submission,
    mx: lab.mx,
  };
}

export function createLabService(startLab: StartLab) {
  let current: Lab | null = null;
  let pending: Promise<unknown> = Promise.resolve();
  // Serialised so two quick clicks never leave two labs running.
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = pending.then(fn, fn);
    pending = next.catch(() => undefined);
    return next;
  };
  const stop = async () => {
    const lab = current;
    current = null;
    if (lab) await lab.close();
  };
  return {
    scenarios: (): Result<ScenarioName[]> => ok([...SCENARIOS]),
    start: (scenario: ScenarioName): Promise<Result<LabInfo>> =>
      serial(async () => {
        if (current) {
          // Same lab, new scenario: switch in place (keeps ports and CA the renderer already holds).
          current.setScenario(scenario);
          return ok(labInfo(current));
        }
        current = await startLab({ scenario });
        return ok(labInfo(current));
      }),
    stop: (): Promise<Result<null>> =>
      serial(async () => {
        await stop();
        return ok(null);
      }),
    dispose: () => serial(stop),
    /** The running lab, if any (the OAuth sign-in points msal-node at its identity platform). */
    current: (): Lab | null => current,
  };
}
