// Key screens in jsdom: device search and import errors, a streamed diagnosis rendered safely in ja then en.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src/shared/model';
import { App } from '../../../src/renderer/src/App';
import i18n from '../../../src/renderer/src/i18n';
import { appStore } from '../../../src/renderer/src/store';
import { fakeBridge, install, type FakeBridge } from './fake-api';

const initial = appStore.getState();
let bridge: FakeBridge;

async function boot() {
  render(<App />);
  await act(async () => {
    await appStore.getState().boot();
  });
}

const flush = () => act(async () => new Promise((r) => setTimeout(r, 10)));

beforeEach(() => {
  localStorage.clear();
  appStore.setState(initial, true);
  bridge = fakeBridge();
  install(bridge);
});
afterEach(cleanup);

describe('Device screen', () => {
  it('follows the OS locale, finds a Ricoh model and marks unverified claims', async () => {
    await boot();
    expect(i18n.language).toBe('ja');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('1. 機器');
    fireEvent.change(screen.getByLabelText('メーカー名・機種名で検索'), { target: { value: 'IM C3000' } });
    const hit = screen.getAllByRole('option').find((b) => b.getAttribute('data-model') === 'ricoh-im');
    expect(hit).toBeDefined();
    fireEvent.click(hit!);
    expect(appStore.getState().job.deviceId).toBe('ricoh-im');
    expect(screen.getByText('最高 TLS バージョン')).toBeTruthy();
  });

  it('shows "check on the device" for the generic MFP', async () => {
    await boot();
    fireEvent.click(screen.getByRole('button', { name: 'その他の複合機' }));
    expect(appStore.getState().job.deviceId).toBe('generic-mfp');
    expect(screen.getAllByText('実機で確認').length).toBeGreaterThan(0);
  });

  it('lists import errors by field name and never calls the bridge for an invalid file', async () => {
    await boot();
    const bad = JSON.stringify({
      schemaVersion: 1,
      id: 'mine',
      vendor: 'X',
      family: { ja: 'x', en: 'x' },
      sources: [{ id: 's', title: 't', url: null, vendorDoc: false }],
      models: [{ id: 'm', vendr: 'typo' }],
    });
    await act(async () => {
      await appStore.getState().importProfile('mine.json', bad);
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('models[0].vendr');
    expect(alert.textContent).toContain('models[0].capabilities');
    expect(bridge.calls.some((c) => c.channel === 'profiles:import')).toBe(false);
  });
});

function hostileDiagnosis(): Diagnosis {
  return {
    version: '0.1.0',
    method: 'submission',
    target: { method: 'submission', to: [], connectTo: [] },
    device: null,
    startedAt: new Date(0).toISOString(),
    durationMs: 2100,
    verdict: 'fail',
    egressIp: '203.0.113.7',
    recommendation: null,
    checks: [
      {
        id: 'smtp.submission.banner',
        title: 'Banner',
        status: 'pass',
        startedAt: 0,
        durationMs: 5,
        findings: [],
        details: {},
      },
      {
        id: 'auth',
        title: 'AUTH',
        status: 'fail',
        startedAt: 5,
        durationMs: 40,
        findings: [
          { code: 'AUTH_FAILED', evidence: ['535 5.7.139 <script>alert(1)</script>\u001b[31m\u0000'] },
        ],
        details: {},
      },
      // Skipped checks say why: a typed reason, and an older report's English sentence (read back as typed).
      {
        id: 'envelope.internal',
        title: 'MAIL FROM / RCPT TO (internal recipient)',
        status: 'skip',
        startedAt: 45,
        durationMs: 0,
        findings: [],
        details: { skip: { id: 'auth-failed' } },
      },
      {
        id: 'tls.submission.device',
        title: "Would the device's TLS get through?",
        status: 'skip',
        startedAt: 45,
        durationMs: 0,
        findings: [],
        details: { skipped: 'no device profile given (--device-profile or --device-tls-max)' },
      },
    ],
    transcript: [],
  };
}

describe('Diagnose screen', () => {
  it('streams progress, then shows findings by stage as text, in Japanese and live in English', async () => {
    bridge.handlers['diagnose:start'] = () => ({ runId: 'r1' });
    await boot();
    act(() => appStore.getState().go('diagnose'));
    fireEvent.change(screen.getByLabelText('ユーザー名（メールボックス）'), {
      target: { value: 'scanner@contoso.com' },
    });
    fireEvent.change(screen.getByLabelText('パスワード'), { target: { value: 'hunter2' } });
    fireEvent.click(screen.getByRole('button', { name: /診断を実行/ }));
    await flush();
    const start = bridge.calls.find((c) => c.channel === 'diagnose:start');
    expect((start?.args[0] as { password?: string }).password).toBe('hunter2');
    expect(localStorage.getItem('device-mail-doctor') ?? '').not.toContain('hunter2');

    act(() => {
      bridge.emit('diagnose:event', {
        runId: 'r1',
        event: { type: 'check-started', id: 'auth', title: 'AUTH', at: 0 },
      });
      bridge.emit('diagnose:event', {
        runId: 'r1',
        event: { type: 'transcript', row: { t: 3, dir: 'S', text: '250-\u001b[2Jevil\u0007' } },
      });
    });
    await flush();
    expect(document.querySelector('[data-check="auth"]')?.getAttribute('data-state')).toBe('running');
    expect(screen.getByRole('button', { name: /中止/ }).hasAttribute('disabled')).toBe(false);

    act(() =>
      bridge.emit('diagnose:event', { runId: 'r1', event: { type: 'done', diagnosis: hostileDiagnosis() } }),
    );
    await flush();
    const verdict = document.querySelector('[data-verdict]');
    expect(verdict?.getAttribute('data-verdict')).toBe('fail');
    expect(verdict?.textContent).toContain('この方法ではまだメールを送信できません');
    expect(screen.getByText('203.0.113.7')).toBeTruthy();
    const finding = document.querySelector('[data-code="AUTH_FAILED"]') as HTMLElement;
    expect(finding.closest('[data-stage]')?.getAttribute('data-stage')).toBe('auth');
    expect(within(finding).getByText('原因')).toBeTruthy();
    // Server text stays text: no element injected, control characters visible.
    expect(document.querySelector('script')).toBeNull();
    expect(finding.textContent).toContain('<script>alert(1)</script>');
    expect(finding.textContent).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(document.body.textContent).toContain('250-\u241b[2Jevil\u2407');
    const jaTitle = within(finding).getByRole('heading', { level: 4 }).textContent;
    const why = (id: string) => document.querySelector(`[data-check="${id}"] .skip-reason`)?.textContent;
    expect(why('envelope.internal')).toBe(
      'サインイン（SMTP AUTH）に失敗したため、行っていません。サインインの検出事項を解決してから、もう一度診断してください。',
    );
    expect(why('tls.submission.device')).toMatch(/^機器（機種、または TLS の上限）が指定されていないため/);
    expect(why('auth')).toBeUndefined();

    await act(async () => {
      appStore.getState().updateSettings({ lang: 'en' });
      await Promise.resolve();
    });
    expect(verdict?.textContent).toContain('Mail cannot be sent this way yet.');
    const enFinding = document.querySelector('[data-code="AUTH_FAILED"]') as HTMLElement;
    expect(within(enFinding).getByText('Cause')).toBeTruthy();
    expect(within(enFinding).getByRole('heading', { level: 4 }).textContent).not.toBe(jaTitle);
    expect(why('envelope.internal')).toBe(
      'Not run: sign-in (SMTP AUTH) failed. Fix the sign-in finding, then run the diagnosis again.',
    );
    expect(why('tls.submission.device')).toMatch(/^Not judged: no device was given/);
  });

  it('Escape cancels a running diagnosis', async () => {
    bridge.handlers['diagnose:start'] = () => ({ runId: 'r2' });
    bridge.handlers['diagnose:cancel'] = () => ({ cancelled: true });
    await boot();
    act(() => appStore.getState().go('diagnose'));
    fireEvent.click(screen.getByRole('button', { name: /診断を実行/ }));
    await flush();
    fireEvent.keyDown(window, { key: 'Escape' });
    await flush();
    expect(bridge.calls.some((c) => c.channel === 'diagnose:cancel' && c.args[0] === 'r2')).toBe(true);
  });

  it('the transcript search narrows the rows', async () => {
    bridge.handlers['diagnose:start'] = () => ({ runId: 'r3' });
    await boot();
    act(() => appStore.getState().go('diagnose'));
    fireEvent.click(screen.getByRole('button', { name: /診断を実行/ }));
    await flush();
    act(() => {
      for (const text of ['EHLO dmd', '250-SIZE 157286400', '535 5.7.139 Authentication unsuccessful'])
        bridge.emit('diagnose:event', {
          runId: 'r3',
          event: { type: 'transcript', row: { t: 1, dir: 'S', text } },
        });
    });
    await flush();
    fireEvent.change(screen.getByLabelText('通信ログを検索'), { target: { value: '535' } });
    await flush();
    const rows = document.querySelectorAll('.transcript-rows tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('Authentication unsuccessful');
  });
});

describe('Checklist screen', () => {
  it('lists the Ricoh submission steps with exact values and turns verified steps green', async () => {
    await boot();
    act(() => {
      appStore.getState().selectDevice('ricoh-im');
      appStore.getState().chooseMethod('submission');
      appStore.getState().updateJob({ mailbox: 'scanner@contoso.com', domain: 'contoso.com' });
      appStore.getState().go('checklist');
    });
    const values = [...document.querySelectorAll('[data-value]')].map((e) => e.textContent);
    expect(values).toContain('smtp.office365.com');
    expect(values).toContain('587');
    expect(values).toContain('scanner@contoso.com');
    expect(values.some((v) => /^\d+\.\d+\.\d+\.\d+$/.test(v ?? ''))).toBe(false);
    expect(document.querySelector('.actor-admin')).not.toBeNull();
    const authStep = [...document.querySelectorAll('[data-step]')].find(
      (e) => e.getAttribute('data-verified') !== null && e.textContent?.includes('診断'),
    );
    expect(authStep).toBeDefined();
    act(() => {
      appStore.setState((s) => ({
        run: {
          ...s.run,
          checks: [
            { id: 'auth', title: 'AUTH', state: 'pass' },
            { id: 'tcp.submission.v4', title: 'TCP', state: 'fail' },
          ],
        },
      }));
    });
    const states = [...document.querySelectorAll('[data-step]')].map((e) => e.getAttribute('data-verified'));
    expect(states).toContain('pass');
    expect(states).toContain('fail');
    const first = document.querySelector('[data-step] input[type="checkbox"]') as HTMLInputElement;
    fireEvent.click(first);
    expect(Object.values(appStore.getState().ticks)).toContain(true);
  });
});

describe('Method screen', () => {
  it('asks one question at a time, folds impossible methods under 使えない理由, never shows a score; the choice sticks', async () => {
    await boot();
    act(() => {
      appStore.getState().selectDevice('ricoh-im');
      appStore.getState().go('method');
    });
    const shownQuestions = () =>
      [...document.querySelectorAll('[data-question]')].map((e) => e.getAttribute('data-question'));
    // Ricoh IM offers OAuth: the sign-in is the first question, and the only one shown until it is answered.
    expect(shownQuestions()).toEqual(['auth']);
    // The sign-in in force (基本認証) is shown pressed before any answer; answering it reveals the next question.
    fireEvent.click(screen.getByRole('button', { name: '✔ 基本認証（ユーザー名とパスワード）' }));
    expect(shownQuestions()).toEqual(['auth', 'externalRecipients']);
    // Internal recipients only: Direct Send becomes possible, so whether it is rejected now matters.
    fireEvent.click(
      within(document.querySelector('[data-question="externalRecipients"]') as HTMLElement).getByRole(
        'button',
        { name: 'いいえ' },
      ),
    );
    fireEvent.click(
      within(document.querySelector('[data-question="smtpAuth"]') as HTMLElement).getByRole('button', {
        name: '無効',
      }),
    );
    expect(shownQuestions().slice(0, 3)).toEqual(['auth', 'externalRecipients', 'smtpAuth']);
    // Answered questions stay visible and editable.
    expect(
      within(document.querySelector('[data-question="externalRecipients"]') as HTMLElement)
        .getByRole('button', { name: /いいえ/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    // SMTP AUTH off: client submission is impossible — folded under 使えない理由 with its reason, no choose button.
    const whyNot = document.querySelector('details.not-viable-box') as HTMLElement;
    expect(whyNot.querySelector('summary')?.textContent).toContain('使えない理由');
    const sub = whyNot.querySelector('[data-method="submission"]') as HTMLElement;
    expect(sub.querySelector('[data-reason="SMTP_AUTH_DISABLED"]')).not.toBeNull();
    expect(within(sub).queryByRole('button')).toBeNull();
    expect(document.body.textContent).not.toMatch(/スコア|score|第 \d 位/);
    const recommended = document.querySelector('[data-recommended="true"]') as HTMLElement;
    expect(recommended.getAttribute('data-method')).not.toBe('submission');
    fireEvent.click(within(recommended).getByRole('button', { name: 'この方法にする' }));
    expect(appStore.getState().job.method).toBe(recommended.getAttribute('data-method'));
    // Only the values this method needs: no mailbox for Direct Send / relay.
    expect(screen.queryByLabelText('送信に使うメールボックス（サインイン）')).toBeNull();
    expect(screen.getByText('3 つの方法の比較（Microsoft の表）')).toBeTruthy();
    expect(screen.getAllByText('ポート 587 またはポート 25').length).toBe(1);
  });

  it('says which field is wrong instead of advising on injected input', async () => {
    await boot();
    act(() => {
      appStore.getState().updateJob({ domain: 'contoso.com\r\nX' });
      appStore.getState().go('method');
    });
    expect(screen.getByRole('alert').textContent).toContain('domain');
  });
});

describe('Settings screen', () => {
  it('clamps the deadline only when typing is done', async () => {
    await boot();
    act(() => appStore.getState().go('settings'));
    const input = screen.getByLabelText<HTMLInputElement>('診断全体の制限時間（秒）');
    fireEvent.change(input, { target: { value: '1' } });
    expect(input.value).toBe('1');
    fireEvent.change(input, { target: { value: '120' } });
    fireEvent.blur(input);
    expect(appStore.getState().settings.timeoutSec).toBe(120);
    fireEvent.change(input, { target: { value: '9999' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(appStore.getState().settings.timeoutSec).toBe(600);
    expect(input.value).toBe('600');
  });
});

describe('keyboard', () => {
  it('↓ from the device search enters the results; ↑/↓ move; Enter chooses', async () => {
    await boot();
    const search = screen.getByLabelText('メーカー名・機種名で検索');
    fireEvent.change(search, { target: { value: 'ricoh' } });
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    // One listbox, one tab stop: focus stays on it, aria-activedescendant names the active option.
    const list = screen.getByRole('listbox');
    const hits = screen.getAllByRole('option');
    expect(hits.length).toBeGreaterThan(1);
    expect(document.activeElement).toBe(list);
    expect(list.getAttribute('tabindex')).toBe('0');
    expect(hits.every((h) => !h.hasAttribute('tabindex'))).toBe(true);
    expect(list.getAttribute('aria-activedescendant')).toBe(hits[0]!.id);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list.getAttribute('aria-activedescendant')).toBe(hits[1]!.id);
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(list.getAttribute('aria-activedescendant')).toBe(hits[0]!.id);
    fireEvent.keyDown(list, { key: 'End' });
    expect(list.getAttribute('aria-activedescendant')).toBe(hits[hits.length - 1]!.id);
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(appStore.getState().job.deviceId).toBe(hits[hits.length - 1]!.getAttribute('data-model'));
    expect(hits[hits.length - 1]!.getAttribute('aria-selected')).toBe('true');
  });
});
