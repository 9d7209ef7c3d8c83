// The renderer's job → report job: Detect's evidence goes along; firmware and serial only when the evidence matched
// the device the technician kept (a later manual choice of another model must not inherit them).
import { describe, expect, it } from 'vitest';
import { reportJobFrom } from '../../../src/renderer/src/features/reports/report-job';
import { emptyJob } from '../../../src/renderer/src/store/job-slice';
import type { IdentifyEvidence } from '../../../src/shared/identify';
import { JobSchema } from '../../../src/shared/report';

const evidence = {
  at: '2026-12-02T03:00:00.000Z',
  address: '192.0.2.50',
  customCommunity: false,
  snmp: {
    status: 'answered',
    port: 161,
    version: 'v2c',
    values: { sysDescr: 'SHARP MX-3570N' },
    printerMib: true,
    elapsedMs: 30,
  },
  ipp: { status: 'refused', port: 631, values: {}, elapsedMs: 2 },
  outcome: 'identified',
  vendor: { name: 'Sharp', enterprise: 2385, verified: true },
  model: 'SHARP MX-3570N',
  firmware: '1.04',
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
  alternatives: [],
  elapsedMs: 35,
} satisfies IdentifyEvidence;

describe('reportJobFrom with Detect evidence', () => {
  it('carries the evidence, firmware and serial of the matched device', () => {
    const job = { ...emptyJob(), deviceId: 'sharp-mx', identified: evidence };
    const out = JobSchema.parse(reportJobFrom(job, { device: null, method: 'submission' }));
    expect(out.device.identified?.match?.modelId).toBe('sharp-mx');
    expect(out.device).toMatchObject({ profileId: 'sharp-mx', firmware: '1.04', serial: '6509415X00' });
  });

  it('keeps the evidence but not its firmware/serial when another model was chosen', () => {
    const job = { ...emptyJob(), deviceId: 'ricoh-im', generationId: 'im-early', identified: evidence };
    const out = JobSchema.parse(reportJobFrom(job, { device: null, method: 'submission' }));
    expect(out.device.identified).toBeDefined();
    expect(out.device.firmware).toBeUndefined();
    expect(out.device.serial).toBeUndefined();
    expect(out.device.generation).toBe('im-early');
  });
});
