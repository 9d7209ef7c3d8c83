// Practice mode in the renderer (issue 14 item 8): the badge during and after a lab run, no auto-save of a lab
// run into the job's report (only the confirmed explicit action, which says it is practice), the lab's values
// shown beside the job's, and the job's values unchanged afterwards.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import { appStore } from '../../../src/renderer/src/store';
import type { Diagnosis } from '../../../src/shared/model';
import { fakeBridge, install, type FakeBridge } from './fake-api';

const initial = appStore.getState();
let bridge: FakeBridge;
let added: Record<string, unknown>[];
const flush = (ms = 20) => act(async () => new Promise((r) => setTimeout(r, ms)));

const LAB = {
  scenario: 'wrong-password',
  connectTo: [{ host: 'smtp.office365.com', port: 587, toHost: '127.0.0.1', toPort: 40587 }],
  caPem: '-----BEGIN CERTIFICATE-----\nLAB\n-----END CERTIFICATE-----',
  tenant: {
    domain: 'contoso.com',
    mxHost: 'contoso-com.mail.protection.outlook.com',
    mailbox: 'scanner@contoso.com',
    password: 'lab-pass',
    connectorIp: '127.0.0.5',
    otherSender: 'info@contoso.com',
    internalRecipient: 'staff@contoso.com',
    externalRecipient: 'partner@fabrikam.com',
    oauth: {
      tenantId: '00000000-0000-0000-0000-00000000000a',
      publicClientId: '00000000-0000-0000-0000-00000000000b',
    },
  },
  dnsServer: '127.0.0.1:40053',
  submission: { host: 'smtp.office365.com', address: '127.0.0.1', port: 40587 },
  mx: { host: 'contoso-com.mail.protection.outlook.com', address: '127.0.0.1', port: 40025 },
};

function done(practice: Diagnosis['practice']): Diagnosis {
  return {
    version: '0.1.0',
    method: 'submission',
    target: { method: 'submission', to: [], connectTo: [] },
    device: null,
    startedAt: new Date(0).toISOString(),
    durationMs: 10,
    verdict: 'fail',
    egressIp: null,
    recommendation: null,
    checks: [
      {
        id: 'auth',
        title: 'AUTH',
        status: 'fail',
        startedAt: 0,
        durationMs: 1,
        findings: [{ code: 'AUTH_FAILED' }],
        details: {},
      },
    ],
    transcript: [],
    ...(practice ? { practice } : {}),
  };
}

const JOB = {
  site: 'Fabrikam 名古屋',
  domain: 'fabrikam.example',
  mailbox: 'mfp@fabrikam.example',
  fromAddress: 'scan@fabrikam.example',
  internalRecipient: 'office@fabrikam.example',
  externalRecipient: 'partner@example.net',
  staticIp: '203.0.113.9',
};

beforeEach(() => {
  localStorage.clear();
  appStore.setState(initial, true);
  added = [];
  bridge = fakeBridge({
    'lab:start': () => LAB,
    'lab:stop': () => null,
    'diagnose:start': () => ({ runId: 'run-p' }),
    'reports:add-run': (args) => {
      added.push(args[0] as Record<string, unknown>);
      return { id: 'r-job', runs: [] };
    },
  });
  install(bridge);
});
afterEach(cleanup);

async function openDiagnose() {
  render(<App />);
  await act(async () => appStore.getState().boot());
  act(() => {
    appStore.getState().chooseMethod('submission');
    appStore.getState().updateJob(JOB);
    appStore.getState().go('diagnose');
  });
  await flush();
}

async function practiceOn() {
  await act(async () => {
    fireEvent.click(screen.getByLabelText(/練習用ラボで練習する/));
    await Promise.resolve();
  });
  act(() => appStore.getState().setPractice({ scenario: 'wrong-password' }));
  await flush();
}

