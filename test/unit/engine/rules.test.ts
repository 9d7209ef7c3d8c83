import { describe, expect, it } from 'vitest';
import { parseConnectTo } from '../../../src/cli/commands/diagnose';
import { deviceAuthVerdict, deviceVerdict } from '../../../src/main/engine/plans/device-verdict';
import { parseDnsServer } from '../../../src/main/engine/protocol/dns';
import { pickRecipients } from '../../../src/main/engine/plans/plans';
import { egressIpFrom, parseCapabilities } from '../../../src/main/engine/protocol/smtp-session';
import { includesExchange, parseSpf, spfCoversIp } from '../../../src/main/engine/checks/spf';
import { applyConnectTo, classifyTcpError } from '../../../src/main/engine/protocol/tcp';
import type { ProbeRow } from '../../../src/main/engine/checks/tls-probe';
import type { DeviceProfile } from '../../../src/shared/model';

describe('SPF', () => {
  const rec = parseSpf(
    'v=spf1 ip4:203.0.113.0/24 ip6:2001:db8::/32 include:spf.protection.outlook.com mx a:x.test -all',
  );
  it('parses includes, ranges, qualifier and lookup count', () => {
    expect(includesExchange(rec)).toBe(true);
    expect(rec.all).toBe('-all');
    expect(rec.lookups).toBe(3);
  });
  it('matches the egress IP against ip4/ip6 CIDRs', () => {
    expect(spfCoversIp(rec, '203.0.113.77')).toBe(true);
    expect(spfCoversIp(rec, '203.0.114.1')).toBe(false);
    expect(spfCoversIp(rec, '2001:db8:1::5')).toBe(true);
    expect(spfCoversIp(parseSpf('v=spf1 ip4:198.51.100.7 ~all'), '198.51.100.7')).toBe(true);
    expect(spfCoversIp(parseSpf('v=spf1 ip4:bogus/99 ~all'), '198.51.100.7')).toBe(false);
  });
});

describe('addresses and names', () => {
  it('parses DNS servers with and without ports', () => {
    expect(parseDnsServer('192.0.2.53')).toEqual({ address: '192.0.2.53', port: 53 });
    expect(parseDnsServer('127.0.0.1:5353')).toEqual({ address: '127.0.0.1', port: 5353 });
    expect(parseDnsServer('::1')).toEqual({ address: '::1', port: 53 });
    expect(parseDnsServer('[::1]:5353')).toEqual({ address: '::1', port: 5353 });
    expect(parseDnsServer('dns.example:53')).toBeNull();
    expect(parseDnsServer('1.2.3.4:70000')).toBeNull();
  });

  it('applies --connect-to with curl semantics', () => {
    const rules = [parseConnectTo('smtp.office365.com:587:127.0.0.1:2525'), parseConnectTo('::[::1]:2626')];
    expect(applyConnectTo('SMTP.office365.com', 587, rules)).toEqual({ host: '127.0.0.1', port: 2525 });
    expect(applyConnectTo('other.test', 25, rules)).toEqual({ host: '::1', port: 2626 });
    expect(() => parseConnectTo('smtp.office365.com:587:127.0.0.1')).toThrow(/HOST:PORT:ADDR:PORT/);
  });

  it('classifies socket errors', () => {
    expect(classifyTcpError('ECONNREFUSED')).toBe('refused');
    expect(classifyTcpError('EHOSTUNREACH')).toBe('unreachable');
    expect(classifyTcpError('ECONNRESET')).toBe('reset');
    expect(classifyTcpError('EADDRNOTAVAIL')).toBe('bind');
  });

  it('reads capabilities and the egress IP from EHLO', () => {
    const r = {
      code: 250,
      enhanced: null,
      raw: [],
      lines: [
        'h.outlook.office365.com Hello [203.0.113.7]',
        'PIPELINING',
        'AUTH LOGIN XOAUTH2',
        'SIZE 157286400',
        'STARTTLS',
      ],
    };
    expect(parseCapabilities(r)).toMatchObject({
      auth: ['LOGIN', 'XOAUTH2'],
      pipelining: true,
      starttls: true,
      size: 157286400,
    });
    expect(egressIpFrom(r)).toBe('203.0.113.7');
  });

  it('picks one internal and one external recipient, the sender standing in as internal', () => {
    expect(
      pickRecipients(['a@fabrikam.test', 'b@contoso.test'], 'contoso.test', 'scan@contoso.test'),
    ).toEqual([
      { address: 'b@contoso.test', kind: 'internal' },
      { address: 'a@fabrikam.test', kind: 'external' },
    ]);
    expect(pickRecipients([], undefined, 'scan@contoso.test')).toEqual([
      { address: 'scan@contoso.test', kind: 'internal' },
    ]);
  });
});

