// diagnose's OAuth flags: --auth oauth-device-code|oauth-client-credentials with --tenant, --client-id and the
// app's credential (--client-secret-env VAR, or --client-cert FILE + --client-cert-key FILE). A client secret is
// never a plain argument. Bad combinations are usage errors (exit 2) before anything is sent.
import { readFile } from 'node:fs/promises';
import type { Lang } from '../../shared/model';
// Types only: msal-node (behind acquire.ts) loads when an OAuth flow is really asked for, not for Basic runs.
import type { DeviceCodeInfo, OauthFlow } from '../../main/oauth/acquire';
import { UsageError, printable, type CliIo } from '../io';

/** Largest certificate or key file read, in bytes. */
const MAX_PEM_BYTES = 100_000;

export interface OauthInput {
  flow: OauthFlow;
  tenant: string;
  clientId: string;
  clientSecret?: string;
  clientCert?: { certPem: string; keyPem: string };
  authority?: string;
}

async function pem(flag: string, file: string, marker: RegExp): Promise<string> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`--${flag} ${printable(file)}: cannot read (${e.code ?? 'error'})`);
  });
  if (text.length > MAX_PEM_BYTES || !marker.test(text))
    throw new UsageError(`--${flag} ${printable(file)}: not a PEM file of the right kind`);
  return text;
}

export async function oauthInput(v: Record<string, unknown>, io: CliIo): Promise<OauthInput | null> {
  const auth = (v.auth as string | undefined) ?? 'basic';
  const oauthFlags = [
    'tenant',
    'client-id',
    'client-secret-env',
    'client-cert',
    'client-cert-key',
    'authority',
  ].filter((f) => v[f] !== undefined);
  if (v['client-secret'] !== undefined)
    throw new UsageError('a client secret is never a plain argument: use --client-secret-env VAR');
  if (auth === 'basic') {
    if (oauthFlags.length > 0)
      throw new UsageError(
        `--${oauthFlags[0]} needs --auth oauth-device-code or --auth oauth-client-credentials`,
      );
    return null;
  }
  if (auth !== 'oauth-device-code' && auth !== 'oauth-client-credentials')
    throw new UsageError('--auth must be basic, oauth-device-code or oauth-client-credentials');
  for (const f of ['password-stdin', 'password-env', 'oauth-token-env']) {
    if (v[f] !== undefined)
      throw new UsageError(`--${f} does not go with --auth ${auth} (the token is obtained by the app)`);
  }
  if (v.user === undefined)
    throw new UsageError(`--auth ${auth} needs --user (the mailbox to sign in as, sent as the XOAUTH2 user)`);
  const tenant = v.tenant as string | undefined;
  const clientId = v['client-id'] as string | undefined;
  if (!tenant || !clientId) throw new UsageError(`--auth ${auth} needs --tenant and --client-id`);
  const out: OauthInput = { flow: auth, tenant, clientId };
  const secretEnv = v['client-secret-env'] as string | undefined;
  const certFile = v['client-cert'] as string | undefined;
  const keyFile = v['client-cert-key'] as string | undefined;
  if (secretEnv !== undefined && (certFile ?? keyFile) !== undefined)
    throw new UsageError('give either --client-secret-env or --client-cert with --client-cert-key, not both');
  if (secretEnv !== undefined) {
    const val = io.env[secretEnv];
    if (!val)
      throw new UsageError(
        `--client-secret-env ${printable(secretEnv)}: that environment variable is empty or not set`,
      );
    out.clientSecret = val;
  }
  if ((certFile === undefined) !== (keyFile === undefined))
    throw new UsageError('--client-cert and --client-cert-key go together');
  if (certFile !== undefined && keyFile !== undefined) {
    out.clientCert = {
      certPem: await pem('client-cert', certFile, /-----BEGIN CERTIFICATE-----/),
      keyPem: await pem('client-cert-key', keyFile, /-----BEGIN (RSA |EC )?PRIVATE KEY-----/),
    };
  }
  const authority = v.authority as string | undefined;
  if (authority !== undefined) {
    let u: URL;
    try {
      u = new URL(authority);
    } catch {
      throw new UsageError(`--authority must be an https URL (got "${printable(authority)}")`);
    }
    if (u.protocol !== 'https:')
      throw new UsageError(`--authority must be an https URL (got "${printable(authority)}")`);
    out.authority = authority;
  }
  const { checkAcquireInput } = await import('../../main/oauth/acquire');
  const problem = checkAcquireInput(out);
  if (problem) throw new UsageError(problem);
  return out;
}

export function deviceCodeText(info: DeviceCodeInfo, lang: Lang): string {
  const minutes = Math.max(1, Math.round(info.expiresIn / 60));
  return lang === 'ja'
    ? `\nサインイン: ブラウザーで ${info.verificationUri} を開き、コード ${info.userCode} を入力してください（${minutes} 分以内）。待機中… Ctrl+C で取り消し。\n\n`
    : `\nSign in: open ${info.verificationUri} in a browser and enter the code ${info.userCode} (within ${minutes} min). Waiting… Ctrl+C cancels.\n\n`;
}
