// Public surface of the exporters (Electron-free): HTML, PDF (printer injected), ticket, support bundle, compare.
export { buildExport, writeExport, defaultExportName, EXPORT_FORMATS, type ExportFormat, type ExportRequest, type ExportResult } from './export-report';
export { renderReportHtml, reportCsp } from './html';
export { renderTicket, type TicketFormat } from './ticket';
export { renderTranscriptText } from './transcript-text';
export { compareRuns, compareReports, sameSite, type RunComparison, type CheckDiff } from './compare-runs';
export { createChromiumPdfPrinter, type PdfPrinter } from './pdf';
export { createElectronPdfPrinter, HIDDEN_WINDOW_OPTIONS, type PrintWindow } from './pdf-electron';
export { neutralize, displayLine } from './text-safety';
