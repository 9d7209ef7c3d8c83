// One entry point for every export (HTML, PDF, ticket, support bundle): renders the texts, scans every one of
// them for every secret form of every secret used in the session, and only then produces bytes or writes a file.
// A hit throws StoreError('secret') naming the output, never the secret.
import type { Lang } from '../../shared/model';
import type { Report } from '../../shared/report';
import type { SessionSecrets } from '../../shared/secrets';
import { writeFileAtomic } from '../store/atomic-write';
import { sanitizeFileStem } from '../store/safe-paths';
import { assertNoSecrets, stringLeaves } from '../store/secret-guard';
import { StoreError } from '../store/store-error';
import { zipEntries } from './bundle';
import { renderReportHtml } from './html';
import type { PdfPrinter } from './pdf';
import { renderTicket, type TicketFormat } from './ticket';
import { renderTranscriptText } from './transcript-text';
import { safeJson } from './text-safety';

export const EXPORT_FORMATS = ['html', 'pdf', 'zip', 'ticket'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  format: ExportFormat;
  lang: Lang;
  /** Ticket only: Markdown (default) or plain text. */
  ticketFormat?: TicketFormat;
  /** Every secret used in the session (memory only). */
  secrets: readonly SessionSecrets[];
  /** Needed for `pdf`: Electron printToPDF in the app, Chromium elsewhere. */
  pdf?: PdfPrinter;
}

export interface ExportResult {
  bytes: Uint8Array;
  /** Suggested file name, sanitised (customer, site, date). */
  fileName: string;
  mime: string;
}

const EXT: Record<ExportFormat, string> = { html: 'html', pdf: 'pdf', zip: 'zip', ticket: 'md' };
const MIME: Record<ExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  zip: 'application/zip',
  ticket: 'text/markdown; charset=utf-8',
};

export function defaultExportName(
  report: Report,
  format: ExportFormat,
  ticketFormat: TicketFormat = 'markdown',
): string {
  const date = (report.runs[report.runs.length - 1]?.diagnosis.startedAt ?? report.createdAt).slice(0, 10);
  const stem = sanitizeFileStem(
    [report.job.customer, report.job.site, date].filter(Boolean).join(' '),
    report.id,
  );
  const ext = format === 'ticket' && ticketFormat === 'text' ? 'txt' : EXT[format];
  return `${stem}${format === 'zip' ? '-support' : format === 'ticket' ? '-ticket' : ''}.${ext}`;
}

/** Renders the export in memory after the secret scan. Throws StoreError('secret' | 'export-failed'). */
export async function buildExport(report: Report, req: ExportRequest): Promise<ExportResult> {
  const { lang, format } = req;
  // The report's raw strings are scanned as well as the outputs: an escaping we do not model (Markdown, PDF
  // text encoding) cannot hide a secret that is caught before it is escaped.
  const raw = stringLeaves(report);
  const guard = (what: string, texts: string[]) =>
    assertNoSecrets(`${what} export`, [...raw, ...texts], req.secrets);
  const fileName = defaultExportName(report, format, req.ticketFormat);
  const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  switch (format) {
    case 'html': {
      const html = renderReportHtml(report, { lang });
      guard('HTML', [html]);
      return { bytes: utf8(html), fileName, mime: MIME.html };
    }
    case 'ticket': {
      const tf = req.ticketFormat ?? 'markdown';
      const text = renderTicket(report, { lang, format: tf });
      guard('Ticket', [text]);
      return { bytes: utf8(text), fileName, mime: tf === 'text' ? 'text/plain; charset=utf-8' : MIME.ticket };
    }
    case 'zip': {
      const files = {
        'ticket.md': renderTicket(report, { lang, format: 'markdown' }),
        'report.html': renderReportHtml(report, { lang }),
        'transcript.txt': renderTranscriptText(report, lang),
        'report.json': safeJson(report),
      };
      guard('Support bundle', Object.values(files));
      return { bytes: await zipEntries(files, new Date(report.updatedAt)), fileName, mime: MIME.zip };
    }
    case 'pdf': {
      const html = renderReportHtml(report, { lang });
      guard('PDF', [html]);
      if (!req.pdf)
        throw new StoreError('export-failed', 'PDF export needs a PDF printer (Electron or Chromium)');
      let bytes: Uint8Array;
      try {
        bytes = await req.pdf.print(html);
      } catch (err) {
        const msg = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
        throw new StoreError('export-failed', `PDF printing failed: ${msg.slice(0, 200)}`);
      }
      // Defence in depth: the PDF's uncompressed parts must not hold a secret either.
      guard('PDF', [Buffer.from(bytes).toString('latin1')]);
      return { bytes, fileName, mime: MIME.pdf };
    }
  }
}

/** Builds the export and writes it atomically to `out` (only after the secret scan passed). */
export async function writeExport(
  report: Report,
  req: ExportRequest,
  out: string,
): Promise<{ path: string; bytes: number }> {
  const res = await buildExport(report, req);
  await writeFileAtomic(out, res.bytes);
  return { path: out, bytes: res.bytes.byteLength };
}
