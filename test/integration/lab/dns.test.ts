// The lab's DNS server answered through node's own resolver (UDP), plus a TCP query, for every lab domain.
import { Resolver } from 'node:dns/promises';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_DOMAINS, startLab, type Lab } from '../../../src/lab';

let lab: Lab;
let resolver: Resolver;
beforeAll(async () => {
  lab = await startLab();
  resolver = new Resolver({ timeout: 2000, tries: 2 });
  resolver.setServers([`${lab.dns.address}:${lab.dns.port}`]);
});
afterAll(async () => {
  await lab.close();
});

const spf = async (domain: string) =>
  (await resolver.resolveTxt(domain)).map((chunks) => chunks.join('')).filter((t) => t.startsWith('v=spf1'));

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return (err as { code?: string }).code ?? 'unknown';
  }
}

describe('lab DNS', () => {
  it('points smtp.office365.com and the tenant MX host at the lab', async () => {
    expect(await resolver.resolve4('smtp.office365.com')).toEqual([lab.submission.address]);
    expect(await resolver.resolve4('SMTP.Office365.com')).toEqual([lab.submission.address]);
    expect(await resolver.resolveMx(LAB_DOMAINS.tenant)).toEqual([
      { exchange: lab.tenant.mxHost, priority: 0 },
    ]);
    expect(await resolver.resolve4(lab.tenant.mxHost)).toEqual([lab.mx.address]);
    const aaaa = await code(resolver.resolve6('smtp.office365.com'));
    // AAAA = ::1 when the lab could also listen there (it can on this machine's loopback), else NODATA.
    if (aaaa === 'resolved') expect(await resolver.resolve6('smtp.office365.com')).toEqual(['::1']);
    else expect(aaaa).toBe('ENODATA');
  });

  it("publishes the tenant's SPF with the connector IP and Exchange's include", async () => {
    expect(await spf(LAB_DOMAINS.tenant)).toEqual([
      `v=spf1 ip4:${lab.tenant.connectorIp} include:spf.protection.outlook.com -all`,
    ]);
    expect((await spf('spf.protection.outlook.com'))[0]).toMatch(/^v=spf1 ip4:40\.92\.0\.0\/15 .* -all$/);
  });

  it('has the broken domains the engine SPF/MX checks need', async () => {
    expect(await spf(LAB_DOMAINS.noSpf)).toEqual([]);
    expect((await resolver.resolveTxt(LAB_DOMAINS.noSpf)).length).toBe(1); // only the MS= verification record
    expect(await spf(LAB_DOMAINS.twoSpf)).toHaveLength(2);
    expect((await spf(LAB_DOMAINS.noExchangeInclude))[0]).not.toContain('include:spf.protection.outlook.com');
    expect((await spf(LAB_DOMAINS.noEgressIp))[0]).not.toContain(lab.tenant.connectorIp);
    expect((await resolver.resolveMx(LAB_DOMAINS.mxNotExchange))[0]?.exchange).toBe(
      'mail.adventure-works.com',
    );
    expect(await code(resolver.resolveMx(LAB_DOMAINS.noMx))).toBe('ENODATA');
    expect(await code(resolver.resolveMx(LAB_DOMAINS.unknown))).toBe('ENOTFOUND');
    expect(await code(resolver.resolve4('no-such-host.contoso.com'))).toBe('ENOTFOUND');
  });

  it('answers over TCP on the same port', async () => {
    const query = dnsPacket.streamEncode({
      type: 'query',
      id: 7,
      flags: dnsPacket.RECURSION_DESIRED,
      questions: [{ type: 'MX', name: 'contoso.com' }],
    });
    const reply = await new Promise<Buffer>((resolve, reject) => {
      const s = net.connect({ host: lab.dns.address, port: lab.dns.port });
      const chunks: Buffer[] = [];
      const t = setTimeout(() => reject(new Error('no TCP DNS answer')), 3000);
      s.on('data', (d: Buffer) => {
        chunks.push(d);
        const all = Buffer.concat(chunks);
        if (all.length >= 2 && all.length >= 2 + all.readUInt16BE(0)) {
          clearTimeout(t);
          s.destroy();
          resolve(all);
        }
      });
      s.on('error', reject);
      s.write(query);
    });
    const decoded = dnsPacket.streamDecode(reply);
    expect(decoded.id).toBe(7);
    expect(decoded.answers?.[0]).toMatchObject({ type: 'MX', data: { exchange: lab.tenant.mxHost } });
  });

  it('ignores garbage without dying', async () => {
    const dgram = await import('node:dgram');
    const sock = dgram.createSocket('udp4');
    await new Promise<void>((resolve) =>
      sock.send(Buffer.from('not dns at all'), lab.dns.port, lab.dns.address, () => resolve()),
    );
    sock.close();
    expect(await resolver.resolve4('smtp.office365.com')).toEqual([lab.submission.address]);
  });
});
