// The diagnose form checks what the chosen method needs before running: client submission with an empty
// password (or user name) asks for it and starts nothing; once filled in, the run starts.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import { appStore } from '../../../src/renderer/src/store';
import { fakeBridge, install, type FakeBridge } from './fake-api';

const initial = appStore.getState();
let bridge: FakeBridge;
const flush = (ms = 20) => act(async () => new Promise((r) => setTimeout(r, ms)));

beforeEach(() => {
  localStorage.clear();
  appStore.setState(initial, true);
  bridge = fakeBridge({ 'diagnose:start': () => ({ runId: 'run-x' }) });
  install(bridge);
});
afterEach(cleanup);

describe('diagnose form', () => {
  it('an empty password asks for it and does not run', async () => {
    render(<App />);
    await act(async () => appStore.getState().boot());
    act(() => {
      appStore.getState().chooseMethod('submission');
      appStore.getState().updateJob({ mailbox: 'scanner@contoso.com', domain: 'contoso.com' });
      appStore.getState().go('diagnose');
    });
    await flush();
    const run = () =>
      act(async () => {
        fireEvent.submit(document.querySelector('form.diagnose-form') as HTMLFormElement);
        await Promise.resolve();
      });
    await run();
    await flush();
    const alert = document.querySelector('[data-missing]');
    expect(alert?.getAttribute('data-missing')).toBe('password');
    expect(alert?.textContent).toContain('パスワード');
    expect(bridge.calls.some((c) => c.channel === 'diagnose:start')).toBe(false);
    expect(document.activeElement?.getAttribute('name')).toBe('password');

    fireEvent.change(screen.getByLabelText('パスワード'), { target: { value: 'S3cret!' } });
    await run();
    await flush();
    expect(document.querySelector('[data-missing]')).toBeNull();
    expect(bridge.calls.some((c) => c.channel === 'diagnose:start')).toBe(true);
  });
});
