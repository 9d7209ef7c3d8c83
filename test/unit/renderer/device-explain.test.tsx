// The device screen's vendor parts in jsdom: "what does the device show? / 機器の表示" explains a panel code for the
// selected model (ja, then en), the OAuth support table shows provenance, and the Basic-auth plan reads the job.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import i18n from '../../../src/renderer/src/i18n';
import { appStore } from '../../../src/renderer/src/store';
import { parseProfileData } from '../../../src/shared/profiles';
import type { LoadedProfileFile } from '../../../src/shared/profiles-resolve';
import { bundledFiles, fakeBridge, install } from './fake-api';
import canon from '../../../resources/printers/canon.json';
import fujifilm from '../../../resources/printers/fujifilm-bi.json';
import lexmark from '../../../resources/printers/lexmark.json';
import sharp from '../../../resources/printers/sharp.json';
import xerox from '../../../resources/printers/xerox.json';

/** The fake bridge's bundled files plus the vendors these tests speak about. */
function files(): LoadedProfileFile[] {
  const more = [canon, fujifilm, lexmark, sharp, xerox].map((data) => {
    const r = parseProfileData(data);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return { path: `${r.profile.id}.json`, origin: 'builtin' as const, profile: r.profile };
  });
  return [...bundledFiles(), ...more];
}

const initial = appStore.getState();

async function bootWith(modelId: string, lang: 'ja' | 'en' = 'en') {
  render(<App />);
  await act(async () => {
    await appStore.getState().boot();
  });
  act(() => {
    appStore.getState().updateSettings({ lang });
    appStore.getState().selectDevice(modelId);
  });
  await act(async () => new Promise((r) => setTimeout(r, 10)));
}

beforeEach(() => {
  localStorage.clear();
  appStore.setState(initial, true);
  install(fakeBridge({ 'profiles:list': () => ({ files: files(), problems: [], replaced: [] }) }));
});
afterEach(cleanup);