describe('device verdict', () => {
  const row = (
    id: string,
    version: ProbeRow['version'],
    family: ProbeRow['family'],
    result: ProbeRow['result'],
  ): ProbeRow => ({ id, version, family, result, protocol: null, cipher: null, reason: null, ms: 1 });
  const exo = [
    row('1.3', '1.3', 'any', 'accepted'),
    row('1.2-ecdhe', '1.2', 'ecdhe', 'accepted'),
    row('1.2-rsa', '1.2', 'rsa', 'rejected'),
    row('1.1', '1.1', 'any', 'rejected'),
    row('1.0', '1.0', 'any', 'rejected'),
  ];
  const dev = (
    maxTls: DeviceProfile['maxTls'],
    cipherFamily: DeviceProfile['cipherFamily'],
  ): DeviceProfile => ({
    id: 'd',
    kind: 'mfp',
    label: 'd',
    maxTls,
    cipherFamily,
    authMechanisms: ['LOGIN'],
    starttls: true,
    implicitTls: false,
    serverFieldMaxLength: null,
    oauth: false,
  });
  const opts = { tlsRequired: true, host: 'smtp.office365.com' };

  it('passes a modern device, fails RSA-only and TLS 1.0 devices with the right finding', () => {
    expect(deviceVerdict(dev('1.2', 'any'), exo, opts).status).toBe('pass');
    expect(deviceVerdict(dev('1.2', 'rsa'), exo, opts).findings?.map((f) => f.code)).toEqual([
      'TLS_CIPHER_MISMATCH',
    ]);
    expect(deviceVerdict(dev('1.0', 'any'), exo, opts).findings?.map((f) => f.code)).toEqual([
      'TLS_VERSION_UNSUPPORTED',
    ]);
    expect(deviceVerdict(dev(null, 'any'), exo, opts).status).toBe('fail');
  });

  it('on the MX endpoint a device without a working TLS still sends (in clear): warn, not fail', () => {
    expect(deviceVerdict(dev('1.0', 'any'), exo, { ...opts, tlsRequired: false }).status).toBe('warn');
    expect(deviceVerdict(dev(null, 'any'), exo, { ...opts, tlsRequired: false }).status).toBe('pass');
  });

  it('uses the exact-cipher probe when the device list is known', () => {
    const rows = [...exo, row('device', '1.2', 'any', 'rejected')];
    expect(deviceVerdict({ ...dev('1.2', 'any'), ciphers: 'AES128-SHA' }, rows, opts).status).toBe('fail');
    // A list this TLS library cannot even load is not evidence: the family rows decide.
    const unknown = [...exo, row('device', '1.2', 'any', 'unavailable')];
    expect(deviceVerdict({ ...dev('1.2', 'any'), ciphers: 'NOT-A-CIPHER' }, unknown, opts).status).toBe(
      'pass',
    );
  });

  it("Exchange's post-handshake 421 4.7.66 is a refusal: TLS_VERSION_UNSUPPORTED with that reply as first evidence", () => {
    const refusal =
      '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. [AB1PR01CA0001.outlook.office365.com 2026-11-23T01:20:00.123Z 08DD0A1B2C3D4E5F]';
    const after = (id: string, version: ProbeRow['version'], reason: string): ProbeRow => ({
      ...row(id, version, 'any', 'refused-after'),
      protocol: `TLSv${version}`,
      reason,
    });
    const rows = [...exo.slice(0, 3), after('1.1', '1.1', refusal), after('1.0', '1.0', refusal)];
    const v = deviceVerdict(dev('1.0', 'any'), rows, opts);
    expect(v.status).toBe('fail');
    expect(v.findings?.map((f) => f.code)).toEqual(['TLS_VERSION_UNSUPPORTED']);
    expect(v.findings?.[0]?.evidence?.[0]).toBe(refusal);
    expect(v.findings?.[0]?.evidence?.filter((e) => e === refusal)).toHaveLength(1);
    // The same device with its exact cipher list: the exact probe's 421 decides and is quoted.
    const exact = deviceVerdict(
      { ...dev('1.0', 'any'), ciphers: 'AES128-SHA' },
      [...rows, after('device', '1.0', refusal)],
      opts,
    );
    expect(exact.findings?.map((f) => f.code)).toEqual(['TLS_VERSION_UNSUPPORTED']);
    expect(exact.findings?.[0]?.evidence?.[0]).toBe(refusal);
    // A post-handshake reply that is not about the TLS version is listed, but not quoted as the reason.
    const busy = deviceVerdict(
      dev('1.0', 'any'),
      [...exo.slice(0, 3), after('1.0', '1.0', '421 4.3.2 Service not available')],
      opts,
    );
    expect(busy.findings?.[0]?.evidence?.[0]).toMatch(/^1\.3: accepted/);
  });
});

describe('device sign-in fit', () => {
  const base: DeviceProfile = {
    id: 'd',
    kind: 'mfp',
    label: 'd',
    maxTls: '1.2',
    cipherFamily: 'any',
    authMechanisms: ['PLAIN', 'CRAM-MD5'],
    starttls: true,
    implicitTls: false,
    serverFieldMaxLength: null,
    oauth: false,
  };
  it('a PLAIN/CRAM-MD5-only device cannot sign in to an endpoint offering LOGIN XOAUTH2', () => {
    expect(deviceAuthVerdict(base, ['LOGIN', 'XOAUTH2']).findings?.map((f) => f.code)).toEqual([
      'AUTH_MECHANISM_UNSUPPORTED',
    ]);
    expect(deviceAuthVerdict({ ...base, oauth: true }, ['LOGIN', 'XOAUTH2']).status).toBe('pass');
  });
  it('an implicit-TLS-only device gets TLS_MODE_MISMATCH', () => {
    const d = deviceAuthVerdict({ ...base, authMechanisms: ['LOGIN'], starttls: false, implicitTls: true }, [
      'LOGIN',
    ]);
    expect(d.findings?.map((f) => f.code)).toEqual(['TLS_MODE_MISMATCH']);
  });
});
