// Pure helpers: visible text, request building, device warnings, step verification, TLS matrix.
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src/shared/model';
import { resolveFromLoaded } from '../../../src/shared/profiles-resolve';
import { buildRequest } from '../../../src/renderer/src/lib/build-request';
import { deviceWarnings } from '../../../src/renderer/src/lib/device-warnings';
import { verificationOf } from '../../../src/renderer/src/lib/step-status';
import { tlsMatrix, deviceGetsThrough } from '../../../src/renderer/src/lib/tls-matrix';
import { visible } from '../../../src/renderer/src/lib/visible-text';
import { emptyJob } from '../../../src/renderer/src/store/job-slice';
import { defaultSettings } from '../../../src/renderer/src/store/settings-slice';
import { bundledFiles } from './fake-api';

describe('visible()', () => {
  it('shows control characters, ANSI escapes and bidi overrides as symbols', () => {
    expect(visible('220 ok\r\n')).toBe('220 ok\u240d\u240a');
    expect(visible('\u001b[31mred\u0000')).toBe('\u241b[31mred\u2400');
    expect(visible('abc\u202Edef')).toBe('abc\u27e8U+202E\u27e9def');
    expect(visible('\u007f')).toBe('\u2421');
  });
  it('cuts very long lines and says by how much', () => {
    const out = visible('x'.repeat(10_000), 100);
    expect(out.startsWith('x'.repeat(100))).toBe(true);
    expect(out).toContain('(+9900)');
  });
});

describe('buildRequest()', () => {
  const base = { settings: defaultSettings(), device: null, password: '', sendTest: false, lab: null };
  it('submission targets smtp.office365.com:587 with the mailbox as user and sender', () => {
    const job = {
      ...emptyJob(),
      method: 'submission' as const,
      mailbox: 'scanner@contoso.com',
      internalRecipient: 'a@contoso.com',
    };
    const r = buildRequest({ ...base, job, password: ' pass with spaces ' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request.target).toMatchObject({
      method: 'submission',
      host: 'smtp.office365.com',
      port: 587,
      user: 'scanner@contoso.com',
      from: 'scanner@contoso.com',
      domain: 'contoso.com',
      to: ['a@contoso.com'],
    });
    expect(r.request.password).toBe(' pass with spaces ');
  });
  it('direct send uses the MX host typed, no user', () => {
    const job = {
      ...emptyJob(),
      method: 'direct-send' as const,
      mxHost: 'contoso-com.mail.protection.outlook.com',
      fromAddress: 'mfp@contoso.com',
      domain: 'contoso.com',
    };
    const r = buildRequest({ ...base, job });
    expect(r.ok && r.request.target).toMatchObject({
      host: 'contoso-com.mail.protection.outlook.com',
      port: 25,
      from: 'mfp@contoso.com',
    });
    expect(r.ok && r.request.target.user).toBeUndefined();
  });
  it("practice leaves from the lab source (the connector stand-in), never from the job's interface", () => {
    const job = { ...emptyJob(), method: 'relay' as const, bind: '192.168.1.20' };
    const lab = {
      scenario: 'healthy',
      connectTo: [],
      caPem: '',
      dnsServer: '127.0.0.1:5353',
      submission: { host: 'smtp.office365.com', address: '127.0.0.1', port: 1587 },
      mx: { host: 'contoso-com.mail.protection.outlook.com', address: '127.0.0.1', port: 1025 },
      tenant: {
        domain: 'contoso.com',
        mxHost: 'contoso-com.mail.protection.outlook.com',
        mailbox: 'scanner@contoso.com',
        password: 'lab',
        connectorIp: '127.0.0.5',
        staleConnectorIp: '127.0.0.77',
        otherSender: 'info@contoso.com',
        internalRecipient: 'staff@contoso.com',
        externalRecipient: 'partner@fabrikam.com',
        oauthToken: '',
        oauth: {} as never,
      },
    } satisfies Parameters<typeof buildRequest>[0]['lab'];
    const withSource = buildRequest({ ...base, job, lab: { ...lab, source: '127.0.0.5' } });
    expect(withSource.ok && withSource.request.target).toMatchObject({
      bind: '127.0.0.5',
      expectedIp: '127.0.0.5',
    });
    const without = buildRequest({ ...base, job, lab });
    expect(without.ok && without.request.target.bind).toBeUndefined();
    const real = buildRequest({ ...base, job });
    expect(real.ok && real.request.target.bind).toBe('192.168.1.20');
  });
  it('names the field when input is invalid', () => {
    const job = { ...emptyJob(), method: 'submission' as const, mailbox: 'a@b.c\nQUIT' };
    const r = buildRequest({ ...base, job });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join()).toMatch(/target\.(user|from)/);
  });
});

