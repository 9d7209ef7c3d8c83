// App-level state: current screen, the host's info (OS locale, platform) and local interfaces.
import { client, errorText } from '../api/client';
import i18n from '../i18n';
import type { AppSlice, Slice } from './types';

export const createAppSlice: Slice<AppSlice> = (set, get) => ({
  screen: 'device',
  appInfo: null,
  interfaces: [],
  go: (screen) => set({ screen }),
  boot: async () => {
    try {
      const appInfo = await client.appInfo();
      set({ appInfo });
      // The OS locale decides the language until the technician picks one in Settings.
      await i18n.changeLanguage(get().settings.lang ?? appInfo.suggestedLang);
    } catch (err) {
      console.warn('app info unavailable:', errorText(err));
    }
    await Promise.all([
      get().loadCatalog(),
      get().loadScenarios(),
      client.listInterfaces().then(
        (interfaces) => set({ interfaces }),
        (err: unknown) => console.warn('interfaces unavailable:', errorText(err)),
      ),
    ]);
  },
});
