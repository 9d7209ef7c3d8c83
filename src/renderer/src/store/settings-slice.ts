// Technician preferences: language, deadlines, DNS server, extra CA. Persisted.
import i18n from '../i18n';
import type { Settings, SettingsSlice, Slice } from './types';

/** Bounds for the overall diagnosis deadline the technician may choose, in seconds (model.ts allows 1..600 s). */
export const TIMEOUT_MIN_SEC = 5;
export const TIMEOUT_MAX_SEC = 600;

export function defaultSettings(): Settings {
  return { lang: null, timeoutSec: 60, dnsServer: '', extraCaPem: '' };
}

export const createSettingsSlice: Slice<SettingsSlice> = (set, get) => ({
  settings: defaultSettings(),
  updateSettings: (patch) => {
    const next = { ...get().settings, ...patch };
    next.timeoutSec = Math.min(
      TIMEOUT_MAX_SEC,
      Math.max(TIMEOUT_MIN_SEC, Math.round(next.timeoutSec) || TIMEOUT_MIN_SEC),
    );
    set({ settings: next });
    if (patch.lang !== undefined) void i18n.changeLanguage(next.lang ?? get().appInfo?.suggestedLang ?? 'en');
  },
});
