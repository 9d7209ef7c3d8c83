// Store slices: job flow, persistence without secrets, run events, practice-mode requests.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Diagnosis, StepEvent } from '../../../src/shared/model';
import { createAppStore, PERSIST_KEY } from '../../../src/renderer/src/store';
import { applyEvents, idleRun, MAX_TRANSCRIPT_ROWS } from '../../../src/renderer/src/store/run-events';
import { fakeBridge, install } from './fake-api';
import { unsavedWork } from '../../../src/renderer/src/components/Sidebar';

const tick = () => new Promise((r) => setTimeout(r, 5));

function diagnosis(over: Partial<Diagnosis> = {}): Diagnosis {
  return {
    version: '0.1.0',
    method: 'submission',
    target: { method: 'submission', to: [], connectTo: [] },
    device: null,
    startedAt: new Date(0).toISOString(),
    durationMs: 1234,
    verdict: 'fail',
    egressIp: '203.0.113.7',
    recommendation: null,
    checks: [
      {
        id: 'auth',
        title: 'AUTH',
        status: 'fail',
        startedAt: 0,
        durationMs: 12,
        findings: [{ code: 'AUTH_FAILED' }],
        details: {},
      },
    ],
    transcript: [{ t: 1, dir: 'S', text: '220 ready' }],
    ...over,
  };
}

beforeEach(() => {
  localStorage.clear();
});

describe('job slice', () => {
  it('a new device clears the method and the ticks; the same device keeps them', () => {
    const store = createAppStore();
    const s = store.getState();
    s.selectDevice('ricoh-im');
    s.chooseMethod('submission');
    s.toggleTick('server');
    expect(store.getState().ticks).toEqual({ server: true });
    store.getState().selectDevice('ricoh-im');
    expect(store.getState().job.method).toBe('submission');
    store.getState().selectDevice('ricoh-mp');
    expect(store.getState().job.method).toBeNull();
    expect(store.getState().ticks).toEqual({});
  });

  it("newJob resets the job, ticks, password, run and the visit's report", () => {
    const store = createAppStore();
    store.getState().updateJob({ site: 'Contoso Osaka' });
    store.getState().setPassword('hunter2');
    store.setState({ jobReport: { id: 'r-1', site: 'Contoso Osaka' } });
    store.getState().newJob();
    expect(store.getState().jobReport).toBeNull();
    expect(store.getState().job.site).toBe('');
    expect(store.getState().password).toBe('');
    expect(store.getState().screen).toBe('device');
  });
});

describe('persistence', () => {
  it('keeps the job and settings across a restart but never the password', () => {
    const store = createAppStore();
    store.getState().updateJob({ site: 'Contoso 大阪', mailbox: 'scanner@contoso.com' });
    store.getState().updateSettings({ timeoutSec: 30, dnsServer: '192.0.2.53' });
    store.getState().setPassword('S3cr3t!pass');
    const raw = localStorage.getItem(PERSIST_KEY) ?? '';
    expect(raw).toContain('Contoso 大阪');
    expect(raw).not.toContain('S3cr3t!pass');
    expect(raw).not.toContain(btoa('S3cr3t!pass'));
    expect(raw).not.toContain('password');

    const restarted = createAppStore();
    expect(restarted.getState().job.site).toBe('Contoso 大阪');
    expect(restarted.getState().settings.timeoutSec).toBe(30);
    expect(restarted.getState().password).toBe('');
  });

  it('clamps the deadline to what the engine accepts', () => {
    const store = createAppStore();
    store.getState().updateSettings({ timeoutSec: 100000 });
    expect(store.getState().settings.timeoutSec).toBe(600);
    store.getState().updateSettings({ timeoutSec: Number.NaN });
    expect(store.getState().settings.timeoutSec).toBe(5);
  });
});

