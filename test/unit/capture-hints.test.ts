// When no device connects: the hints come most likely first, and the firewall hint fits the laptop's OS — on
// Windows the network profile, an inbound rule for exactly this port and its removal; on macOS the application
// firewall; elsewhere ufw. Same subnet named from the interface the listener is bound to.
import { describe, expect, it } from 'vitest';
import { firewallRuleName, ipv4Subnet, noDeviceHints } from '../../src/shared/capture-hints';

const input = (platform: string) => ({
  platform,
  listening: [{ address: '192.168.1.20', port: 2525 }],
  interfaces: [{ address: '192.168.1.20', cidr: '192.168.1.20/24' }],
});

describe('no-device hints', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`Windows: server field first, then the profile and an allow/remove rule pair for this port (${lang})`, () => {
      const hints = noDeviceHints(input('win32'), lang);
      expect(hints.map((h) => h.id)).toEqual(['server-field', 'firewall', 'segment']);
      expect(hints[0]?.body).toContain('192.168.1.20');
      expect(hints[0]?.body).toContain('2525');
      const cmds = hints[1]?.commands.map((c) => c.cmd) ?? [];
      expect(cmds[0]).toMatch(/^Get-NetConnectionProfile/);
      const name = firewallRuleName(2525);
      expect(cmds).toContain(
        `New-NetFirewallRule -DisplayName "${name}" -Direction Inbound -Protocol TCP -LocalPort 2525 -RemoteAddress LocalSubnet -Action Allow`,
      );
      expect(cmds).toContain(`Remove-NetFirewallRule -DisplayName "${name}"`);
      expect(cmds).toContain(
        `netsh advfirewall firewall add rule name="${name}" dir=in action=allow protocol=TCP localport=2525 remoteip=localsubnet`,
      );
      expect(cmds).toContain(`netsh advfirewall firewall delete rule name="${name}"`);
      expect(hints[2]?.body).toContain('192.168.1.0/24');
    });

    it(`macOS: the application firewall, no Windows command (${lang})`, () => {
      const fw = noDeviceHints(input('darwin'), lang)[1];
      expect(fw?.body).toMatch(lang === 'ja' ? /ファイアウォール.*オプション/ : /Firewall > Options/);
      expect(fw?.commands.map((c) => c.cmd).join('\n')).toContain('socketfilterfw --getglobalstate');
      expect(fw?.commands.map((c) => c.cmd).join('\n')).not.toMatch(/netsh|NetFirewall/);
    });

    it(`Linux: ufw allow and delete for this port (${lang})`, () => {
      const cmds = noDeviceHints(input('linux'), lang)[1]?.commands.map((c) => c.cmd);
      expect(cmds).toEqual(['sudo ufw allow 2525/tcp', 'sudo ufw delete allow 2525/tcp']);
    });
  }

  it('subnets', () => {
    expect(ipv4Subnet('192.168.1.20/24')).toBe('192.168.1.0/24');
    expect(ipv4Subnet('10.1.2.3/8')).toBe('10.0.0.0/8');
    expect(ipv4Subnet('fe80::1/64')).toBeNull();
  });
});