describe('device screen: what does the device show?', () => {
  it('explains Xerox 016-764 for the selected model as unverified, with the SMTP side and the next check (ja)', async () => {
    await bootWith('xerox-altalink-versalink', 'ja');
    expect(i18n.language).toBe('ja');
    const box = screen.getByRole('region', { name: '機器の表示' });
    fireEvent.change(
      within(box).getByLabelText('操作パネル・Web 画面・送信結果レポートに表示されたコードやメッセージ'),
      { target: { value: 'エラー 016-764' } },
    );
    fireEvent.click(within(box).getByRole('button', { name: '説明する' }));
    const result = within(box).getByRole('status');
    const card = result.querySelector('[data-code="xerox-016-764"]');
    expect(card).not.toBeNull();
    expect(card?.textContent).toContain('（未確認）SMTP サーバーに接続できない。');
    expect(card?.textContent).toContain('SMTP 側の意味');
    expect(card?.textContent).toContain('実機で確認');
    // Only this model's vendor: the Fujifilm entry with the same number is not shown.
    expect(result.querySelector('[data-code="fujifilm-016-764"]')).toBeNull();
  });

  it("explains Sharp's token message from Sharp's manual (verified, read date) and says when a vendor publishes nothing (en)", async () => {
    await bootWith('sharp-bp');
    const box = screen.getByRole('region', { name: 'What does the device show?' });
    const input = within(box).getByPlaceholderText('e.g. 016-764, #801, Token update failed');
    fireEvent.change(input, {
      target: { value: 'Token update failed. Please delete the token and obtain it again.' },
    });
    fireEvent.click(within(box).getByRole('button', { name: 'Explain' }));
    const card = within(box).getByRole('status').querySelector('[data-code="sharp-token-update-failed"]');
    expect(card?.textContent).toContain('vendor documentation');
    expect(card?.textContent).toContain('read 2026-12-02');
    expect(card?.textContent).toContain('OAUTH_TOKEN_REFRESH_FAILED');
    fireEvent.change(input, { target: { value: '016-764' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Explain' }));
    expect(within(box).getByRole('status').querySelector('[data-nothing="Sharp"]')?.textContent).toMatch(
      /Sharp: no published code matched/,
    );
  });

  it('reads an SMTP reply typed into the box as a finding too, and says when nothing is recognised', async () => {
    await bootWith('canon-iradv-dx');
    const box = screen.getByRole('region', { name: 'What does the device show?' });
    const input = within(box).getByRole('textbox');
    fireEvent.change(input, {
      target: {
        value:
          '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
      },
    });
    fireEvent.click(within(box).getByRole('button', { name: 'Explain' }));
    expect(
      within(box).getByRole('status').querySelector('[data-finding="SMTP_AUTH_DISABLED_TENANT"]'),
    ).not.toBeNull();
    fireEvent.change(input, { target: { value: 'paper jam in tray 2' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Explain' }));
    expect(within(box).getByRole('status').textContent).toContain('Nothing recognised');
  });
});

describe('device screen: OAuth support and the Basic-auth plan', () => {
  it('shows the OAuth claims with provenance and the plan with OAuth first for an OAuth-capable model', async () => {
    await bootWith('lexmark-cx-mx');
    const oauth = screen.getByRole('region', { name: 'OAuth (for the day Basic authentication goes off)' });
    const fw = oauth.querySelector('[data-oauth="minFirmware"]');
    expect(fw?.textContent).toContain('FW24');
    expect(fw?.textContent).toContain('read 2026-12-02');
    expect(oauth.querySelector('[data-oauth="appOnly"]')?.textContent).toContain('not published');
    act(() => {
      appStore.getState().updateJob({ method: 'submission', mailbox: 'scan@contoso.com' });
    });
    const plan = screen.getByRole('region', { name: 'When Basic authentication goes off' });
    expect(plan.querySelector('[data-affected="yes"]')).not.toBeNull();
    // Current firmware of this profile has no OAuth, but Lexmark publishes FW24: update first.
    expect(plan.querySelector('[data-option="firmware"]')?.getAttribute('data-fit')).toBe('recommended');
    expect(plan.querySelector('[data-option="firmware"]')?.textContent).toContain('FW24');
    act(() => {
      appStore.getState().selectDevice('lexmark-cx-mx', 'lexmark-oauth');
    });
    const after = screen.getByRole('region', { name: 'When Basic authentication goes off' });
    expect(after.querySelector('[data-option="oauth"]')?.getAttribute('data-fit')).toBe('recommended');
    expect(plan.textContent).toContain('techcommunity.microsoft.com');
  });
});

describe('device screen: the Basic-auth plan in Japanese', () => {
  it('shows the same Japanese texts as the CLI: words for the OAuth permissions, their names as code, no backticks', async () => {
    await bootWith('ricoh-im', 'ja');
    act(() => {
      appStore.getState().updateJob({ method: 'submission', mailbox: '' });
    });
    const plan = screen.getByRole('region', { name: '基本認証が無効になったら' });
    const text = plan.textContent ?? '';
    expect(text).not.toContain('`');
    expect(text).toContain('委任されたアクセス許可');
    expect(text).toContain('アプリケーションのアクセス許可');
    expect(text).toContain('<メールボックス>');
    expect(text).not.toMatch(/\b(?:delegated|appOnly|servicePrincipal|mailboxPermission|tenant|portal):/);
    const codes = [...plan.querySelectorAll('code')].map((c) => c.textContent);
    expect(codes).toContain('https://outlook.office.com/SMTP.Send offline_access');
    expect(codes).toContain(
      'Set-CASMailbox -Identity <メールボックス> -SmtpClientAuthenticationDisabled $false',
    );
    // Every fact keeps its source URL and read date.
    const facts = [...plan.querySelectorAll(':scope > details:last-of-type li')];
    expect(facts.length).toBeGreaterThan(3);
    for (const f of facts) expect(f.textContent).toMatch(/https:\/\/\S+ \(参照日 \d{4}-\d\d-\d\d/);
  });
});

describe('checklist: OAuth path', () => {
  it('offers the OAuth path for an OAuth-capable model on client submission and shows its steps instead of the password', async () => {
    await bootWith('sharp-bp');
    act(() => {
      appStore.getState().updateJob({ method: 'submission', mailbox: 'scan@contoso.com' });
      appStore.getState().go('checklist');
    });
    const group = screen.getByRole('group', { name: 'How the device signs in' });
    expect(screen.getByText(/Enter the password/)).toBeTruthy();
    fireEvent.click(within(group).getByRole('button', { name: 'OAuth (modern authentication)' }));
    expect(screen.queryByText(/Enter the password/)).toBeNull();
    expect(screen.getByText('Set the authentication method to OAuth 2.0 on the device')).toBeTruthy();
  });
});

describe('reports: plan for every device of a site', () => {
  it("opens the site's reports and shows one line per distinct device (affected, first option)", async () => {
    const { report, listing, diagnosis } = await import('./reports-fixtures');
    const a = report('r1', [diagnosis('fail', '2026-11-20T01:00:00.000Z')]);
    const b = {
      ...report('r2', []),
      job: {
        ...a.job,
        device: { model: 'Sharp BP-50C26', profileId: 'sharp-bp', location: '2F' },
        method: 'submission' as const,
      },
    };
    const c = {
      ...report('r3', []),
      job: { ...a.job, device: { model: 'Relay MFP' }, method: 'relay' as const },
    };
    const stored = [a, b, c];
    install(
      fakeBridge({
        'profiles:list': () => ({ files: files(), problems: [], replaced: [] }),
        'reports:list': () => listing(stored),
        'reports:open': ([id]) => stored.find((r) => r.id === id),
      }),
    );
    await bootWith('sharp-bp');
    act(() => appStore.getState().go('reports'));
    await act(async () => appStore.getState().openReport('r1'));
    const panel = screen.getByRole('region', {
      name: /When Basic authentication goes off: every device at Osaka/,
    });
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Plan for the 3 reports of this site' }));
      await new Promise((r) => setTimeout(r, 20));
    });
    const items = panel.querySelectorAll('li[data-affected]');
    expect([...items].map((li) => li.getAttribute('data-affected'))).toEqual(['yes', 'yes', 'no']);
    expect(items[1]?.textContent).toContain('Sharp BP-50C26 — 2F');
    expect(items[1]?.textContent).toContain('[recommended] Switch to OAuth');
  });
});
