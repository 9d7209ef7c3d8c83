// The Detect panel in jsdom over the scripted bridge: the community is a password field that goes to main and
// nowhere else (not persisted); a match selects the profile; an unknown printer offers "Other MFP".
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import type { IdentifyEvidence } from '../../../src/shared/identify';
import { appStore, persistedPart } from '../../../src/renderer/src/store';
import { fakeBridge, install, type FakeBridge } from './fake-api';

const initial = appStore.getState();
/** Per-test bound, in ms: booting the whole App in jsdom on a busy 2-core machine takes several seconds. */
const TEST_TIMEOUT_MS = 30_000;
let bridge: FakeBridge;

function evidence(over: Partial<IdentifyEvidence>): IdentifyEvidence {
  return {
    at: '2026-12-02T03:00:00.000Z',
    address: '192.0.2.50',
    customCommunity: true,
    snmp: {
      status: 'answered',
      port: 161,
      version: 'v2c',
      values: { sysDescr: 'RICOH IM C3000 1.02 / RICOH Network Printer C model' },
      printerMib: true,
      elapsedMs: 30,
    },
    ipp: { status: 'refused', port: 631, values: {}, elapsedMs: 2 },
    outcome: 'identified',
    vendor: { name: 'Ricoh', enterprise: 367, verified: true },
    model: 'RICOH IM C3000',
    firmware: '1.02',
    serial: null,
    match: {
      fileId: 'ricoh',
      modelId: 'ricoh-im',
      vendor: 'Ricoh',
      series: 'IM / IM C series',
      generationId: null,
      confidence: 'high',
      reasons: [],
    },
    alternatives: [],
    elapsedMs: 35,
    ...over,
  };
}

async function bootWith(result: IdentifyEvidence) {
  bridge = fakeBridge({ 'identify:run': () => result });
  install(bridge);
  render(<App />);
  await act(async () => {
    await appStore.getState().boot();
  });
}

async function detect(address: string, community: string) {
  fireEvent.change(screen.getByLabelText('機器の IP アドレスまたはホスト名'), { target: { value: address } });
  const field = screen.getByLabelText('SNMP コミュニティ名（任意）');
  expect(field.getAttribute('type')).toBe('password');
  fireEvent.change(field, { target: { value: community } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '検出' }));
    await new Promise((r) => setTimeout(r, 20));
  });
}

beforeEach(() => {
  localStorage.clear();
  appStore.setState(initial, true);
});
afterEach(cleanup);

describe('Detect (検出)', () => {
  it(
    'sends the address and community to main, selects the matched profile, never persists the community',
    async () => {
      await bootWith(evidence({}));
      await detect('192.0.2.50', 'Secret-Comm-1');
      const call = bridge.calls.find((c) => c.channel === 'identify:run');
      expect(call?.args[0]).toMatchObject({ address: '192.0.2.50', community: 'Secret-Comm-1' });
      expect(appStore.getState().job.deviceId).toBe('ricoh-im');
      expect(screen.getByText('機種を特定しました。')).toBeTruthy();
      expect(screen.getByText(/特定できません/)).toBeTruthy();
      const persisted = JSON.stringify(persistedPart(appStore.getState()));
      expect(persisted).toContain('RICOH IM C3000');
      expect(persisted).not.toContain('Secret-Comm-1');
      expect(JSON.stringify({ ...localStorage })).not.toContain('Secret-Comm-1');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'an unknown printer says so and offers "Other MFP"',
    async () => {
      await bootWith(
        evidence({ outcome: 'unknown', vendor: null, match: null, model: 'Acme LaserBox 9000' }),
      );
      await detect('192.0.2.51', '');
      expect(bridge.calls.find((c) => c.channel === 'identify:run')?.args[0]).not.toHaveProperty('community');
      expect(screen.getByText(/一致するプロファイルがありません/)).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: '「その他の複合機」を使う' }));
      expect(appStore.getState().job.deviceId).toBe('generic-mfp');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "vendor known, model not: offers that vendor's profiles and selects nothing by itself",
    async () => {
      await bootWith(evidence({ outcome: 'vendor-only', match: null, model: 'RICOH SP 9999' }));
      await detect('192.0.2.52', '');
      expect(appStore.getState().job.deviceId).toBeNull();
      const offered = [...document.querySelectorAll('[data-vendor-model]')].map((b) =>
        b.getAttribute('data-vendor-model'),
      );
      expect(offered.sort()).toEqual(['ricoh-im', 'ricoh-mp']);
      fireEvent.click(document.querySelector('[data-vendor-model="ricoh-mp"]')!);
      expect(appStore.getState().job.deviceId).toBe('ricoh-mp');
    },
    TEST_TIMEOUT_MS,
  );
});