describe('practice mode in the app', () => {
  it('shows the lab values it will use beside the job values, and the job is unchanged afterwards', async () => {
    await openDiagnose();
    const before = structuredClone(appStore.getState().job);
    await practiceOn();
    const cell = (field: string, col: 'lab' | 'job') =>
      document.querySelector(`tr[data-field="${field}"] [data-col="${col}"]`)?.textContent;
    expect(cell('user', 'lab')).toBe('scanner@contoso.com');
    expect(cell('user', 'job')).toBe('mfp@fabrikam.example');
    expect(cell('domain', 'lab')).toBe('contoso.com');
    expect(cell('domain', 'job')).toBe('fabrikam.example');
    expect(cell('from', 'lab')).toBe('scanner@contoso.com');
    expect(cell('from', 'job')).toBe('scan@fabrikam.example');
    expect(cell('externalRecipient', 'lab')).toBe('partner@fabrikam.com');
    expect(cell('externalRecipient', 'job')).toBe('partner@example.net');
    expect(cell('expectedIp', 'job')).toBe('203.0.113.9');
    expect(cell('server', 'lab')).toBe('smtp.office365.com:587 → 127.0.0.1:40587');
    expect(cell('dnsServer', 'lab')).toBe('127.0.0.1:40053');
    expect(document.body.textContent).toContain('お客様の設定は変更されずに残ります');

    // The request the engine got carries the lab's values and the practice mark; the job's stayed the job's.
    await act(async () => {
      fireEvent.submit(document.querySelector('form.diagnose-form') as HTMLFormElement);
      await Promise.resolve();
    });
    await flush();
    const req = bridge.calls.find((c) => c.channel === 'diagnose:start')?.args[0] as {
      target: { user: string; domain: string };
      practice?: unknown;
    };
    expect(req.target.user).toBe('scanner@contoso.com');
    expect(req.target.domain).toBe('contoso.com');
    expect(req.practice).toEqual({ scenario: 'wrong-password' });
    act(() =>
      bridge.emit('diagnose:event', {
        runId: 'run-p',
        event: { type: 'done', diagnosis: done({ scenario: 'wrong-password' }) },
      }),
    );
    await flush();

    await act(async () => {
      fireEvent.click(screen.getByLabelText(/練習用ラボで練習する/));
      await Promise.resolve();
    });
    await flush();
    expect(appStore.getState().job).toEqual(before);
    expect(document.querySelector('[data-testid="practice-values"]')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('ユーザー名（メールボックス）').value).toBe(
      'mfp@fabrikam.example',
    );
    expect((document.querySelector('input[name="domain"]') as HTMLInputElement).value).toBe(
      'fabrikam.example',
    );
    expect((document.querySelector('input[name="externalRecipient"]') as HTMLInputElement).value).toBe(
      'partner@example.net',
    );
  });

  it('badges the run while it runs and after; a lab run is not auto-saved; the explicit save asks, then saves it as practice', async () => {
    await openDiagnose();
    await practiceOn();
    expect(document.querySelector('.practice-badge')?.getAttribute('data-phase')).toBe('ready');
    await act(async () => {
      fireEvent.submit(document.querySelector('form.diagnose-form') as HTMLFormElement);
      await Promise.resolve();
    });
    await flush();
    const badge = () => document.querySelector('.practice-badge');
    expect(badge()?.getAttribute('data-phase')).toBe('running');
    expect(badge()?.textContent).toContain('練習用ラボで診断中');
    act(() =>
      bridge.emit('diagnose:event', {
        runId: 'run-p',
        event: { type: 'done', diagnosis: done({ scenario: 'wrong-password' }) },
      }),
    );
    await flush(50);
    expect(badge()?.getAttribute('data-phase')).toBe('done');
    expect(badge()?.textContent).toContain('お客様の環境の結果ではありません');
    // No auto-save: nothing reached the job's report.
    expect(added).toHaveLength(0);
    expect(appStore.getState().saveRunState.phase).toBe('idle');
    // Turning practice off keeps the finished run's badge: it is the run's own data that decides.
    act(() => appStore.getState().setPractice({ enabled: false }));
    await flush();
    expect(badge()?.getAttribute('data-phase')).toBe('done');

    // The explicit action asks first; "do not save" saves nothing.
    fireEvent.click(screen.getByRole('button', { name: 'この練習結果をレポートに保存' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('お客様の環境の結果ではありません');
    fireEvent.click(screen.getByRole('button', { name: '保存しない' }));
    await flush();
    expect(added).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'この練習結果をレポートに保存' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '練習結果として保存' }));
      await Promise.resolve();
    });
    await flush();
    expect(added).toHaveLength(1);
    expect(added[0]?.savePractice).toBe(true);
    expect((added[0]?.diagnosis as Diagnosis).practice).toEqual({ scenario: 'wrong-password' });
    expect(screen.getByRole('button', { name: '練習結果としてレポートに保存しました' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('a real run is still saved into the job report by itself, without the practice permission', async () => {
    await openDiagnose();
    act(() => appStore.getState().setPassword('S3cret!'));
    await act(async () => {
      fireEvent.submit(document.querySelector('form.diagnose-form') as HTMLFormElement);
      await Promise.resolve();
    });
    await flush();
    expect(document.querySelector('.practice-badge')).toBeNull();
    act(() =>
      bridge.emit('diagnose:event', { runId: 'run-p', event: { type: 'done', diagnosis: done(undefined) } }),
    );
    await flush(50);
    expect(added).toHaveLength(1);
    expect(added[0]?.savePractice).toBeUndefined();
    expect(document.querySelector('.practice-badge')).toBeNull();
  });

  it('saveRunToReport refuses a practice run without the confirmation (the auto-save path)', async () => {
    appStore.setState((s) => ({
      run: { ...s.run, phase: 'done', runId: 'run-q', diagnosis: done({ scenario: 'healthy' }) },
    }));
    await appStore.getState().saveRunToReport();
    expect(added).toHaveLength(0);
  });
});
