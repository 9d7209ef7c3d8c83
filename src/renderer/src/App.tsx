// The window: sidebar + the current screen. Each screen is its own feature module.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Sidebar } from './components/Sidebar';
import { ChecklistScreen } from './features/checklist/ChecklistScreen';
import { DeviceScreen } from './features/device/DeviceScreen';
import { DiagnoseScreen } from './features/diagnose/DiagnoseScreen';
import { MethodScreen } from './features/method/MethodScreen';
import { CaptureScreen } from './features/capture/CaptureScreen';
import { ReportsScreen } from './features/reports/ReportsScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { useApp } from './store';
import { appSel } from './store/selectors';
import type { Screen } from './store/types';

function ScreenFor({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'device':
      return <DeviceScreen />;
    case 'method':
      return <MethodScreen />;
    case 'checklist':
      return <ChecklistScreen />;
    case 'diagnose':
      return <DiagnoseScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'capture':
      return <CaptureScreen />;
  }
}

export function App() {
  const { t } = useTranslation();
  const screen = useApp(appSel.screen);
  const main = useRef<HTMLElement>(null);
  // Move focus to the new screen's heading so keyboard and screen-reader users land where the content is.
  useEffect(() => {
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [screen]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Sidebar />
      <main id="main" className="content" ref={main} data-screen={screen}>
        <ScreenFor screen={screen} />
      </main>
    </div>
  );
}
