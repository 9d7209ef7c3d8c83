import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProfile, loadProfiles } from '../../src/main/store/profiles-loader';

const BUILTIN = join(import.meta.dirname, '..', '..', 'resources', 'printers');
let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dmd-profiles-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const generic = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(BUILTIN, 'generic-mfp.json'), 'utf8')) as Record<string, unknown>;

describe('loadProfiles', () => {
  it('loads every built-in file and skips schema.json', async () => {
    const cat = await loadProfiles({ builtinDir: BUILTIN, userDir: join(tmp, 'missing') });
    expect(cat.problems).toEqual([]);
    const expected = readdirSync(BUILTIN).filter((n) => n.endsWith('.json') && n !== 'schema.json').length;
    expect(cat.files).toHaveLength(expected);
    expect(cat.files.every((f) => f.origin === 'builtin')).toBe(true);
  });

  it('reports bad user files with field paths and still loads the rest', async () => {
    const user = join(tmp, 'user');
    mkdirSync(user);
    writeFileSync(join(user, 'broken.json'), '{ not json');
    const bad = generic();
    (bad.models as { capabilities: { maxTls: { value: string } } }[])[0]!.capabilities.maxTls.value = 'SSLv3';
    bad.id = 'bad-one';
    writeFileSync(join(user, 'bad.json'), JSON.stringify(bad));
    const good = generic();
    good.id = 'my-shop';
    (good.models as { id: string }[])[0]!.id = 'my-shop-mfp';
    writeFileSync(join(user, 'good.json'), JSON.stringify(good));
    writeFileSync(join(user, 'notes.txt'), 'ignored');

    const cat = await loadProfiles({ builtinDir: BUILTIN, userDir: user });
    expect(cat.files.some((f) => f.origin === 'user' && f.profile.id === 'my-shop')).toBe(true);
    const byFile = new Map(cat.problems.map((p) => [basename(p.path), p.errors]));
    expect(byFile.get('broken.json')?.[0]?.message).toMatch(/not valid JSON/);
    expect(byFile.get('bad.json')?.map((e) => e.path)).toContain('models[0].capabilities.maxTls.value');
    expect([...byFile.keys()].sort()).toEqual(['bad.json', 'broken.json']);
  });

  it('lets a user file replace a built-in file with the same id', async () => {
    const user = join(tmp, 'user');
    mkdirSync(user);
    const mine = generic();
    mine.family = { ja: '自社版', en: 'Our version' };
    writeFileSync(join(user, 'generic.json'), JSON.stringify(mine));
    const cat = await loadProfiles({ builtinDir: BUILTIN, userDir: user });
    expect(cat.replaced).toEqual(['generic-mfp']);
    const f = cat.files.filter((x) => x.profile.id === 'generic-mfp');
    expect(f).toHaveLength(1);
    expect(f[0]?.origin).toBe('user');
    expect(f[0]?.profile.family.en).toBe('Our version');
  });

  it('rejects a user file whose model id clashes with another file', async () => {
    const user = join(tmp, 'user');
    mkdirSync(user);
    const clash = generic();
    clash.id = 'another-file';
    writeFileSync(join(user, 'clash.json'), JSON.stringify(clash));
    const cat = await loadProfiles({ builtinDir: BUILTIN, userDir: user });
    expect(cat.files.some((f) => f.profile.id === 'another-file')).toBe(false);
    expect(cat.problems[0]?.errors[0]).toMatchObject({
      path: 'models[0].id',
      message: expect.stringMatching(/already defined/) as unknown,
    });
  });

  it('reports a missing built-in folder instead of throwing', async () => {
    const cat = await loadProfiles({ builtinDir: join(tmp, 'nope') });
    expect(cat.files).toEqual([]);
    expect(cat.problems[0]?.errors[0]?.message).toMatch(/cannot read folder/);
  });

  it('reports an oversized file without reading it whole', async () => {
    const dir = join(tmp, 'b');
    cpSync(BUILTIN, dir, { recursive: true });
    writeFileSync(join(dir, 'huge.json'), Buffer.alloc(4_000_001, 0x20));
    const cat = await loadProfiles({ builtinDir: dir });
    expect(cat.problems.map((p) => p.errors[0]?.message)).toEqual([expect.stringMatching(/too large/)]);
  });
});

describe('importProfile', () => {
  it('stores a valid file as <id>.json and it loads next time', async () => {
    const user = join(tmp, 'imports');
    const good = generic();
    good.id = 'imported-shop';
    (good.models as { id: string }[])[0]!.id = 'imported-mfp';
    const r = await importProfile(JSON.stringify(good), user);
    expect(r.ok).toBe(true);
    expect(readdirSync(user)).toEqual(['imported-shop.json']);
    const cat = await loadProfiles({ builtinDir: BUILTIN, userDir: user });
    expect(cat.files.some((f) => f.origin === 'user' && f.profile.models[0]?.id === 'imported-mfp')).toBe(
      true,
    );
  });

  it('writes nothing for an invalid file and names the field', async () => {
    const user = join(tmp, 'imports');
    const bad = generic();
    delete (bad.models as Record<string, unknown>[])[0]!.fields;
    const r = await importProfile(JSON.stringify(bad), user);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('models[0].fields');
    expect(() => readdirSync(user)).toThrow();
  });
});
