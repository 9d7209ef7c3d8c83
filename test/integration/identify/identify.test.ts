// identify against real agents started by the test on loopback: Debian's snmpd configured per test with values
// recorded from real devices (LibreNMS test recordings tests/snmpsim/{sharp,xerox,ricoh,brother,kyocera}.snmprec,
// read 2026-12-02) and CUPS' ippeveprinter announcing a make-and-model and firmware. Silent, wrong-community and
// non-printer peers must each end in a clear answer within the deadline.
import { afterAll, beforeAll, expect } from 'vitest';
import { IDENTIFY_DEADLINE_MS, identifyDevice } from '../../../src/main/identify';
import { loadProfiles } from '../../../src/main/store/profiles-loader';
import type { LoadedProfileFile } from '../../../src/shared/profiles-resolve';
import { describePeers, firstMissing, itPeers } from '../../helpers/peers';
import {
  freeTcpPort,
  ippevePrinterMissing,
  snmpdMissing,
  startIppEvePrinter,
  startSilentTcp,
  startSilentUdp,
  startSnmpd,
} from '../../helpers/snmp-agents';

const T = 30_000;
const OID = {
  hrDeviceType1: '.1.3.6.1.2.1.25.3.2.1.2.1',
  hrDeviceDescr1: '.1.3.6.1.2.1.25.3.2.1.3.1',
  prtGeneralSerialNumber1: '.1.3.6.1.2.1.43.5.1.1.17.1',
  hrDevicePrinter: '.1.3.6.1.2.1.25.3.1.5',
};

let profiles: LoadedProfileFile[] = [];
beforeAll(async () => {
  profiles = (await loadProfiles({ builtinDir: 'resources/printers' })).files;
});

/** An IPP port where nothing listens (the SNMP-only cases). */
async function closedIppPort(): Promise<number> {
  return freeTcpPort();
}

