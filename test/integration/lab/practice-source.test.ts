// A practice run leaves from the lab's stand-in for the site's static IP (the connector's address), so a scenario
// never shows a connector mismatch it did not mean to teach; reject-direct-send's site is not the connector's.
import { describe, expect, it } from 'vitest';
import { canBind, practiceSource } from '../../../src/lab/practice-source';
import { SCENARIOS } from '../../../src/lab/types';

const tenant = { connectorIp: '127.0.0.5' } as Parameters<typeof practiceSource>[0]['tenant'];
const mx = { host: 'contoso-com.mail.protection.outlook.com', address: '127.0.0.1', port: 2525 };

describe('practiceSource', () => {
  it('leaves from the connector address in every scenario but reject-direct-send', () => {
    for (const scenario of SCENARIOS) {
      const want = scenario === 'reject-direct-send' ? undefined : '127.0.0.5';
      expect(practiceSource({ scenario, tenant, mx }, true), scenario).toBe(want);
    }
  });
  it('leaves from the default address when this machine cannot bind it (macOS without an alias)', () => {
    expect(practiceSource({ scenario: 'healthy', tenant, mx }, false)).toBeUndefined();
  });
  it('leaves from the default address when the lab listens on ::1 (an IPv4 source cannot reach it)', () => {
    expect(
      practiceSource({ scenario: 'healthy', tenant, mx: { ...mx, address: '::1' } }, true),
    ).toBeUndefined();
  });
  it('canBind tells a loopback address this machine has from one it has not', async () => {
    expect(await canBind('127.0.0.1')).toBe(true);
    expect(await canBind('192.0.2.123')).toBe(false); // TEST-NET-1: on no interface here
  });
});
