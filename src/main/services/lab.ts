// Practice mode: at most one built-in lab (simulated Exchange Online on loopback) at a time.
import { ok, type LabInfo, type Result } from '../../shared/ipc';
import { SCENARIOS, type Lab, type ScenarioName, type StartLabOptions } from '../../lab/types';
import { canBind, practiceSource } from '../../lab/practice-source';

export type StartLab = (opts?: StartLabOptions) => Promise<Lab>;

/** `bindable`: whether this machine can send from the lab's connector address (checked once per lab). */
export function labInfo(lab: Lab, bindable = false): LabInfo {
  const source = practiceSource(lab, bindable);
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
    ...(source ? { source } : {}),
  };
}

export function createLabService(startLab: StartLab) {
  let current: Lab | null = null;
  let bindable = false;
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
          return ok(labInfo(current, bindable));
        }
        current = await startLab({ scenario });
        bindable = await canBind(current.tenant.connectorIp);
        return ok(labInfo(current, bindable));
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
