import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_REPORTED_ERRORS,
  parseProfileFile,
  type ProfileError,
  type ProfileFile,
} from '../../src/shared/profiles';
import { profileJsonSchemaText } from '../../src/shared/profiles-json-schema';
import {
  resolveModel,
  resolveProfileRef,
  searchModels,
  toDeviceProfile,
  type LoadedProfileFile,
} from '../../src/shared/profiles-resolve';
import { DeviceProfileSchema } from '../../src/shared/model';

const DIR = join(import.meta.dirname, '..', '..', 'resources', 'printers');
const profileFiles = readdirSync(DIR).filter((n) => n.endsWith('.json') && n !== 'schema.json');

function load(name: string): ProfileFile {
  const r = parseProfileFile(readFileSync(join(DIR, name), 'utf8'));
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
  return r.profile;
}
const all: LoadedProfileFile[] = profileFiles.map((n) => ({ path: n, origin: 'builtin', profile: load(n) }));

/** A small valid file to break in the malformed-import cases. */
function minimal(): unknown {
  return JSON.parse(readFileSync(join(DIR, 'generic-mfp.json'), 'utf8'));
}
type Path = (string | number)[];
type Bag = Record<string | number, unknown>;
/** Set (or with `DELETE`, remove) the value at `path` inside parsed JSON. */
const DELETE = Symbol('delete');
function edit(data: unknown, path: Path, value: unknown): unknown {
  let at = data as Bag;
  for (const key of path.slice(0, -1)) at = at[key] as Bag;
  const last = path[path.length - 1]!;
  if (value === DELETE) delete at[last];
  else at[last] = value;
  return data;
}
const get = (data: unknown, path: Path): unknown => path.reduce<unknown>((at, k) => (at as Bag)[k], data);
function errorsFor(data: unknown): ProfileError[] {
  const r = parseProfileFile(typeof data === 'string' ? data : JSON.stringify(data));
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('built-in profile files', () => {
  it.each(profileFiles)('%s validates against the schema', (name) => {
    const r = parseProfileFile(readFileSync(join(DIR, name), 'utf8'));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('cover the generic profiles and the required vendors', () => {
    const vendors = new Set(all.flatMap((f) => [f.profile.vendor, ...f.profile.models.map((m) => m.vendor)]));
    const required = [
      'Other',
      'Application',
      'Ricoh',
      'Canon',
      'Sharp',
      'Kyocera',
      'Konica Minolta',
      'Fujifilm Business Innovation',
      'Toshiba',
      'Brother',
      'Epson',
      'HP',
      'Xerox',
      'Lexmark',
    ];
    for (const v of required) expect(vendors).toContain(v);
    expect(all.some((f) => f.profile.models.some((m) => m.kind === 'application'))).toBe(true);
  });

  it('have model ids unique across files', () => {
    const ids = all.flatMap((f) => f.profile.models.map((m) => m.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never claim a vendor document without an http(s) URL', () => {
    for (const f of all)
      for (const s of f.profile.sources)
        if (s.vendorDoc) expect(s.url, `${f.path} ${s.id}`).toMatch(/^https?:\/\//);
  });

  it('schema.json is generated from the zod schema and up to date', () => {
    expect(readFileSync(join(DIR, 'schema.json'), 'utf8')).toBe(profileJsonSchemaText());
  });

  it('every model resolves at every generation to a valid DeviceProfile', () => {
    for (const f of all) {
      for (const m of f.profile.models) {
        for (const g of ['current', ...m.generations.map((x) => x.id)]) {
          const model = resolveModel(f.profile, m.id, g);
          expect(model, `${m.id}@${g}`).not.toBeNull();
          if (model) expect(DeviceProfileSchema.safeParse(toDeviceProfile(model)).success).toBe(true);
        }
      }
    }
  });
});

describe('parseProfileFile rejects malformed imports, naming the field', () => {
  it('a TLS version that does not exist', () => {
    const d = edit(minimal(), ['models', 0, 'capabilities', 'maxTls', 'value'], '1.5');
    expect(errorsFor(d).map((e) => e.path)).toContain('models[0].capabilities.maxTls.value');
  });

  it('a claim without sources', () => {
    const d = edit(minimal(), ['models', 0, 'capabilities', 'oauth', 'sources'], DELETE);
    const errs = errorsFor(d);
    expect(errs.map((e) => e.path)).toContain('models[0].capabilities.oauth.sources');
  });

  it('a claim with an empty source list', () => {
    const d = edit(minimal(), ['models', 0, 'capabilities', 'ports', 'sources'], []);
    const e = errorsFor(d).find((x) => x.path === 'models[0].capabilities.ports.sources');
    expect(e?.message).toMatch(/at least one source/);
  });

  it('a source id that the file does not define', () => {
    const d = edit(minimal(), ['models', 0, 'fields', 'server', 'sources'], ['nowhere']);
    const e = errorsFor(d).find((x) => x.path === 'models[0].fields.server.sources[0]');
    expect(e?.message).toMatch(/unknown source id "nowhere"/);
  });

  it('a misspelt field', () => {
    const d = minimal();
    edit(d, ['models', 0, 'capabilitys'], get(d, ['models', 0, 'capabilities']));
    edit(d, ['models', 0, 'capabilities'], DELETE);
    const paths = errorsFor(d).map((e) => `${e.path}: ${e.message}`);
    expect(paths).toContain('models[0].capabilitys: unknown field');
    expect(paths.some((p) => p.startsWith('models[0].capabilities:'))).toBe(true);
  });

  it('a source URL that is not http(s)', () => {
    const d = edit(minimal(), ['sources', 0, 'url'], 'javascript:alert(1)');
    expect(errorsFor(d).find((e) => e.path === 'sources[0].url')?.message).toMatch(/http/);
  });

  it('duplicate model ids and unknown warning generations', () => {
    const d = minimal();
    edit(d, ['models', 1], structuredClone(get(d, ['models', 0])));
    edit(d, ['models', 1, 'warnings', 0, 'generations'], ['firmware-9']);
    const errs = errorsFor(d);
    expect(errs.find((e) => e.path === 'models[1].id')?.message).toMatch(/duplicate model id/);
    expect(errs.find((e) => e.path === 'models[1].warnings[0].generations[0]')?.message).toMatch(
      /unknown generation id "firmware-9"/,
    );
  });

  it('a port out of range and a wrong schema version', () => {
    const d = edit(minimal(), ['models', 0, 'capabilities', 'ports', 'value'], [587, 70000]);
    edit(d, ['schemaVersion'], 2);
    const paths = errorsFor(d).map((e) => e.path);
    expect(paths).toContain('models[0].capabilities.ports.value[1]');
    expect(paths).toContain('schemaVersion');
  });

  it('text that is not JSON, or JSON that is not an object', () => {
    expect(errorsFor('{ "schemaVersion": 1,')[0]).toMatchObject({
      path: '(file)',
      message: expect.stringMatching(/not valid JSON/) as unknown,
    });
    expect(errorsFor([1, 2])[0]?.path).toBe('(file)');
  });

  it('an id that could escape a folder', () => {
    const d = edit(minimal(), ['id'], '../evil');
    expect(errorsFor(d).map((e) => e.path)).toContain('id');
  });
});

describe('resolveModel and verification', () => {
  it('marks a claim verified only when a vendor document backs it', () => {
    const app = all.find((f) => f.profile.id === 'business-application')!.profile;
    const m = resolveModel(app, 'app-dotnet-smtpclient')!;
    expect(m.capabilities.starttls.verified).toBe(true);
    expect(m.capabilities.authMechanisms.verified).toBe(false); // assumption only
    const generic = resolveModel(all.find((f) => f.profile.id === 'generic-mfp')!.profile, 'generic-mfp')!;
    expect(Object.values(generic.capabilities).every((c) => !c.verified)).toBe(true);
  });

  it('shows a vendor-documented claim as verified and a field-knowledge claim as "check on the device"', () => {
    const epson = all.find((f) => f.profile.id === 'epson')!.profile;
    const m = resolveModel(epson, 'epson-workforce')!;
    expect(m.capabilities.serverFieldMaxLength).toMatchObject({ value: 255, verified: true });
    expect(m.capabilities.maxTls.verified).toBe(false);
    expect(m.warnings.find((w) => w.id === 'password-20')?.verified).toBe(true);
    const kyocera = resolveModel(all.find((f) => f.profile.id === 'kyocera')!.profile, 'kyocera-taskalfa')!;
    expect(Object.values(kyocera.capabilities).some((c) => c.verified)).toBe(false);
  });

  it('applies a generation over the current capabilities and filters warnings', () => {
    const ricoh = all.find((f) => f.profile.id === 'ricoh')!.profile;
    const cur = resolveModel(ricoh, 'ricoh-mp')!;
    const old = resolveModel(ricoh, 'ricoh-mp', 'mp-legacy')!;
    expect(cur.capabilities.maxTls.value).toBe('1.2');
    expect(old.capabilities.maxTls.value).toBe('1.0');
    expect(old.capabilities.starttls.value).toBe(cur.capabilities.starttls.value);
    expect(old.warnings.map((w) => w.id)).toContain('tls10-only');
    expect(cur.warnings.map((w) => w.id)).not.toContain('tls10-only');
    expect(toDeviceProfile(old).id).toBe('ricoh-mp@mp-legacy');
    expect(resolveModel(ricoh, 'ricoh-mp', 'nope')).toBeNull();
    expect(resolveModel(ricoh, 'nope')).toBeNull();
  });
});

describe('searchModels', () => {
  it('finds by Japanese vendor name', () => {
    const ids = searchModels(all, 'リコー').map((h) => h.modelId);
    expect(ids).toEqual(expect.arrayContaining(['ricoh-im', 'ricoh-mp']));
    expect(ids.every((id) => id.startsWith('ricoh'))).toBe(true);
  });

  it('ranks an exact model name first, ignoring case, width and spaces', () => {
    for (const q of ['IM C3000', 'imc3000', 'ＩＭ Ｃ３０００']) {
      const hits = searchModels(all, q);
      expect(hits[0], q).toMatchObject({ modelId: 'ricoh-im', matched: 'IM C3000' });
    }
  });

  it('requires every term to match', () => {
    expect(searchModels(all, 'ricoh mp').map((h) => h.modelId)).toEqual(['ricoh-mp']);
    expect(searchModels(all, 'ricoh nosuchmodel')).toEqual([]);
  });

  it('finds the generic profiles', () => {
    expect(searchModels(all, 'その他').map((h) => h.modelId)).toContain('generic-mfp');
    expect(searchModels(all, 'その他の複合機')[0]?.modelId).toBe('generic-mfp');
    expect(searchModels(all, 'Send-MailMessage')[0]?.modelId).toBe('app-powershell-send-mailmessage');
  });
});

describe('resolveProfileRef', () => {
  it('round-trips the id toDeviceProfile writes', () => {
    const old = resolveProfileRef(all, 'ricoh-mp@mp-legacy');
    expect(old?.generation.id).toBe('mp-legacy');
    expect(old && toDeviceProfile(old).id).toBe('ricoh-mp@mp-legacy');
    expect(resolveProfileRef(all, 'ricoh-mp')?.generation.id).toBe('current');
    expect(resolveProfileRef(all, 'ricoh-mp@nope')).toBeNull();
    expect(resolveProfileRef(all, 'no-such-model')).toBeNull();
  });
});

describe('parseProfileFile never throws (property)', () => {
  const valid = minimal();
  const paths: Path[] = [
    ['id'],
    ['vendor'],
    ['sources', 0, 'url'],
    ['sources', 0, 'vendorDoc'],
    ['models', 0, 'capabilities', 'maxTls'],
    ['models', 0, 'capabilities', 'ports', 'value'],
    ['models', 0, 'fields', 'server', 'sources', 0],
    ['models', 0, 'generations', 0, 'id'],
    ['models', 0, 'warnings', 0, 'generations'],
    ['models', 0, 'names'],
    ['models'],
  ];

  it('arbitrary JSON values are rejected with field-named errors', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseProfileFile(JSON.stringify(v) ?? 'null');
        expect(r.ok).toBe(false);
        if (!r.ok) for (const e of r.errors) expect(e.path.length > 0 && e.message.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a valid file with one field replaced by any value either parses or names what is wrong', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const d = edit(structuredClone(valid), path, value);
        const r = parseProfileFile(JSON.stringify(d));
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          expect(r.errors.length).toBeLessThanOrEqual(MAX_REPORTED_ERRORS);
          for (const e of r.errors) expect(e.path).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary text is rejected, never thrown', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(() => parseProfileFile(s)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
