// The application menu. Electron's default menu has View → Toggle Developer Tools / Reload (and their shortcuts,
// Ctrl+Shift+I, Ctrl+R); a packaged build gets none of them: DevTools are off there (window.ts) and a reload
// would drop a diagnosis in progress. Edit stays everywhere so copy/paste shortcuts work (macOS needs the menu).
import type { MenuItemConstructorOptions } from 'electron';

/** Menu roles only a developer needs (each brings its keyboard shortcut with it). */
export const DEVELOPER_ROLES = ['toggleDevTools', 'reload', 'forceReload'] as const;

export function appMenuTemplate(platform: NodeJS.Platform, devTools: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(devTools
      ? ([
          { role: 'reload' },
          { role: 'forceReload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] as const)
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