describePeers('identify over SNMP against a private snmpd', snmpdMissing(), () => {
  itPeers(
    'Sharp MX-3570N (recorded values): Sharp by enterprise 2385, MX series by pattern, serial from Printer-MIB',
    null,
    { timeout: T },
    async () => {
      const agent = await startSnmpd({
        community: 'public',
        sysDescr: 'SHARP MX-3570N',
        sysObjectID: '.1.3.6.1.4.1.2385.3.1.112.1.2',
        strings: { [OID.hrDeviceDescr1]: 'SHARP MX-3570N', [OID.prtGeneralSerialNumber1]: '6509415X00' },
        oids: { [OID.hrDeviceType1]: OID.hrDevicePrinter },
      });
      try {
        const e = await identifyDevice(
          { address: '127.0.0.1', snmpPort: agent.port, ippPort: await closedIppPort() },
          { profiles },
        );
        expect(e.snmp.status).toBe('answered');
        expect(e.snmp.version).toBe('v2c');
        expect(e.snmp.printerMib).toBe(true);
        expect(e.ipp.status).toBe('refused');
        expect(e.outcome).toBe('identified');
        expect(e.vendor).toEqual({ name: 'Sharp', enterprise: 2385, verified: true });
        expect(e.serial).toBe('6509415X00');
        expect(e.match?.modelId).toBe('sharp-mx');
        expect(e.match?.confidence).toBe('medium');
        expect(e.match?.generationId).toBeNull();
        expect(e.match?.reasons.map((r) => r.kind).sort()).toEqual([
          'enterprise',
          'series-pattern',
          'series-pattern',
        ]);
      } finally {
        await agent.stop();
      }
    },
  );

  itPeers(
    'Ricoh MP 3053 on an agent that speaks only SNMPv1: falls back to v1 and reads the firmware from sysDescr',
    null,
    { timeout: T },
    async () => {
      const agent = await startSnmpd({
        community: 'public',
        versions: 'v1',
        sysDescr:
          'RICOH MP 3053 1.09 / RICOH Network Printer C model / RICOH Network Scanner C model / RICOH Network Facsimile C model',
        sysObjectID: '.1.3.6.1.4.1.367.1.1',
        strings: { [OID.prtGeneralSerialNumber1]: 'E175M000001' },
      });
      try {
        const e = await identifyDevice(
          { address: '127.0.0.1', snmpPort: agent.port, ippPort: await closedIppPort() },
          { profiles },
        );
        expect(e.snmp.version).toBe('v1');
        expect(e.snmp.values.sysObjectID).toBe('1.3.6.1.4.1.367.1.1');
        expect(e.snmp.values.prtGeneralSerialNumber).toBe('E175M000001');
        expect(e.firmware).toBe('1.09');
        expect(e.match?.modelId).toBe('ricoh-mp');
        expect(e.vendor?.name).toBe('Ricoh');
        expect(e.elapsedMs).toBeLessThan(IDENTIFY_DEADLINE_MS);
      } finally {
        await agent.stop();
      }
    },
  );

  itPeers(
    'Brother (recorded): model from hrDeviceDescr "Brother MFC-L2710DW series", firmware from the NC-8300h sysDescr',
    null,
    { timeout: T },
    async () => {
      const agent = await startSnmpd({
        community: 'public',
        sysDescr: 'Brother NC-8300h, Firmware Ver.1.14  (14.11.06),MID 8C5-F01,FID 2',
        sysObjectID: '.1.3.6.1.4.1.2435.2.3.9.1',
        strings: { [OID.hrDeviceDescr1]: 'Brother MFC-L2710DW series' },
        oids: { [OID.hrDeviceType1]: OID.hrDevicePrinter },
      });
      try {
        const e = await identifyDevice(
          { address: '127.0.0.1', snmpPort: agent.port, ippPort: await closedIppPort() },
          { profiles },
        );
        expect(e.match?.modelId).toBe('brother-mfc-l');
        expect(e.model).toBe('Brother MFC-L2710DW series');
        expect(e.firmware).toBe('1.14');
      } finally {
        await agent.stop();
      }
    },
  );

  itPeers(
    'Kyocera with a generic sysDescr (recorded): vendor only, no profile guessed',
    null,
    { timeout: T },
    async () => {
      const agent = await startSnmpd({
        community: 'public',
        sysDescr: 'KYOCERA Document Solutions Printing System',
        sysObjectID: '.1.3.6.1.4.1.1347.41',
      });
      try {
        const e = await identifyDevice(
          { address: '127.0.0.1', snmpPort: agent.port, ippPort: await closedIppPort() },
          { profiles },
        );
        expect(e.outcome).toBe('vendor-only');
        expect(e.vendor).toEqual({ name: 'Kyocera', enterprise: 1347, verified: true });
        expect(e.match).toBeNull();
      } finally {
        await agent.stop();
      }
    },
  );

  itPeers(
    'a non-printer SNMP agent (snmpd as shipped, Net-SNMP enterprise 8072) is "not a printer"',
    null,
    { timeout: T },
    async () => {
      const agent = await startSnmpd({ community: 'public' });
      try {
        const e = await identifyDevice(
          { address: '127.0.0.1', snmpPort: agent.port, ippPort: await closedIppPort() },
          { profiles },
        );
        expect(e.snmp.status).toBe('answered');
        expect(e.snmp.values.sysObjectID?.startsWith('1.3.6.1.4.1.8072.')).toBe(true);
        expect(e.snmp.printerMib).toBe(false);
        expect(e.outcome).toBe('not-a-printer');
        expect(e.match).toBeNull();
      } finally {
        await agent.stop();
      }
    },
  );

  itPeers(
    'a wrong community ends in "no answer" within the deadline, and the community is nowhere in the evidence',
    null,
    { timeout: T },
    async () => {
      const secret = 'site-Secret-42';
      const agent = await startSnmpd({
        community: secret,
        sysDescr: 'SHARP MX-3570N',
        sysObjectID: '.1.3.6.1.4.1.2385.3.1.112.1.2',
      });
      try {
        const wrong = await identifyDevice(
          { address: '127.0.0.1', community: 'public', snmpPort: agent.port, ippPort: await closedIppPort() },
          { profiles },
        );
        expect(wrong.snmp.status).toBe('no-answer');
        expect(wrong.snmp.message).toMatch(/community/);
        expect(wrong.outcome).toBe('no-answer');
        expect(wrong.elapsedMs).toBeLessThan(IDENTIFY_DEADLINE_MS);
        const right = await identifyDevice(
          { address: '127.0.0.1', community: secret, snmpPort: agent.port, ippPort: await closedIppPort() },
          { profiles },
        );
        expect(right.outcome).toBe('identified');
        expect(right.customCommunity).toBe(true);
        expect(JSON.stringify(right)).not.toContain(secret);
      } finally {
        await agent.stop();
      }
    },
  );
});

