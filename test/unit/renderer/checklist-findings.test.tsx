// The checklist after a wrong-password run (lab scenario wrong-password: AUTH_FAILED, 535 5.7.139): the password
// step alone is red; server, port and TLS are green from the checks that passed before the sign-in; the user
// name step is not proven either way. Copy buttons sit only on values the technician types.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src/shared/model';
import { App } from '../../../src/renderer/src/App';
import { appStore } from '../../../src/renderer/src/store';
import { fakeBridge, install } from './fake-api';

const initial = appStore.getState();
const flush = () => act(async () => new Promise((r) => setTimeout(r, 10)));

beforeEach(() => {
  localStorage.clear();
  appStore.setState(initial, true);
  install(fakeBridge());
});
afterEach(cleanup);

const check = (id: string, status: 'pass' | 'fail', codes: string[] = []) => ({
  id,
  title: id,
  status,
  startedAt: 0,
  durationMs: 1,
  details: {},
  findings: codes.map((code) => ({ code, evidence: ['535 5.7.139 Authentication unsuccessful'] })),
});

function wrongPassword(): Diagnosis {
  return {
    version: '0.1.0',
    method: 'submission',
    target: { method: 'submission', to: [], connectTo: [] },
    device: null,
    startedAt: new Date(0).toISOString(),
    durationMs: 900,
    verdict: 'fail',
    egressIp: null,
    recommendation: null,
    checks: [
      check('config.submission', 'pass'),
      check('dns.submission.a', 'pass'),
      check('tcp.submission.v4', 'pass'),
      check('smtp.submission.banner', 'pass'),
      check('smtp.submission.ehlo', 'pass'),
      check('smtp.submission.starttls', 'pass'),
      check('tls.submission.matrix', 'pass'),
      check('tls.submission.cert', 'pass'),
      check('tls.submission.device', 'pass'),
      check('auth', 'fail', ['AUTH_FAILED']),
    ],
    transcript: [],
  } as Diagnosis;
}

describe('checklist after a wrong-password run', () => {
  it('reddens the password step only, greens server/port/TLS, and copies only typed values', async () => {
    render(<App />);
    await act(async () => appStore.getState().boot());
    act(() => {
      appStore.getState().selectDevice('ricoh-im');
      appStore.getState().chooseMethod('submission');
      appStore.getState().updateJob({ mailbox: 'scanner@contoso.com', domain: 'contoso.com' });
      appStore.setState({ run: { ...appStore.getState().run, phase: 'running', runId: 'r1' } });
      appStore.getState().receiveEvent('r1', { type: 'done', diagnosis: wrongPassword() });
    });
    await flush();
    act(() => appStore.getState().go('checklist'));
    await flush();
    const state = (id: string) =>
      document.querySelector(`[data-step="${id}"]`)?.getAttribute('data-verified');
    const red = [...document.querySelectorAll('[data-step][data-verified="fail"]')].map((e) =>
      e.getAttribute('data-step'),
    );
    expect(red).toEqual(['submission.password']);
    expect(state('submission.server')).toBe('pass');
    expect(state('submission.port')).toBe('pass');
    expect(state('submission.tls')).toBe('pass');
    expect(state('submission.user')).toBe('none');
    expect(state('submission.enable-smtp-auth')).toBe('none');

    const copies = (id: string) =>
      document.querySelectorAll(`[data-step="${id}"] .step-grid .btn-copy`).length;
    expect(copies('submission.server')).toBe(1);
    expect(copies('submission.port')).toBe(1);
    expect(copies('submission.user')).toBe(1);
    // Menu choices and prose get no copy button.
    expect(copies('submission.tls')).toBe(0);
    expect(copies('submission.auth-on')).toBe(0);
    expect(copies('submission.test')).toBe(0);
  });
});
