// The diagnose form checks what the chosen method needs before running: client submission with an empty
// password (or user name, or no recipient) asks for it and starts nothing; once filled in, the run starts.
// The one sign-in choice decides the form: OAuth shows the sign-in instead of a password field.
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
      appStore.getState().updateJob({
        mailbox: 'scanner@contoso.com',
        domain: 'contoso.com',
        internalRecipient: 'info@contoso.com',
      });
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

  it('a missing recipient is asked for the same way; the field gets the focus', async () => {
    render(<App />);
    await act(async () => appStore.getState().boot());
    act(() => {
      appStore.getState().chooseMethod('direct-send');
      appStore.getState().updateJob({ domain: 'contoso.com', fromAddress: 'mfp@contoso.com' });
      appStore.getState().go('diagnose');
    });
    await flush();
    // Direct Send asks for no password and no external recipient.
    expect(document.querySelector('input[name="password"]')).toBeNull();
    expect(document.querySelector('input[name="externalRecipient"]')).toBeNull();
    await act(async () => {
      fireEvent.submit(document.querySelector('form.diagnose-form') as HTMLFormElement);
      await Promise.resolve();
    });
    await flush();
    expect(document.querySelector('[data-missing]')?.getAttribute('data-missing')).toBe('internalRecipient');
    expect(document.activeElement?.getAttribute('name')).toBe('internalRecipient');
    expect(bridge.calls.some((c) => c.channel === 'diagnose:start')).toBe(false);
  });

  it('one sign-in choice: OAuth on the method screen → OAuth checklist path and OAuth sign-in here; back to 基本認証 in the form → password path everywhere', async () => {
    render(<App />);
    await act(async () => appStore.getState().boot());
    act(() => {
      appStore.getState().selectDevice('ricoh-im');
      appStore
        .getState()
        .updateJob({ mailbox: 'scanner@contoso.com', internalRecipient: 'info@contoso.com' });
      appStore.getState().go('method');
    });
    await flush();
    // Method screen: the first question is the sign-in; answering OAuth changes the advice's sign-in setting.
    fireEvent.click(screen.getByRole('button', { name: 'OAuth（先進認証）' }));
    expect(appStore.getState().job.auth).toBe('oauth');
    expect(document.querySelector('[data-recommended] [data-reason="OAUTH_OK"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /次へ: チェックリスト/ }));
    await flush();
    expect(document.querySelector('[data-step="submission.oauth.device"]')).not.toBeNull();
    expect(document.querySelector('[data-step="submission.password"]')).toBeNull();
    act(() => appStore.getState().go('diagnose'));
    await flush();
    expect(document.querySelector('input[name="password"]')).toBeNull();
    expect(document.querySelector('section.oauth-sign-in')).not.toBeNull();
    // Changed in the diagnose form: the checklist and the advice follow.
    fireEvent.click(screen.getByRole('button', { name: '基本認証（ユーザー名とパスワード）' }));
    expect(document.querySelector('input[name="password"]')).not.toBeNull();
    expect(document.querySelector('section.oauth-sign-in')).toBeNull();
    act(() => appStore.getState().go('checklist'));
    await flush();
    expect(document.querySelector('[data-step="submission.password"]')).not.toBeNull();
    expect(document.querySelector('[data-step="submission.oauth.device"]')).toBeNull();
    act(() => appStore.getState().go('method'));
    await flush();
    expect(document.querySelector('[data-recommended] [data-reason="OAUTH_OK"]')).toBeNull();
    expect(
      screen.getByRole('button', { name: /基本認証（ユーザー名とパスワード）/ }).getAttribute('aria-pressed'),
    ).toBe('true');
  });
});
