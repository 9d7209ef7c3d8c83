// What to check when capture mode listens and no device connects: most likely first. (1) The device's server
// field and port against the address shown, (2) this laptop's own firewall — on Windows the network profile and
// an inbound rule for the port, with the exact command to allow it for this session and the one to remove it;
// on macOS the application firewall; on Linux ufw — (3) the device and the laptop on the same segment.
// Pure data per language, so the app and the CLI say the same thing and a test can read it per platform.
//
// Sources (read 2026-12-02):
// - netsh advfirewall firewall add/delete rule (name, dir=in, action=allow, protocol=TCP, localport, remoteip with the
//   LocalSubnet token): https://learn.microsoft.com/en-us/windows/win32/api/netfw/nf-netfw-inetfwrule-get_remoteaddresses
//   (RemoteAddresses tokens incl. "LocalSubnet") and https://learn.microsoft.com/en-us/troubleshoot/windows-server/networking/netsh-advfirewall-firewall-control-firewall-behavior
// - New-NetFirewallRule / Remove-NetFirewallRule / Get-NetConnectionProfile (NetSecurity and NetConnection modules):
//   https://learn.microsoft.com/en-us/powershell/module/netsecurity/new-netfirewallrule
// - macOS application firewall: https://support.apple.com/guide/mac-help/change-firewall-settings-on-mac-mh11783/mac
//   (System Settings > Network > Firewall > Options). The socketfilterfw path is from its man page, unverified here.
import type { Lang } from './model';

/** Node's process.platform value ('win32', 'darwin', 'linux', ...). */
export type HintPlatform = string;

export interface HintCommand {
  /** What the command does, in the reader's language. */
  label: string;
  /** Exactly what to type (copyable). */
  cmd: string;
}

export interface NoDeviceHint {
  id: 'server-field' | 'firewall' | 'segment';
  title: string;
  body: string;
  commands: HintCommand[];
}

export interface NoDeviceInput {
  platform: HintPlatform;
  /** Where the listener is bound. */
  listening: { address: string; port: number }[];
  /** This laptop's interfaces (to name the listener's subnet). */
  interfaces: { address: string; cidr?: string | null; internal?: boolean }[];
}

/** How long capture waits for a first device before it shows these hints, in milliseconds. */
export const NO_DEVICE_HINT_AFTER_MS = 60_000;

/** Firewall rule name used by the commands (the remove command must name the same rule). */
export const firewallRuleName = (port: number) => `Device Mail Doctor capture ${port}`;

/** "192.168.1.0/24" for "192.168.1.20/24"; null for IPv6 or anything unparsable. */
export function ipv4Subnet(cidr: string): string | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!m) return null;
  const parts = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (parts.some((p) => p > 255) || bits > 32) return null;
  const ip = parts.reduce((acc, p) => acc * 256 + p, 0);
  const net = Math.floor(ip / 2 ** (32 - bits)) * 2 ** (32 - bits);
  const out = [24, 16, 8, 0].map((s) => Math.floor(net / 2 ** s) % 256);
  return `${out.join('.')}/${bits}`;
}

function windowsCommands(port: number, lang: Lang): HintCommand[] {
  const name = firewallRuleName(port);
  const ja = lang === 'ja';
  return [
    {
      label: ja
        ? 'ネットワーク プロファイルを確認（NetworkCategory が Public だと受信が止められやすい）'
        : 'Check the network profile (Public blocks inbound connections most often)',
      cmd: 'Get-NetConnectionProfile | Format-Table Name,InterfaceAlias,NetworkCategory',
    },
    {
      label: ja
        ? 'この作業の間だけポートを許可（同じサブネットからのみ。管理者として実行）'
        : 'Allow the port for this session (same subnet only; run as administrator)',
      cmd: `New-NetFirewallRule -DisplayName "${name}" -Direction Inbound -Protocol TCP -LocalPort ${port} -RemoteAddress LocalSubnet -Action Allow`,
    },
    {
      label: ja ? '作業後に許可を削除' : 'Remove the rule afterwards',
      cmd: `Remove-NetFirewallRule -DisplayName "${name}"`,
    },
    {
      label: ja
        ? '同じ許可をコマンド プロンプトで（管理者として実行）'
        : 'The same with Command Prompt (run as administrator)',
      cmd: `netsh advfirewall firewall add rule name="${name}" dir=in action=allow protocol=TCP localport=${port} remoteip=localsubnet`,
    },
    {
      label: ja ? 'コマンド プロンプトで削除' : 'Remove it with Command Prompt',
      cmd: `netsh advfirewall firewall delete rule name="${name}"`,
    },
  ];
}

