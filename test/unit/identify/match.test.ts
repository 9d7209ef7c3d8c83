// Matching rules kept in the profile files: every pattern's example matches it, model names do not match a longer
// number ("IM C300" vs "IM C3000"), a verified vendor that disagrees lowers the match, bad rules are refused by field.
import { beforeAll, describe, expect, it } from 'vitest';
import { matchProfiles } from '../../../src/main/identify/match';
import { loadProfiles } from '../../../src/main/store/profiles-loader';
import type { IppProbe, SnmpProbe } from '../../../src/shared/identify';
import { enterpriseOf } from '../../../src/shared/identify-enterprises';
import { parseProfileData } from '../../../src/shared/profiles';
import type { LoadedProfileFile } from '../../../src/shared/profiles-resolve';

let files: LoadedProfileFile[] = [];
beforeAll(async () => {
  files = (await loadProfiles({ builtinDir: 'resources/printers' })).files;
});

const snmp = (values: SnmpProbe['values']): SnmpProbe => ({
  status: 'answered',
  port: 161,
  version: 'v2c',
  values,
  printerMib: true,
  elapsedMs: 1,
});
const noIpp: IppProbe = { status: 'refused', port: 631, values: {}, elapsedMs: 1 };

describe('identify rules in resources/printers', () => {
  it('every pattern example matches its own pattern and leads to its own model', () => {
    let checked = 0;
    for (const f of files) {
      for (const m of f.profile.models) {
        for (const p of m.identify?.patterns ?? []) {
          if (!p.example) continue;
          expect(new RegExp(p.pattern, 'iu').test(p.example), `${m.id}: ${p.pattern}`).toBe(true);
          const best = matchProfiles(
            files,
            snmp({ sysDescr: p.example, hrDeviceDescr: p.example }),
            noIpp,
          )[0];
          expect(best?.modelId, p.example).toBe(m.id);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it('a model name never matches a longer model number', () => {
    const hits = matchProfiles(files, snmp({ hrDeviceDescr: 'RICOH IM C3000' }), noIpp).map((m) => m.modelId);
    expect(hits[0]).toBe('ricoh-im');
    const reasons = matchProfiles(files, snmp({ hrDeviceDescr: 'RICOH IM C3000' }), noIpp)[0]?.reasons ?? [];
    expect(reasons.filter((r) => r.kind === 'model-name').map((r) => r.matched)).toEqual(['IM C3000']);
  });

  it('a verified vendor that disagrees with the model text lowers the match below "identified as that vendor"', () => {
    const agree = matchProfiles(
      files,
      snmp({ sysDescr: 'SHARP MX-3570N', sysObjectID: '1.3.6.1.4.1.2385.3.1.112.1.2' }),
      noIpp,
    )[0];
    const clash = matchProfiles(
      files,
      snmp({ sysDescr: 'SHARP MX-3570N', sysObjectID: '1.3.6.1.4.1.367.1.1' }),
      noIpp,
    )[0];
    expect(agree?.confidence).toBe('medium');
    expect(clash).toBeUndefined();
  });

  it('enterprise numbers come only from 1.3.6.1.4.1.<n>', () => {
    expect(enterpriseOf('1.3.6.1.4.1.367.1.1')).toBe(367);
    expect(enterpriseOf('.1.3.6.1.4.1.8072.3.2.10')).toBe(8072);
    expect(enterpriseOf('1.3.6.1.2.1.1')).toBeNull();
  });

  it('a broken rule in an imported profile names its field', () => {
    const sharp = files.find((f) => f.profile.id === 'sharp')?.profile;
    const copy = JSON.parse(JSON.stringify(sharp)) as {
      models: { identify?: { patterns: { pattern: string }[]; firmware: unknown[] } }[];
    };
    const block = copy.models.find((m) => m.identify)?.identify;
    if (!block?.patterns[0]) throw new Error('sharp has no identify block');
    block.patterns[0].pattern = '(unclosed';
    block.firmware = [{ generation: 'no-such-gen', pattern: '^1', sources: ['librenms-sharp-walk'] }];
    const r = parseProfileData(copy);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    expect(
      paths.some((p) => /identify\.patterns\[0\]\.pattern: not a valid regular expression/.test(p)),
    ).toBe(true);
    expect(
      paths.some((p) => /identify\.firmware\[0\]\.generation: unknown generation id "no-such-gen"/.test(p)),
    ).toBe(true);
  });
});
