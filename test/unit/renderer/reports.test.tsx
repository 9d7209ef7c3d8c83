// Reports screen and slice in jsdom against the scripted bridge: grouped list with problems, search, open with
// hostile server text shown as text, notes saved, compare, exports (path shown, secret block explained),
// delete + Undo, and the Diagnose screen's "Save to report" (one report per visit).
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import { appStore } from '../../../src/renderer/src/store';
import type { Api } from '../../../src/shared/ipc';
import type { Report } from '../../../src/shared/report';
import { fakeBridge, install, type FakeBridge } from './fake-api';
import { diagnosis, listing, report } from './reports-fixtures';

const initial = appStore.getState();
let bridge: FakeBridge;
const flush = (ms = 10) => act(async () => new Promise((r) => setTimeout(r, ms)));
const calls = (channel: string) => bridge.calls.filter((c) => c.channel === channel);

const r1 = report(
  'r1',
  [diagnosis('fail', '2026-11-20T01:10:00.000Z'), diagnosis('pass', '2026-11-20T01:40:00.000Z')],
  ['first note'],
);
const r2 = report('r2', [diagnosis('fail', '2026-11-21T01:10:00.000Z')]);

async function bootAt(screenName: 'reports' | 'diagnose') {
  render(<App />);
  await act(async () => {
    await appStore.getState().boot();
  });
  act(() => appStore.getState().go(screenName));
  await flush();
}

beforeEach(() => {
  localStorage.clear();
  appStore.setState(initial, true);
  let stored: Report[] = [r1, r2];
  const deleted: Report[] = [];
  bridge = fakeBridge({
    'reports:list': () => listing(stored),
    'reports:open': ([id]) => stored.find((r) => r.id === id),
    'reports:save': ([a]) => ({ ...(a as { report: Report }).report, updatedAt: '2026-11-22T00:00:00.000Z' }),
    'reports:delete': ([id]) => {
      deleted.push(...stored.filter((r) => r.id === id));
      stored = stored.filter((r) => r.id !== id);
      return null;
    },
    'reports:restore': ([id]) => {
      const back = deleted.find((r) => r.id === id) as Report;
      stored = [...stored, back];
      return back;
    },
    'reports:export': ([a]) => ({
      path: `/data/exports/report.${(a as { format: string }).format}`,
      bytes: 4096,
    }),
    'reports:ticket-text': () => '# Ticket\n\nAUTH_FAILED \u001b[31m',
  });
  install(bridge);
});
afterEach(cleanup);