function firewallHint(platform: HintPlatform, port: number, lang: Lang): NoDeviceHint {
  const ja = lang === 'ja';
  if (platform === 'win32') {
    return {
      id: 'firewall',
      title: ja ? 'この PC の Windows ファイアウォール' : 'This PC’s Windows Firewall',
      body: ja
        ? `Windows ファイアウォールがポート ${port} への受信を止めている可能性があります。ネットワーク プロファイルが「パブリック」のときに多く起こります。下のコマンドでこの作業の間だけ許可し、終わったら削除してください。`
        : `Windows Firewall may block inbound connections to port ${port}, most often when the network profile is Public. Allow it for this session with the command below and remove the rule when you are done.`,
      commands: windowsCommands(port, lang),
    };
  }
  if (platform === 'darwin') {
    return {
      id: 'firewall',
      title: ja ? 'この Mac のアプリケーション ファイアウォール' : 'This Mac’s application firewall',
      body: ja
        ? '［システム設定］>［ネットワーク］>［ファイアウォール］>［オプション］で Device Mail Doctor への着信接続を許可してください（「外部からの接続をすべてブロック」がオンだと許可できません）。作業後は元に戻してください。'
        : 'In System Settings > Network > Firewall > Options, allow incoming connections for Device Mail Doctor ("Block all incoming connections" must be off). Put it back when you are done.',
      commands: [
        {
          label: ja ? 'ファイアウォールの状態を確認' : 'Check the firewall state',
          cmd: '/usr/libexec/ApplicationFirewall/socketfilterfw --getglobalstate',
        },
      ],
    };
  }
  return {
    id: 'firewall',
    title: ja ? 'この PC のファイアウォール' : 'This computer’s firewall',
    body: ja
      ? `ファイアウォール（ufw など）がポート ${port} への受信を止めていないか確認してください。`
      : `Check that a firewall (ufw, nftables) does not block inbound connections to port ${port}.`,
    commands: [
      {
        label: ja ? 'この作業の間だけ許可（ufw）' : 'Allow for this session (ufw)',
        cmd: `sudo ufw allow ${port}/tcp`,
      },
      {
        label: ja ? '作業後に削除（ufw）' : 'Remove afterwards (ufw)',
        cmd: `sudo ufw delete allow ${port}/tcp`,
      },
    ],
  };
}

/** The hints, most likely first, for the platform the app runs on. */
export function noDeviceHints(input: NoDeviceInput, lang: Lang): NoDeviceHint[] {
  const ja = lang === 'ja';
  const first = input.listening[0];
  const port = first?.port ?? 2525;
  const shown = input.listening.map((l) => `${l.address}:${l.port}`).join(', ');
  const subnets = input.listening
    .map((l) => input.interfaces.find((i) => i.address === l.address)?.cidr)
    .filter((c): c is string => typeof c === 'string')
    .map(ipv4Subnet)
    .filter((c): c is string => c !== null);
  const subnet = [...new Set(subnets)].join(', ');
  return [
    {
      id: 'server-field',
      title: ja ? '機器のサーバー名とポート' : 'The device’s server and port',
      body: ja
        ? `機器の SMTP サーバー欄が ${first?.address ?? 'この PC のアドレス'}、ポートが ${port} になっているか確認してください（表示中の待ち受け: ${shown}）。設定を保存したあと、機器からテスト送信（スキャン送信など）を実行してください。`
        : `Check that the device’s SMTP server field is ${first?.address ?? 'this computer’s address'} and its port is ${port} (listening on: ${shown}). Save the settings, then send a test from the device (e.g. scan to email).`,
      commands: [],
    },
    firewallHint(input.platform, port, lang),
    {
      id: 'segment',
      title: ja ? '機器とこの PC が同じネットワークにあるか' : 'Device and this computer on the same network',
      body: ja
        ? `機器の IP アドレス（操作パネルのネットワーク設定に表示）が、この PC の待ち受けているネットワーク${subnet ? ` ${subnet}` : ''} に含まれるか確認してください。違う場合は、機器と同じネットワークのアドレスで待ち受けるか、機器と同じネットワークに接続してください。`
        : `Check that the device’s IP address (in its network settings on the panel) is inside the network this computer listens on${subnet ? ` (${subnet})` : ''}. If not, listen on an address in the device’s network, or plug into it.`,
      commands: [],
    },
  ];
}
