// Detect in the app: the technician types one address and the community (a password field), presses 検出, and the
// profile the device matches is selected. The device is a real snmpd started here on loopback with values recorded
// from a Sharp MX-3570N (LibreNMS tests/snmpsim/sharp.snmprec, read 2026-12-02). The community never reaches storage.
import { freeTcpPort, snmpdMissing, startSnmpd, type RunningPeer } from '../helpers/snmp-agents';
import { expect, shootBothSizes, test } from './fixtures';

const IN_CI = /^(1|true|yes)$/i.test(process.env.CI ?? '');
const missing = snmpdMissing();

test('検出: an SNMP agent answers as a Sharp MX-3570N and the Sharp MX profile is selected', async ({
  app: page,
}) => {
  test.setTimeout(120_000);
  if (missing !== null) {
    // In CI a missing peer is a failure naming the tool; elsewhere the test is skipped with the reason.
    if (IN_CI) throw new Error(`peer tool missing in CI: ${missing} — .ci/run must install it`);
    test.skip(true, missing);
  }
  const community = 'e2e-Comm-5150';
  let agent: RunningPeer | null = null;
  try {
    agent = await startSnmpd({
      community,
      sysDescr: 'SHARP MX-3570N',
      sysObjectID: '.1.3.6.1.4.1.2385.3.1.112.1.2',
      strings: { '.1.3.6.1.2.1.25.3.2.1.3.1': 'SHARP MX-3570N', '.1.3.6.1.2.1.43.5.1.1.17.1': '6509415X00' },
      oids: { '.1.3.6.1.2.1.25.3.2.1.2.1': '.1.3.6.1.2.1.25.3.1.5' },
    });
    const ippPort = await freeTcpPort();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('1. 機器');
    await page.getByLabel('機器の IP アドレスまたはホスト名').fill('127.0.0.1');
    const communityField = page.getByLabel('SNMP コミュニティ名（任意）');
    await expect(communityField).toHaveAttribute('type', 'password');
    await communityField.fill(community);
    await page.locator('details.detect-ports summary').click();
    await page.getByLabel('SNMP ポート').fill(String(agent.port));
    await page.getByLabel('IPP ポート').fill(String(ippPort));
    await page.getByRole('button', { name: '検出', exact: true }).click();

    const result = page.locator('.detect-result');
    await expect(result).toHaveAttribute('data-outcome', 'identified', { timeout: 30_000 });
    await expect(result).toContainText('機種を特定しました。');
    await expect(page.getByTestId('detect-profile')).toContainText('Sharp MX series');
    await expect(page.getByTestId('detect-model')).toHaveText('SHARP MX-3570N');
    await expect(result).toContainText('6509415X00');
    // The profile is selected: the details pane shows it and its search hit is selected.
    await expect(page.locator('.device-details')).toContainText('Sharp');
    await expect(page.locator('[data-model="sharp-mx"]').first()).toHaveAttribute('aria-selected', 'true');
    await shootBothSizes(page, '1-device-detect');

    // The community stays in memory: not in the persisted state, not in the page's storage at all.
    const stored = await page.evaluate(() =>
      JSON.stringify((globalThis as unknown as { localStorage: Record<string, string> }).localStorage),
    );
    expect(stored).toContain('6509415X00');
    expect(stored).not.toContain(community);
  } finally {
    await agent?.stop();
  }
});