describe('Reports screen', () => {
  it('groups visits per customer site, lists unreadable files as problems, shows hostile text as text', async () => {
    await bootAt('reports');
    const groups = document.querySelectorAll('.site-group');
    // Both reports are visits to the same customer site.
    expect(groups).toHaveLength(1);
    expect(groups[0]?.querySelectorAll('tr[data-report-id]')).toHaveLength(2);
    // Newest visit first.
    expect(groups[0]?.querySelector('tr[data-report-id]')?.getAttribute('data-report-id')).toBe('r2');
    expect(document.querySelector('img')).toBeNull();
    expect(groups[0]?.textContent).toContain('<img src=x onerror=alert(1)>␛[31m⟨U+202E⟩');
    const problems = document.querySelector('[data-report-problems]') as HTMLElement;
    expect(problems.textContent).toContain('broken.json');
    expect(problems.textContent).toContain('破損しているため移動しました');
  });

  it('searches by text, finding code and date after typing stops', async () => {
    await bootAt('reports');
    fireEvent.change(screen.getByLabelText('お客様・拠点・機器'), { target: { value: ' Osaka ' } });
    fireEvent.change(screen.getByLabelText('検出コード'), { target: { value: 'auth_failed' } });
    fireEvent.change(screen.getByLabelText('開始日'), { target: { value: '2026-11-21' } });
    await flush(400);
    expect(calls('reports:list').at(-1)?.args[0]).toEqual({
      text: 'Osaka',
      findingCode: 'AUTH_FAILED',
      from: '2026-11-21',
    });
  });

  it('opens a report: runs with escaped evidence, notes saved, before/after compared check by check', async () => {
    await bootAt('reports');
    const row = document.querySelector('tr[data-report-id="r1"]') as HTMLElement;
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: '開く' }));
      await Promise.resolve();
    });
    await flush();
    expect(document.querySelectorAll('.run-card')).toHaveLength(2);
    const finding = document.querySelector('.run-card [data-code="AUTH_FAILED"]') as HTMLElement;
    expect(finding.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
    expect(document.body.textContent).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);

    const compare = document.querySelector('section.compare') as HTMLElement;
    expect(compare.querySelector('[data-compare-verdict]')?.getAttribute('data-compare-verdict')).toBe(
      'fixed',
    );
    expect(compare.querySelector('tr[data-check="auth.submission"]')?.getAttribute('data-change')).toBe(
      'fixed',
    );
    // Unchanged checks are folded until asked for.
    expect(compare.querySelector('tr[data-check="smtp.submission.banner"]')).toBeNull();
    fireEvent.click(within(compare).getByLabelText(/変化のないチェック項目/));
    expect(
      compare.querySelector('tr[data-check="smtp.submission.banner"]')?.getAttribute('data-change'),
    ).toBe('unchanged');

    const notes = screen.getByLabelText<HTMLTextAreaElement>('技術者メモ');
    expect(notes.value).toBe('first note');
    fireEvent.change(notes, { target: { value: 'asked the admin to reset the password' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'メモを保存' }));
      await Promise.resolve();
    });
    await flush();
    const saved = calls('reports:save').at(-1)?.args[0] as { report: Report };
    expect(saved.report.id).toBe('r1');
    expect(saved.report.notes.map((n) => n.text)).toEqual(['asked the admin to reset the password']);
    expect(saved.report.runs).toHaveLength(2);
  });

  it('compares with a run from another visit to the same site when the open visit has one run', async () => {
    await bootAt('reports');
    await act(async () => appStore.getState().openReport('r2'));
    await flush();
    // r1 is an earlier visit to the same site: its latest run (pass) is "before", r2's only run (fail) "after".
    expect(calls('reports:open').map((c) => c.args[0])).toEqual(['r2', 'r1']);
    const compare = document.querySelector('section.compare') as HTMLElement;
    expect(compare.querySelector('[data-compare-verdict]')?.getAttribute('data-compare-verdict')).toBe(
      'regressed',
    );
    const before = within(compare).getByLabelText<HTMLSelectElement>('修正前');
    expect(before.selectedOptions[0]?.textContent).toContain('別の訪問');
    expect(before.options).toHaveLength(3);
  });

  it('exports with the chosen language, shows the saved path, the ticket text, and a secret-scan block', async () => {
    await bootAt('reports');
    await act(async () => appStore.getState().openReport('r1'));
    fireEvent.change(screen.getByLabelText('エクスポートと管理者向けチケットの言語'), {
      target: { value: 'en' },
    });
    await act(async () => {
      fireEvent.click(document.querySelector('[data-export="zip"]') as HTMLElement);
      await Promise.resolve();
    });
    await flush();
    expect(calls('reports:export').at(-1)?.args[0]).toEqual({ id: 'r1', format: 'zip', lang: 'en' });
    expect(document.querySelector('[data-export-path]')?.textContent).toBe('/data/exports/report.zip');

    await act(async () => {
      fireEvent.click(document.querySelector('[data-ticket-text]') as HTMLElement);
      await Promise.resolve();
    });
    await flush();
    expect(calls('reports:ticket-text').at(-1)?.args[0]).toEqual({
      id: 'r1',
      lang: 'en',
      ticketFormat: 'markdown',
    });
    const pre = document.querySelector('.ticket-text pre') as HTMLElement;
    expect(pre.textContent).toBe('# Ticket\n\nAUTH_FAILED ␛[31m');
    expect(
      within(pre.parentElement as HTMLElement)
        .getByRole('button', { name: /コピー/ })
        .getAttribute('data-copy-value'),
    ).toContain('AUTH_FAILED');

    // Main's secret scan refuses: the reason is shown, nothing claims success.
    const blocked: Api = {
      ...bridge.api,
      reportExport: () =>
        Promise.resolve({
          ok: false,
          error: {
            code: 'secret-detected',
            message: 'HTML export would contain a secret used in this session (base64)',
          },
        }),
    };
    (globalThis as { api?: Api }).api = blocked;
    await act(async () => {
      fireEvent.click(document.querySelector('[data-export="html"]') as HTMLElement);
      await Promise.resolve();
    });
    await flush();
    const alert = document.querySelector('[data-export-blocked]') as HTMLElement;
    expect(alert.getAttribute('data-export-blocked')).toBe('secret');
    expect(alert.textContent).toContain('機密情報チェックによりエクスポートを中止しました');
    expect(alert.textContent).toContain('(base64)');
    expect(document.querySelector('[data-exported]')).toBeNull();
  });

  it('delete offers Undo, which restores the report (and gives the job its report back)', async () => {
    await bootAt('reports');
    act(() => {
      appStore.setState({ jobReport: { id: 'r2', site: 'Osaka' } });
    });
    const row = document.querySelector('tr[data-report-id="r2"]') as HTMLElement;
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: /削除/ }));
      await Promise.resolve();
    });
    await flush();
    expect(document.querySelector('tr[data-report-id="r2"]')).toBeNull();
    expect(appStore.getState().jobReport).toBeNull();
    expect(document.querySelector('.undo-bar')?.textContent).toContain('contoso.com');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '元に戻す' }));
      await Promise.resolve();
    });
    await flush();
    expect(calls('reports:restore').map((c) => c.args[0])).toEqual(['r2']);
    expect(appStore.getState().jobReport).toEqual({ id: 'r2', site: 'Osaka' });
    expect(document.querySelector('tr[data-report-id="r2"]')).not.toBeNull();
    expect(document.querySelector('.undo-bar')).toBeNull();
  });

  it('an unreadable listing is an error message, never a crash', async () => {
    bridge.handlers['reports:list'] = () => {
      throw new Error('disk gone');
    };
    await bootAt('reports');
    expect(screen.getByRole('alert').textContent).toContain('disk gone');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('レポート');
  });
});

