// Electron's save dialog as the reports' ExportTarget: the technician picks where an export goes.
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { ReportFormat } from '../../shared/ipc';
import type { ExportTarget } from '../services/reports';

const FILTERS: Record<ReportFormat, { name: string; extensions: string[] }> = {
  html: { name: 'HTML', extensions: ['html'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  zip: { name: 'ZIP', extensions: ['zip'] },
  ticket: { name: 'Text', extensions: ['md', 'txt'] },
};

export function saveDialogTarget(window: () => BrowserWindow | null): ExportTarget {
  return async (suggestedName, format) => {
    const options: SaveDialogOptions = {
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters: [FILTERS[format]],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const win = window();
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
}
