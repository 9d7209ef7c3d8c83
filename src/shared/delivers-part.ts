// "Delivers only part of what was asked" in the reader's language: which recipients a method reached and which it
// did not. The engine records the parts (reachedKind / reached / missed); reports saved before it did carry only an
// English sentence (`part`), shown as it is.
import type { Lang } from './model';

export interface PartOf {
  part?: string | undefined;
  reachedKind?: 'internal' | 'external' | undefined;
  reached?: string[] | undefined;
  missed?: string[] | undefined;
}

const KIND: Record<Lang, Record<'internal' | 'external', string>> = {
  ja: { internal: '組織内の宛先', external: '組織外の宛先' },
  en: { internal: 'internal recipients', external: 'external recipients' },
};

/** The part a method delivers, worded for `lang`; undefined when nothing is known. */
export function partText(r: PartOf, lang: Lang): string | undefined {
  if (r.reachedKind && r.reached && r.missed) {
    const got = KIND[lang][r.reachedKind];
    const lost = KIND[lang][r.reachedKind === 'internal' ? 'external' : 'internal'];
    const list = (a: string[]) => a.join(', ');
    return lang === 'ja'
      ? `${got}のみ (${list(r.reached)})。${lost} (${list(r.missed)}) には届きません`
      : `${got} only (${list(r.reached)}); not ${lost} (${list(r.missed)})`;
  }
  return r.part;
}