describe('run events', () => {
  it('tracks checks live and lets the final diagnosis decide', () => {
    const events: StepEvent[] = [
      { type: 'check-started', id: 'dns.mx', title: 'MX', at: 0 },
      { type: 'check-started', id: 'auth', title: 'AUTH', at: 1 },
      { type: 'transcript', row: { t: 2, dir: 'C', text: 'EHLO x' } },
    ];
    let run = applyEvents({ ...idleRun(), phase: 'running' }, events);
    expect(run.checks.map((c) => c.state)).toEqual(['running', 'running']);
    expect(run.transcript).toHaveLength(1);
    run = applyEvents(run, [{ type: 'done', diagnosis: diagnosis() }]);
    expect(run.phase).toBe('done');
    expect(run.checks).toEqual([
      { id: 'auth', title: 'AUTH', state: 'fail', durationMs: 12, codes: ['AUTH_FAILED'] },
    ]);
  });

  it('bounds the transcript and counts what it dropped', () => {
    const rows: StepEvent[] = Array.from({ length: MAX_TRANSCRIPT_ROWS + 25 }, (_, i) => ({
      type: 'transcript',
      row: { t: i, dir: 'S', text: `250-x${i}` },
    }));
    const run = applyEvents({ ...idleRun(), phase: 'running' }, rows);
    expect(run.transcript).toHaveLength(MAX_TRANSCRIPT_ROWS);
    expect(run.droppedRows).toBe(25);
  });
});

describe('run slice against the bridge', () => {
  it('starts the lab, sends its connect-to/CA/DNS, streams events even before the runId arrives', async () => {
    const bridge = fakeBridge();
    const lab = {
      scenario: 'wrong-password',
      connectTo: [{ host: 'smtp.office365.com', port: 587, toHost: '127.0.0.1', toPort: 40587 }],
      caPem: '-----BEGIN CERTIFICATE-----\nLAB\n-----END CERTIFICATE-----',
      tenant: {
        domain: 'contoso.com',
        mxHost: 'contoso-com.mail.protection.outlook.com',
        mailbox: 'scanner@contoso.com',
        password: 'lab-pass',
        connectorIp: '127.0.0.2',
        otherSender: 'boss@contoso.com',
        internalRecipient: 'alice@contoso.com',
        externalRecipient: 'bob@fabrikam.example',
      },
      dnsServer: '127.0.0.1:40053',
      submission: { host: 'smtp.office365.com', address: '127.0.0.1', port: 40587 },
      mx: { host: 'contoso-com.mail.protection.outlook.com', address: '127.0.0.1', port: 40025 },
    };
    bridge.handlers['lab:start'] = () => lab;
    bridge.handlers['diagnose:start'] = () => {
      // The engine is fast: its first event beats the reply carrying the runId.
      bridge.emit('diagnose:event', {
        runId: 'run-1',
        event: { type: 'check-started', id: 'auth', title: 'AUTH', at: 0 },
      });
      return { runId: 'run-1' };
    };
    install(bridge);
    const store = createAppStore();
    store.getState().setPractice({ enabled: true, scenario: 'wrong-password' });
    store.getState().chooseMethod('submission');
    await store.getState().startRun();
    await tick();
    const start = bridge.calls.find((c) => c.channel === 'diagnose:start');
    const req = start?.args[0] as {
      target: { connectTo: unknown[]; dnsServer: string; user: string };
      extraCaPem: string[];
    };
    expect(req.target.connectTo).toEqual(lab.connectTo);
    expect(req.target.dnsServer).toBe(lab.dnsServer);
    expect(req.target.user).toBe('scanner@contoso.com');
    expect(req.extraCaPem).toContain(lab.caPem);
    expect(store.getState().run.checks.map((c) => c.id)).toEqual(['auth']);

    bridge.emit('diagnose:event', {
      runId: 'other-run',
      event: { type: 'check-started', id: 'x', title: 'X', at: 0 },
    });
    bridge.emit('diagnose:event', { runId: 'run-1', event: { type: 'done', diagnosis: diagnosis() } });
    await tick();
    expect(store.getState().run.phase).toBe('done');
    expect(store.getState().run.checks.map((c) => c.id)).toEqual(['auth']);
  });

  it('cancel asks the bridge; a failed run becomes an error, not a hang', async () => {
    const bridge = fakeBridge({
      'diagnose:start': () => ({ runId: 'run-2' }),
      'diagnose:cancel': () => ({ cancelled: true }),
    });
    install(bridge);
    const store = createAppStore();
    store.getState().updateJob({ mailbox: 'scanner@contoso.com' });
    await store.getState().startRun();
    expect(store.getState().run.phase).toBe('running');
    await store.getState().cancelRun();
    expect(bridge.calls.some((c) => c.channel === 'diagnose:cancel' && c.args[0] === 'run-2')).toBe(true);
    expect(store.getState().run.cancelling).toBe(true);
    bridge.emit('diagnose:failed', { runId: 'run-2', error: { code: 'internal', message: 'worker exited' } });
    expect(store.getState().run.phase).toBe('error');
    expect(store.getState().run.error).toContain('worker exited');
  });

  it('refuses CR/LF in a field before anything is sent, naming the field', async () => {
    const bridge = fakeBridge({ 'diagnose:start': () => ({ runId: 'never' }) });
    install(bridge);
    const store = createAppStore();
    store.getState().updateJob({ mailbox: 'scanner@contoso.com\r\nRCPT TO:<x@evil>' });
    await store.getState().startRun();
    expect(store.getState().run.phase).toBe('error');
    expect(store.getState().run.error).toMatch(/target\.(user|from)/);
    expect(bridge.calls.some((c) => c.channel === 'diagnose:start')).toBe(false);
  });
});

