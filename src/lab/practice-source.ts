// Where a practice run leaves from. The lab's relay connector holds tenant.connectorIp (a loopback address standing
// in for the site's static public IP); a practice run that left from 127.0.0.1 instead would show a connector
// mismatch the scenario never meant, and teach the technician to blame the connector. So a practice run leaves
// from the connector's address, except in the scenarios whose site is *not* the connector's (their spec says so).
import { createServer } from 'node:net';
import { isIPv4 } from 'node:net';
import { SCENARIO_SPECS } from './scenarios';
import type { Lab } from './types';

/** True when this machine can send from `address` (Linux and Windows answer on all of 127/8; macOS only on
 *  127.0.0.1 unless an alias was added). */
export function canBind(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(0, address, () => srv.close(() => resolve(true)));
  });
}

/** The address a practice run of the lab's current scenario binds to, or undefined to leave from the default
 *  source. `bindable`: the result of canBind(tenant.connectorIp) for this machine (checked once per lab). */
export function practiceSource(
  lab: Pick<Lab, 'scenario' | 'tenant' | 'mx'>,
  bindable: boolean,
): string | undefined {
  if (!bindable || SCENARIO_SPECS[lab.scenario].siteOffConnector) return undefined;
  // A loopback IPv4 source cannot reach a lab that listens on ::1.
  return isIPv4(lab.mx.address) ? lab.tenant.connectorIp : undefined;
}
