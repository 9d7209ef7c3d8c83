// Capture screen and slice in jsdom against the scripted bridge: the port list, start with the chosen address,
// the "type this into the device" box, live sessions (only this capture's), password facts never the password,
// save into the job's report, stop; relay credentials reach main but never storage.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import { parsePorts } from '../../../src/renderer/src/features/capture/ports';
import { appStore } from '../../../src/renderer/src/store';
import { IpcFailure, fakeBridge, install, type FakeBridge } from './fake-api';
import { captured, report } from './reports-fixtures';

const initial = appStore.getState();
let bridge: FakeBridge;
const flush = (ms = 10) => act(async () => new Promise((r) => setTimeout(r, ms)));
const calls = (channel: string) => bridge.calls.filter((c) => c.channel === channel);

async function bootCapture() {
  render(<App />);
  await act(async () => {
    await appStore.getState().boot();
  });
  act(() => appStore.getState().go('capture'));
  await flush();
}

async function click(name: RegExp | string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
    await Promise.resolve();
  });
  await flush();
}

beforeEach(() => {
  localStorage.clear();
  appStore.setState(initial, true);
  bridge = fakeBridge({
    'capture:start': ([a]) => {
      const listen = (a as { listen: { address: string; port: number; implicitTls: boolean }[] }).listen;
      return {
        captureId: 'cap-1',
        listening: listen.map((l) => ({ ...l, port: l.port || 40123 })),
        certificate: { fingerprint256: 'AA:BB' },
      };
    },
    'capture:sessions': () => [],
    'capture:stop': () => {
      bridge.emit('capture:event', {
        captureId: 'cap-1',
        event: { type: 'stopped', reason: 'stopped by the technician' },
      });
      return null;
    },
    'reports:create': () => report('visit-cap', []),
    'capture:save': () => null,
  });
  install(bridge);
});
afterEach(cleanup);

describe('parsePorts', () => {
  it('reads comma/space separated ports, 0 = any free port, and refuses junk', () => {
    expect(parsePorts('2525, 587')).toEqual({ ok: true, ports: [2525, 587] });
    expect(parsePorts('2525 2525 0 ')).toEqual({ ok: true, ports: [2525, 0] });
    expect(parsePorts('2525、587')).toEqual({ ok: true, ports: [2525, 587] });
    expect(parsePorts('70000')).toEqual({ ok: false, value: '70000' });
    expect(parsePorts('25a')).toEqual({ ok: false, value: '25a' });
    expect(parsePorts('')).toMatchObject({ ok: false });
    expect(parsePorts('1 2 3 4')).toMatchObject({ ok: false });
  });
});

