// The capture screen's "no device yet" box: hidden while a session exists or before the wait is over, then the
// hints for this laptop's OS with copy buttons on the commands (they are values to type).
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoDeviceHints } from '../../../src/renderer/src/features/capture/NoDeviceHints';
import { appStore } from '../../../src/renderer/src/store';

const initial = appStore.getState();
const wait = (ms: number) => act(async () => new Promise((r) => setTimeout(r, ms)));

function listening(platform: string) {
  appStore.setState({
    appInfo: { ...(initial.appInfo ?? {}), platform } as never,
    interfaces: [
      {
        name: 'eth0',
        address: '192.168.1.20',
        family: 'IPv4',
        internal: false,
        cidr: '192.168.1.20/24',
        mac: '',
      },
    ] as never,
    capture: {
      ...initial.capture,
      phase: 'running',
      listening: [{ address: '192.168.1.20', port: 2525, implicitTls: false }] as never,
      sessions: [],
    },
  });
}

beforeEach(() => {
  localStorage.clear();
  appStore.setState(initial, true);
});
afterEach(cleanup);

describe('no-device hints on the capture screen', () => {
  it('appear only after the wait, on Windows with the allow and remove commands', async () => {
    listening('win32');
    render(<NoDeviceHints afterMs={200} />);
    expect(document.querySelector('[data-no-device-hints]')).toBeNull();
    await wait(600);
    const box = document.querySelector('[data-no-device-hints]');
    expect(box).not.toBeNull();
    expect(
      [...(box?.querySelectorAll('[data-hint]') ?? [])].map((li) => li.getAttribute('data-hint')),
    ).toEqual(['server-field', 'firewall', 'segment']);
    expect(box?.textContent).toContain('New-NetFirewallRule');
    expect(box?.textContent).toContain('Remove-NetFirewallRule');
    expect(screen.getAllByRole('button').length).toBeGreaterThanOrEqual(5); // one copy button per command
  });

  it('stay hidden once a device has connected', async () => {
    listening('darwin');
    appStore.setState((s) => ({
      capture: {
        ...s.capture,
        sessions: [{ index: 0, diagnosis: {} as never, saved: null, saveError: null }],
      },
    }));
    render(<NoDeviceHints afterMs={100} />);
    await wait(400);
    expect(document.querySelector('[data-no-device-hints]')).toBeNull();
  });
});
