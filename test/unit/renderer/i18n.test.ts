// Every UI string exists in both languages, and every static t('key') in the renderer resolves.
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/en';
import { ja } from '../../../src/renderer/src/i18n/ja';
import { resolveLang } from '../../../src/renderer/src/i18n';

function flatten(o: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof o === 'string') out.set(prefix, o);
  else if (o && typeof o === 'object')
    for (const [k, v] of Object.entries(o))
      for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  return out;
}

/** The renderer's sources as text (Vite's glob import: no Node APIs in this jsdom project). */
const SOURCES = import.meta.glob<string>('../../../src/renderer/src/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('i18n resources', () => {
  const fe = flatten(en);
  const fj = flatten(ja);

  it('ja and en have the same keys, none empty', () => {
    expect([...fj.keys()].sort()).toEqual([...fe.keys()].sort());
    for (const [k, v] of [...fe, ...fj]) expect(v.trim(), k).not.toBe('');
  });

  it('placeholders match between languages', () => {
    const ph = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of fe) expect(ph(fj.get(k) ?? ''), k).toEqual(ph(v));
  });

  it('the Japanese strings are Japanese', () => {
    const japanese = [...fj.values()].filter((v) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(v)).length;
    expect(japanese / fj.size).toBeGreaterThan(0.8);
  });

  it('every static key used in the renderer exists', () => {
    const missing: string[] = [];
    expect(Object.keys(SOURCES).length).toBeGreaterThan(20);
    for (const [file, text] of Object.entries(SOURCES)) {
      for (const m of text.matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) {
        const key = m[1] ?? '';
        if (!fe.has(key) && !fe.has(`${key}_one`)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('picks the UI language from the OS locale', () => {
    expect(resolveLang('ja-JP')).toBe('ja');
    expect(resolveLang('ja')).toBe('ja');
    expect(resolveLang('en-US')).toBe('en');
    expect(resolveLang('de-DE')).toBe('en');
    expect(resolveLang(undefined)).toBe('en');
  });
});