describe('practice mode', () => {
  it('turning practice off stops the running lab', async () => {
    const bridge = fakeBridge({ 'lab:stop': () => null });
    install(bridge);
    const store = createAppStore();
    store.setState((s) => ({
      practice: { ...s.practice, enabled: true, lab: { scenario: 'healthy' } as never },
    }));
    store.getState().setPractice({ enabled: false });
    await tick();
    expect(bridge.calls.some((c) => c.channel === 'lab:stop')).toBe(true);
    expect(store.getState().practice.lab).toBeNull();
  });
});

describe('corrupt storage', () => {
  it('a damaged persisted state falls back to defaults instead of breaking the app', () => {
    localStorage.setItem(PERSIST_KEY, '{not json');
    expect(createAppStore().getState().job.site).toBe('');
    localStorage.setItem(
      PERSIST_KEY,
      JSON.stringify({ state: { job: null, settings: 'x', ticks: 7, screen: 'nowhere' }, version: 1 }),
    );
    const s = createAppStore().getState();
    expect(s.job.answers.smtpAuth).toBe('unknown');
    expect(s.settings.timeoutSec).toBe(60);
    expect(s.screen).toBe('device');
  });
});

describe('nothing lost', () => {
  it('a finished run is saved into the job report by itself, and comes back after a restart with its result', async () => {
    const saved: unknown[] = [];
    const bridge = fakeBridge({
      'diagnose:start': () => ({ runId: 'run-9' }),
      'reports:add-run': (arg: unknown) => {
        saved.push(arg);
        return { id: 'r-job-1', runs: [] };
      },
    });
    install(bridge);
    const store = createAppStore();
    store.getState().updateJob({ site: 'Contoso 大阪', mailbox: 'scanner@contoso.com' });
    store.getState().chooseMethod('submission');
    store.getState().setPassword('S3cr3t!pass');
    expect(unsavedWork(store.getState())).toBe('job');
    await store.getState().startRun();
    await tick();
    expect(unsavedWork(store.getState())).toBe('running');
    bridge.emit('diagnose:event', { runId: 'run-9', event: { type: 'done', diagnosis: diagnosis() } });
    await tick();
    await tick();
    expect(saved).toHaveLength(1);
    expect(store.getState().saveRunState.phase).toBe('saved');
    expect(store.getState().jobReport?.id).toBe('r-job-1');
    expect(unsavedWork(store.getState())).toBeNull();

    const raw = localStorage.getItem(PERSIST_KEY) ?? '';
    expect(raw).not.toContain('S3cr3t!pass');
    const restarted = createAppStore();
    const st = restarted.getState();
    expect(st.run.phase).toBe('done');
    expect(st.run.diagnosis?.checks[0]?.findings[0]?.code).toBe('AUTH_FAILED');
    expect(st.jobReport?.id).toBe('r-job-1');
    expect(unsavedWork(st)).toBeNull();
    expect(st.password).toBe('');
  });

  it('a result whose save failed counts as unsaved (the new-job button asks)', async () => {
    const bridge = fakeBridge({
      'diagnose:start': () => ({ runId: 'run-10' }),
      'reports:add-run': () => {
        throw new Error('disk full');
      },
    });
    install(bridge);
    const store = createAppStore();
    store.getState().chooseMethod('submission');
    await store.getState().startRun();
    await tick();
    bridge.emit('diagnose:event', { runId: 'run-10', event: { type: 'done', diagnosis: diagnosis() } });
    await tick();
    await tick();
    expect(store.getState().saveRunState.phase).toBe('error');
    expect(unsavedWork(store.getState())).toBe('result');
  });
});