describe('Save to report (Diagnose screen)', () => {
  it('each finished run is saved by itself: the first creates the visit’s report from the job, the next adds a run to it; no password anywhere', async () => {
    let n = 0;
    bridge.handlers['diagnose:start'] = () => ({ runId: `run${++n}` });
    bridge.handlers['reports:add-run'] = ([a]) =>
      report('visit1', [(a as { diagnosis: ReturnType<typeof diagnosis> }).diagnosis]);
    await bootAt('diagnose');
    act(() =>
      appStore
        .getState()
        .updateJob({ site: 'Osaka 3F', domain: 'contoso.com', mailbox: 'scanner@contoso.com' }),
    );
    act(() => appStore.getState().setPassword('hunter2-secret'));
    for (const id of ['run1', 'run2']) {
      await act(async () => appStore.getState().startRun());
      act(() =>
        bridge.emit('diagnose:event', {
          runId: id,
          event: { type: 'done', diagnosis: diagnosis('fail', '2026-11-22T00:00:00.000Z') },
        }),
      );
      await flush();
      // Saved by itself when the run finished: nothing to click, nothing lost.
      await flush();
      expect(screen.getByRole('button', { name: 'レポートに保存しました' }).hasAttribute('disabled')).toBe(
        true,
      );
    }
    const [first, second] = calls('reports:add-run').map((c) => c.args[0] as Record<string, unknown>);
    expect(first?.['id']).toBeUndefined();
    expect(first?.['job']).toMatchObject({ customer: 'contoso.com', site: 'Osaka 3F', method: 'submission' });
    expect(second).toMatchObject({ id: 'visit1' });
    expect(second?.['job']).toBeUndefined();
    expect(JSON.stringify(calls('reports:add-run'))).not.toContain('hunter2-secret');
    // The job's report survives a restart (an id only); the password never does.
    const persisted = localStorage.getItem('device-mail-doctor') ?? '';
    expect(persisted).toContain('visit1');
    expect(persisted).not.toContain('hunter2-secret');
  });
});
