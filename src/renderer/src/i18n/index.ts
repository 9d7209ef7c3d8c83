// i18next set up with bundled ja/en resources (no network back end: the CSP forbids it anyway).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../../shared/model';
import { en } from './en';
import { ja } from './ja';

export const LANGS: readonly Lang[] = ['ja', 'en'];

/** OS locale (ja-JP, en-US, ja) → a UI language we have; anything else gets English. */
export function resolveLang(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The active UI language as our Lang type. */
export function currentLang(): Lang {
  return resolveLang(i18n.language);
}

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: resolveLang(typeof navigator === 'undefined' ? 'en' : navigator.language),
  fallbackLng: 'en',
  // React escapes every interpolated value already.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = resolveLang(lng);
});

export default i18n;