describe('deviceWarnings()', () => {
  const files = bundledFiles();
  it('a generic MFP gets warnings with "check on the device" provenance', () => {
    const m = resolveFromLoaded(files, 'generic-mfp');
    expect(m).not.toBeNull();
    if (!m) return;
    const ws = deviceWarnings(m, '', 'contoso.com');
    expect(ws.length).toBeGreaterThan(0);
    expect(ws.some((w) => !w.verified)).toBe(true);
  });
  it('warns when the MX host does not fit the server field', () => {
    const m = resolveFromLoaded(files, 'generic-mfp');
    if (!m) throw new Error('generic-mfp missing');
    const short = {
      ...m,
      capabilities: {
        ...m.capabilities,
        serverFieldMaxLength: { ...m.capabilities.serverFieldMaxLength, value: 20 },
      },
    };
    const w = deviceWarnings(short, 'contoso-com.mail.protection.outlook.com', '').find(
      (x) => x.id === 'server-field-short',
    );
    expect(w?.params).toMatchObject({
      max: '20',
      needed: String('contoso-com.mail.protection.outlook.com'.length),
    });
    const old = {
      ...m,
      capabilities: { ...m.capabilities, maxTls: { ...m.capabilities.maxTls, value: '1.0' as const } },
    };
    expect(deviceWarnings(old, '', '').map((x) => x.id)).toContain('tls-old');
  });
});

describe('verificationOf()', () => {
  const checks = [
    { id: 'tls.submission.matrix', title: '', state: 'pass' as const },
    { id: 'auth', title: '', state: 'fail' as const },
    { id: 'envelope.external', title: '', state: 'running' as const },
  ];
  it('matches exact ids and dot-boundary prefixes only', () => {
    expect(verificationOf('tls.submission', checks)).toBe('pass');
    expect(verificationOf('auth', checks)).toBe('fail');
    expect(verificationOf('envelope.external', checks)).toBe('running');
    expect(verificationOf('tls.sub', checks)).toBe('none');
    expect(verificationOf(undefined, checks)).toBe('none');
  });
});

describe('tlsMatrix()', () => {
  it('compares what the server accepted with what an RSA-only TLS 1.2 device offers', () => {
    const d = {
      device: {
        id: 'x',
        kind: 'mfp',
        label: 'x',
        maxTls: '1.2',
        cipherFamily: 'rsa',
        authMechanisms: ['LOGIN'],
        starttls: true,
        implicitTls: false,
        serverFieldMaxLength: null,
        oauth: false,
      },
      checks: [
        {
          id: 'tls.submission.matrix',
          title: 'TLS',
          status: 'fail',
          startedAt: 0,
          durationMs: 1,
          findings: [],
          details: {
            rows: [
              {
                id: '1.0',
                version: '1.0',
                family: 'any',
                result: 'refused-after',
                reason: '421 4.7.66 TLS 1.0 and 1.1 are not supported',
              },
              {
                id: '1.2-ecdhe',
                version: '1.2',
                family: 'ecdhe',
                result: 'accepted',
                cipher: 'ECDHE-RSA-AES256-GCM-SHA384',
              },
              {
                id: '1.2-rsa',
                version: '1.2',
                family: 'rsa',
                result: 'rejected',
                reason: 'handshake failure',
              },
              { id: '1.3', version: '1.3', family: 'any', result: 'accepted' },
              { id: '1.1', version: '1.1', family: 'any', result: 'unavailable' },
            ],
          },
        },
      ],
    } as unknown as Diagnosis;
    const rows = tlsMatrix(d);
    expect(rows.map((r) => [r.version, r.kex, r.server, r.device])).toEqual([
      ['1.0', 'any', false, true],
      ['1.2', 'ecdhe', true, false],
      ['1.2', 'rsa', false, true],
      ['1.3', 'any', true, false],
      ['1.1', 'any', null, true],
    ]);
    expect(rows[0]?.detail).toContain('4.7.66');
    expect(deviceGetsThrough(rows)).toBe(false);
  });
});