describe('Capture screen', () => {
  it('starts on the laptop address with the default ports, shows what to type, then live sessions', async () => {
    await bootCapture();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('キャプチャ');
    // The fake's only interface is the LAN address; the defaults are 2525 and 587.
    expect(screen.getByLabelText<HTMLSelectElement>('この PC のアドレス').value).toBe('192.168.1.20');
    expect(screen.getByLabelText<HTMLInputElement>('ポート（STARTTLS または暗号化なし）').value).toBe(
      '2525, 587',
    );
    fireEvent.click(screen.getByLabelText('SSL/TLS（ポート 465、接続時に暗号化）でも待ち受ける'));
    await click(/待ち受けを開始/);
    expect(calls('capture:start')[0]?.args[0]).toEqual({
      listen: [
        { address: '192.168.1.20', port: 2525, implicitTls: false },
        { address: '192.168.1.20', port: 587, implicitTls: false },
        { address: '192.168.1.20', port: 465, implicitTls: true },
      ],
      method: 'submission',
      tenantDomains: [],
      relay: null,
    });
    const box = document.querySelector('[data-type-this]') as HTMLElement;
    expect(box.textContent).toContain('機器に次の値を入力してください');
    expect(box.querySelectorAll('[data-listen-port]')).toHaveLength(3);
    expect(box.querySelector('[data-listen-port="465"]')?.textContent).toContain(
      'SSL/TLS（ポート 465、接続時に暗号化）',
    );

    act(() => {
      // Another capture's session is not this screen's.
      bridge.emit('capture:event', {
        captureId: 'cap-other',
        event: { type: 'session', index: 5, diagnosis: captured(16) },
      });
      bridge.emit('capture:event', {
        captureId: 'cap-1',
        event: { type: 'session', index: 0, diagnosis: captured(16) },
      });
    });
    await flush();
    const cards = document.querySelectorAll('.session-card');
    expect(cards).toHaveLength(1);
    const card = cards[0] as HTMLElement;
    expect(card.querySelector('[data-code="SEND_AS_DENIED"]')).not.toBeNull();
    expect(card.querySelector('[data-auth]')?.textContent).toContain('パスワード送信あり（16 文字）');
    expect(card.querySelector('[data-auth]')?.textContent).toContain('&');
    expect(card.querySelector('[data-mail-from]')?.textContent).toBe('ceo@contoso.com');
    expect(card.textContent).toContain('scan.pdf (application/pdf)');
    // The device's EHLO name is device-sent text: shown as text, controls visible.
    expect(document.querySelector('img')).toBeNull();
    expect(card.textContent).toContain('mfp-<img src=x onerror=alert(1)>␛[31m⟨U+202E⟩');

    // Save: the visit has no report yet, so one is made for the job, then the session goes into it.
    await act(async () => {
      fireEvent.click(card.querySelector('.session-save button') as HTMLElement);
      await Promise.resolve();
    });
    await flush();
    expect(calls('reports:create')).toHaveLength(1);
    expect(calls('capture:save')[0]?.args[0]).toEqual({
      captureId: 'cap-1',
      index: 0,
      reportId: 'visit-cap',
    });
    expect(card.querySelector('.session-save button')?.textContent).toBe('レポートに保存しました');

    await click(/停止/);
    expect(calls('capture:stop')[0]?.args[0]).toBe('cap-1');
    expect(appStore.getState().capture.phase).toBe('stopped');
    expect(document.querySelector('[data-type-this]')?.className).toContain('ended');
    expect(screen.getByRole('button', { name: /待ち受けを開始/ }).hasAttribute('disabled')).toBe(false);
  });

  it('a bad port list is explained and nothing starts', async () => {
    await bootCapture();
    fireEvent.change(screen.getByLabelText('ポート（STARTTLS または暗号化なし）'), {
      target: { value: '2525, 99999' },
    });
    await click(/待ち受けを開始/);
    expect(screen.getByRole('alert').textContent).toContain('「99999」');
    expect(calls('capture:start')).toHaveLength(0);
  });

  it('a listener that cannot bind is an error message, not a crash', async () => {
    bridge.handlers['capture:start'] = () => {
      throw new Error('port 2525 is in use');
    };
    await bootCapture();
    await click(/待ち受けを開始/);
    expect(screen.getByRole('alert').textContent).toContain('port 2525 is in use');
    expect(appStore.getState().capture.phase).toBe('error');
  });

  it('an open-relay refusal says what to fill in on the form, not the CLI flag (ja and en)', async () => {
    const refusal = (reason: string) => () => {
      // What main's capture service answers (src/main/services/capture.ts): the CLI's words plus the reason.
      throw new IpcFailure({
        code: 'invalid-argument',
        message: 'relaying without sign-in needs ... (--listen-password-env VAR)',
        issues: [{ path: 'openRelay', message: reason }],
      });
    };
    bridge.handlers['capture:start'] = refusal('domains-or-password');
    await bootCapture();
    await click(/待ち受けを開始/);
    const ja = screen.getByRole('alert').textContent ?? '';
    expect(ja).toContain('メール ドメイン');
    expect(ja).toContain('待ち受け用パスワード（機器に入力）');
    expect(ja).not.toContain('--listen-password-env');
    bridge.handlers['capture:start'] = refusal('listener-password');
    act(() => appStore.getState().updateSettings({ lang: 'en' }));
    await click(/Start listening/);
    const en = screen.getByRole('alert').textContent ?? '';
    expect(en).toContain('Listener password (type into the device)');
    expect(en).not.toContain('--listen-password-env');
  });

  it('relay-through to the practice lab starts the lab and forwards to its submission endpoint with its CA', async () => {
    bridge.handlers['lab:start'] = () => ({
      scenario: 'healthy',
      connectTo: [],
      caPem: 'LAB-CA-PEM',
      tenant: {
        domain: 'contoso.com',
        mailbox: 'scanner@contoso.com',
        password: 'lab',
        connectorIp: '127.0.0.2',
        mxHost: 'mx',
        otherSender: 'o@contoso.com',
        internalRecipient: 'i@contoso.com',
        externalRecipient: 'e@fabrikam.com',
      },
      dnsServer: '127.0.0.1:5353',
      submission: { host: 'smtp.office365.com', address: '127.0.0.1', port: 15587 },
      mx: { host: 'contoso-com.mail.protection.outlook.com', address: '127.0.0.1', port: 15025 },
    });
    await bootCapture();
    fireEvent.change(screen.getByLabelText('中継送信'), { target: { value: 'lab' } });
    await click(/待ち受けを開始/);
    expect(calls('lab:start')).toHaveLength(1);
    const args = calls('capture:start')[0]?.args[0] as { relay: unknown };
    expect(args.relay).toEqual({
      host: 'smtp.office365.com',
      address: '127.0.0.1',
      port: 15587,
      requireTls: true,
      extraCaPem: ['LAB-CA-PEM'],
      auth: 'device',
    });
    expect(appStore.getState().practice.lab?.caPem).toBe('LAB-CA-PEM');
  });

  it('relay-through to Microsoft 365 sends the typed credentials to main, never to storage', async () => {
    await bootCapture();
    act(() => appStore.getState().updateJob({ mailbox: 'scanner@contoso.com', domain: 'contoso.com' }));
    fireEvent.change(screen.getByLabelText('中継送信'), { target: { value: 'm365' } });
    fireEvent.change(screen.getByLabelText('中継でサインインするメールボックス'), {
      target: { value: 'scanner@contoso.com' },
    });
    fireEvent.change(screen.getByLabelText('メールボックスのパスワード（中継用）'), {
      target: { value: 'relay-Secret-9' },
    });
    await click(/待ち受けを開始/);
    const args = calls('capture:start')[0]?.args[0] as { relay: unknown; tenantDomains: string[] };
    expect(args.relay).toEqual({
      host: 'smtp.office365.com',
      port: 587,
      requireTls: true,
      auth: { user: 'scanner@contoso.com', password: 'relay-Secret-9' },
    });
    expect(args.tenantDomains).toEqual(['contoso.com']);
    expect(localStorage.getItem('device-mail-doctor') ?? '').not.toContain('relay-Secret-9');
  });

  it('with the typed mailbox: a generated listener password is shown on request, copyable, replaceable, sent to main, never stored', async () => {
    await bootCapture();
    fireEvent.change(screen.getByLabelText('中継送信'), { target: { value: 'm365' } });
    fireEvent.change(screen.getByLabelText('中継でサインインするメールボックス'), {
      target: { value: 'scanner@contoso.com' },
    });
    // Without a typed password the device's own sign-in is reused: no listener password is asked for.
    expect(screen.queryByLabelText('待ち受け用パスワード（機器に入力）')).toBeNull();
    fireEvent.change(screen.getByLabelText('メールボックスのパスワード（中継用）'), {
      target: { value: 'relay-Secret-9' },
    });
    const field = screen.getByLabelText<HTMLInputElement>('待ち受け用パスワード（機器に入力）');
    const generated = field.value;
    expect(generated).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(generated).not.toMatch(/[01ilo]/);
    expect(field.type).toBe('password');
    await click('表示');
    expect(screen.getByLabelText<HTMLInputElement>('待ち受け用パスワード（機器に入力）').type).toBe('text');
    expect(screen.getByRole('button', { name: 'コピー: 待ち受け用パスワード（機器に入力）' })).toBeTruthy();
    await click('新しいパスワード');
    const renewed = screen.getByLabelText<HTMLInputElement>('待ち受け用パスワード（機器に入力）').value;
    expect(renewed).not.toBe(generated);
    await click(/待ち受けを開始/);
    const args = calls('capture:start')[0]?.args[0] as { listenerPassword?: string };
    expect(args.listenerPassword).toBe(renewed);
    const stored = localStorage.getItem('device-mail-doctor') ?? '';
    expect(stored).not.toContain(renewed);
    expect(stored).not.toContain(generated);
  });

  it('a listener password shorter than 8 characters is explained and nothing starts', async () => {
    await bootCapture();
    fireEvent.change(screen.getByLabelText('中継送信'), { target: { value: 'm365' } });
    fireEvent.change(screen.getByLabelText('中継でサインインするメールボックス'), {
      target: { value: 'scanner@contoso.com' },
    });
    fireEvent.change(screen.getByLabelText('メールボックスのパスワード（中継用）'), {
      target: { value: 'relay-Secret-9' },
    });
    fireEvent.change(screen.getByLabelText('待ち受け用パスワード（機器に入力）'), {
      target: { value: 'short' },
    });
    await click(/待ち受けを開始/);
    expect(calls('capture:start')).toHaveLength(0);
    expect(screen.getByText(/待ち受け用パスワードは 8 文字以上にしてください。/)).toBeTruthy();
  });

  it("relay to the device's own sign-in or to the lab sends no listener password", async () => {
    await bootCapture();
    fireEvent.change(screen.getByLabelText('中継送信'), { target: { value: 'm365' } });
    await click(/待ち受けを開始/);
    expect(calls('capture:start')[0]?.args[0]).not.toHaveProperty('listenerPassword');
  });
});
