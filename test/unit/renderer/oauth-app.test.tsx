// The app-only (client credentials) panel in jsdom against the scripted bridge: the secret goes to main once over
// the real contract and is then gone from the form, the store and storage; a certificate is read from the chosen
// file(s) (bounded) and sent as text; a refusal shows its finding; the token is kept for the run, never shown.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import { appStore } from '../../../src/renderer/src/store';
import { fakeBridge, install, type FakeBridge } from './fake-api';

const initial = appStore.getState();
let bridge: FakeBridge;
const flush = (ms = 20) => act(async () => new Promise((r) => setTimeout(r, ms)));
const TENANT = 'contoso.com';
const CLIENT = '11111111-2222-3333-4444-555555555555';
const SECRET = 'Qx8~app.secret-value_1234';
const TOKEN =
  'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1LmNvbSJ9.c2lnbmF0dXJlLXZhbHVl';
const claims = {
  aud: ['https://outlook.office365.com'],
  iss: 'https://sts.windows.net/t/',
  tid: 't',
  exp: 4_000_000_000,
  nbf: null,
  iat: null,
  scp: [],
  roles: ['SMTP.SendAsApp'],
  upn: null,
  oid: null,
  appid: CLIENT,
  kind: 'app',
};

async function boot() {
  render(<App />);
  await act(async () => appStore.getState().boot());
  act(() => {
    appStore.getState().chooseMethod('submission');
    // The job's one sign-in choice: the OAuth sign-ins show on the OAuth path only.
    appStore.getState().setAuth('oauth');
    appStore.getState().go('diagnose');
  });
  await flush();
  return screen.getByRole('region', { name: /アプリ専用/ });
}
const appCalls = () => bridge.calls.filter((c) => c.channel === 'oauth:app-sign-in');

beforeEach(() => {
  localStorage.clear();
  appStore.setState(initial, true);
  bridge = fakeBridge({
    'oauth:app-sign-in': () => ({ ok: true, token: TOKEN, claims, findings: [] }),
  });
  install(bridge);
});
afterEach(cleanup);

describe('app-only sign-in panel', () => {
  it('client secret: sent once to main, then gone from the form, store and storage; the token is kept, not shown', async () => {
    const panel = await boot();
    const p = within(panel);
    fireEvent.change(p.getByLabelText(/テナント/), { target: { value: TENANT } });
    fireEvent.change(p.getByLabelText(/クライアント ID/), { target: { value: CLIENT } });
    const secretField = p.getByLabelText<HTMLInputElement>(/クライアント シークレット（保存しません）/);
    expect(secretField.type).toBe('password');
    fireEvent.change(secretField, { target: { value: SECRET } });
    await act(async () => {
      fireEvent.click(p.getByRole('button', { name: 'アプリとしてサインイン' }));
      await Promise.resolve();
    });
    await flush();
    expect(appCalls()).toHaveLength(1);
    expect(appCalls()[0]?.args[0]).toEqual({
      tenant: TENANT,
      clientId: CLIENT,
      lab: false,
      clientSecret: SECRET,
    });
    expect(panel.querySelector('[data-oauth-app-state="signed-in"]')?.textContent).toContain(
      'SMTP.SendAsApp',
    );
    expect(secretField.value).toBe('');
    expect(appStore.getState().oauthToken).toBe(TOKEN);
    const state = JSON.stringify(appStore.getState());
    expect(state).not.toContain(SECRET);
    expect(JSON.stringify({ ...localStorage })).not.toContain(SECRET);
    expect(JSON.stringify({ ...localStorage })).not.toContain(TOKEN);
    expect(document.body.textContent).not.toContain(SECRET);
    expect(document.body.textContent).not.toContain(TOKEN);
  });

  it('certificate: the chosen files are read and sent as text; too many or too large files are refused before reading', async () => {
    const panel = await boot();
    const p = within(panel);
    fireEvent.change(p.getByLabelText(/テナント/), { target: { value: TENANT } });
    fireEvent.change(p.getByLabelText(/クライアント ID/), { target: { value: CLIENT } });
    fireEvent.click(p.getByLabelText('証明書ファイル'));
    const start = p.getByRole('button', { name: 'アプリとしてサインイン' });
    expect((start as HTMLButtonElement).disabled).toBe(true);
    const input = p.getByLabelText<HTMLInputElement>(/証明書と秘密鍵/);
    const cert = new File(['-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n'], 'app.crt');
    const key = new File(['-----BEGIN PRIVATE KEY-----\nBBB\n-----END PRIVATE KEY-----\n'], 'app.key');
    const big = new File(['x'.repeat(64 * 1024 + 1)], 'big.pem');
    fireEvent.change(input, { target: { files: [big] } });
    expect(panel.querySelector('[role="alert"]')?.textContent).toContain('64 KB');
    fireEvent.change(input, { target: { files: [cert, key, cert] } });
    expect(panel.querySelector('[role="alert"]')?.textContent).toContain('2 つ');
    fireEvent.change(input, { target: { files: [cert, key] } });
    expect((start as HTMLButtonElement).disabled).toBe(false);
    await act(async () => {
      fireEvent.click(start);
      await Promise.resolve();
    });
    await flush(200);
    expect(appCalls(), panel.textContent ?? '').toHaveLength(1);
    const sent = appCalls()[0]?.args[0] as { certificate?: { text: string }; clientSecret?: string };
    expect(sent.clientSecret).toBeUndefined();
    expect(sent.certificate?.text).toContain('BEGIN CERTIFICATE');
    expect(sent.certificate?.text).toContain('BEGIN PRIVATE KEY');
    expect(JSON.stringify(appStore.getState())).not.toContain('BBB');
  });

  it('a refused credential shows its finding (code, cause, fix), no token is kept', async () => {
    bridge.handlers['oauth:app-sign-in'] = () => ({
      ok: false,
      finding: {
        code: 'OAUTH_CLIENT_CREDENTIAL_INVALID',
        params: { reply: 'AADSTS7000215: Invalid client secret provided.' },
        evidence: ['AADSTS7000215'],
      },
    });
    const panel = await boot();
    const p = within(panel);
    fireEvent.change(p.getByLabelText(/テナント/), { target: { value: TENANT } });
    fireEvent.change(p.getByLabelText(/クライアント ID/), { target: { value: CLIENT } });
    fireEvent.change(p.getByLabelText(/クライアント シークレット（保存しません）/), {
      target: { value: 'wrong' },
    });
    await act(async () => {
      fireEvent.click(p.getByRole('button', { name: 'アプリとしてサインイン' }));
      await Promise.resolve();
    });
    await flush();
    const failed = panel.querySelector('[data-oauth-app-state="failed"]');
    expect(failed?.querySelector('[data-code]')?.getAttribute('data-code')).toBe(
      'OAUTH_CLIENT_CREDENTIAL_INVALID',
    );
    expect(appStore.getState().oauthToken).toBeFalsy();
  });
});