describePeers(
  'identify over IPP against ippeveprinter',
  firstMissing(ippevePrinterMissing(), snmpdMissing()),
  () => {
    itPeers(
      'Xerox AltaLink C8045 (recorded values) over IPP and SNMP: high confidence, firmware from IPP',
      null,
      { timeout: T },
      async () => {
        const printer = await startIppEvePrinter({
          makeAndModel: 'Xerox AltaLink C8045',
          firmwareName: 'SS',
          firmwareStringVersion: '100.002.057.09608',
          deviceId:
            'MFG:Xerox;CMD:PCL,PJL,PostScript,XPS;MDL:AltaLink C8045;CLS:PRINTER;DES:Xerox AltaLink C8045;',
        });
        const agent = await startSnmpd({
          community: 'public',
          sysDescr:
            'Xerox AltaLink C8045; SS 100.002.057.09608, NC 100.002.09608, UI 100.002.09608, ME 063.022.000, CC 100.002.09608',
          sysObjectID: '.1.3.6.1.4.1.253.8.62.1.35.2.3.1.1',
        });
        try {
          const e = await identifyDevice(
            { address: '127.0.0.1', snmpPort: agent.port, ippPort: printer.port },
            { profiles },
          );
          expect(e.ipp.status).toBe('answered');
          expect(e.ipp.path).toBe('/ipp/print');
          expect(e.ipp.values['printer-make-and-model']).toBe('Xerox AltaLink C8045');
          expect(e.ipp.values['printer-firmware-string-version']).toBe('100.002.057.09608');
          expect(e.firmware).toBe('100.002.057.09608');
          expect(e.model).toBe('Xerox AltaLink C8045');
          expect(e.match?.modelId).toBe('xerox-altalink-versalink');
          expect(e.match?.confidence).toBe('high');
          expect(
            e.match?.reasons.some((r) => r.kind === 'model-name' && r.field === 'printer-make-and-model'),
          ).toBe(true);
        } finally {
          await Promise.all([printer.stop(), agent.stop()]);
        }
      },
    );

    itPeers(
      'an IPP-only printer whose model is in no profile: "unknown", says what it saw',
      null,
      { timeout: T },
      async () => {
        const printer = await startIppEvePrinter({
          makeAndModel: 'Acme LaserBox 9000',
          firmwareStringVersion: '7.1',
        });
        const noSnmp = await startSilentUdp();
        try {
          const e = await identifyDevice(
            { address: '127.0.0.1', snmpPort: noSnmp.port, ippPort: printer.port },
            { profiles },
          );
          expect(e.ipp.status).toBe('answered');
          expect(e.outcome).toBe('unknown');
          expect(e.model).toBe('Acme LaserBox 9000');
          expect(e.firmware).toBe('7.1');
          expect(e.match).toBeNull();
        } finally {
          await Promise.all([printer.stop(), noSnmp.stop()]);
        }
      },
    );
  },
);

describePeers('identify against silent peers', null, () => {
  let udp: Awaited<ReturnType<typeof startSilentUdp>>;
  let tcp: Awaited<ReturnType<typeof startSilentTcp>>;
  beforeAll(async () => {
    udp = await startSilentUdp();
    tcp = await startSilentTcp();
  });
  afterAll(async () => {
    await udp.stop();
    await tcp.stop();
  });

  itPeers(
    'a bound UDP socket that never answers and a TCP port that never replies: "no answer" within the deadline, bounded retries',
    null,
    { timeout: T },
    async () => {
      const e = await identifyDevice(
        { address: '127.0.0.1', snmpPort: udp.port, ippPort: tcp.port },
        { profiles },
      );
      expect(e.snmp.status).toBe('no-answer');
      expect(e.ipp.status).toBe('no-answer');
      expect(e.outcome).toBe('no-answer');
      expect(e.elapsedMs).toBeLessThan(IDENTIFY_DEADLINE_MS);
      // v2c: 1 request + 1 retry; v1: 1 + 1. Never more.
      expect(udp.received()).toBe(4);
    },
  );

  itPeers('Cancel (AbortSignal) ends both probes and says "cancelled"', null, { timeout: T }, async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const e = await identifyDevice(
      { address: '127.0.0.1', snmpPort: udp.port, ippPort: tcp.port },
      { profiles, signal: ac.signal },
    );
    expect(e.outcome).toBe('cancelled');
    expect(e.snmp.status).toBe('cancelled');
    expect(e.ipp.status).toBe('cancelled');
  });
});
