// identify's evidence in the report: kept in job.device (schema 2), a version-1 file still opens (migration), and a
// non-default SNMP community is a secret the store's gate blocks in any form.
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../src/main/export/html';
import { loadReportFile } from '../../../src/main/store/report-file';
import { createReportStore } from '../../../src/main/store/report-store';
import { IdentifyEvidenceSchema, type IdentifyEvidence } from '../../../src/shared/identify';
import { REPORT_SCHEMA_VERSION } from '../../../src/shared/report';
import { base64, secretForms } from '../../../src/shared/secrets';
import { JOB } from '../store/fixtures';

const EVIDENCE: IdentifyEvidence = IdentifyEvidenceSchema.parse({
  at: '2026-12-02T03:00:00.000Z',
  address: '192.0.2.50',
  customCommunity: true,
  snmp: {
    status: 'answered',
    port: 161,
    version: 'v2c',
    values: { sysDescr: 'SHARP MX-3570N', prtGeneralSerialNumber: '6509415X00' },
    printerMib: true,
    elapsedMs: 40,
  },
  ipp: { status: 'refused', port: 631, values: {}, elapsedMs: 2 },
  outcome: 'identified',
  vendor: { name: 'Sharp', enterprise: 2385, verified: true },
  model: 'SHARP MX-3570N',
  firmware: null,
  serial: '6509415X00',
  match: {
    fileId: 'sharp',
    modelId: 'sharp-mx',
    vendor: 'Sharp',
    series: 'MX series',
    generationId: null,
    confidence: 'medium',
    reasons: [],
  },
  elapsedMs: 45,
});

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-idf-'));
});
afterEach(async () => fsp.rm(dir, { recursive: true, force: true }));

describe('identify evidence in reports', () => {
  it('is kept in job.device and read back unchanged', async () => {
    const store = await createReportStore(dir);
    const r = await store.create({
      ...JOB,
      device: { model: 'SHARP MX-3570N', profileId: 'sharp-mx', serial: '6509415X00', identified: EVIDENCE },
    });
    expect(r.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    const back = await store.open(r.id);
    expect(back.job.device.identified).toEqual(EVIDENCE);
  });

  it('a version-1 report (before identify) opens through the 1 → 2 migration', async () => {
    const store = await createReportStore(dir);
    const r = await store.create(JOB);
    const file = path.join(dir, `${r.id}.json`);
    const raw = JSON.parse(await fsp.readFile(file, 'utf8')) as Record<string, unknown>;
    await fsp.writeFile(file, JSON.stringify({ ...raw, schemaVersion: 1 }));
    const res = await loadReportFile(file);
    if (!res.ok) throw new Error(res.reason);
    expect(res.migratedFrom).toBe(1);
    expect(res.value.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(res.value.job.device.identified).toBeUndefined();
  });

  it('a custom SNMP community is scanned for like a password: a report holding it is not written', async () => {
    const community = 'Site-Community-9';
    const forms = secretForms({ snmpCommunity: community });
    expect(forms).toContain(community);
    expect(forms).toContain(base64(community));
    const store = await createReportStore(dir, { sessionSecrets: () => [{ snmpCommunity: community }] });
    const leaky = {
      ...EVIDENCE,
      snmp: { ...EVIDENCE.snmp, values: { ...EVIDENCE.snmp.values, sysName: `printer-${community}` } },
    };
    await expect(store.create({ ...JOB, device: { model: 'x', identified: leaky } })).rejects.toThrow();
    expect((await fsp.readdir(dir)).filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  it('the HTML export shows the identification, escaping what the device said', async () => {
    const store = await createReportStore(dir);
    const hostile = {
      ...EVIDENCE,
      snmp: {
        ...EVIDENCE.snmp,
        values: { ...EVIDENCE.snmp.values, sysDescr: 'SHARP <script>alert(1)</script>' },
      },
    };
    const r = await store.create({ ...JOB, device: { model: 'SHARP MX-3570N', identified: hostile } });
    const ja = renderReportHtml(r, { lang: 'ja' });
    expect(ja).toContain('機器の検出（SNMP / IPP）');
    expect(ja).toContain('Sharp MX series (sharp-mx, 中)');
    expect(ja).toContain('特定できず（機器で確認）');
    expect(ja).not.toContain('<script>alert');
    expect(renderReportHtml(r, { lang: 'en' })).toContain('Device identification (SNMP / IPP)');
  });
});
