// PDF printing behind an interface: in the app, Electron's webContents.printToPDF (an adapter in src/main);
// elsewhere (CLI, CI) the same HTML printed by Chromium through playwright-core with JavaScript disabled and every
// network request refused. Either way the input is our self-contained HTML; the output is A4.
import { chromium } from 'playwright-core';

export interface PdfPrinter {
  /** Prints self-contained HTML to PDF bytes (A4, CSS @page honoured, backgrounds printed). */
  print(html: string): Promise<Uint8Array>;
}

/** Where Debian/Ubuntu put Chromium; override with DMD_CHROMIUM. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
/** Bound on launching the browser and on printing one document, in milliseconds. */
export const PDF_LAUNCH_TIMEOUT_MS = 30_000;
export const PDF_PRINT_TIMEOUT_MS = 60_000;

export interface ChromiumPdfOptions {
  executablePath?: string;
}

/** A PdfPrinter that launches headless Chromium for each document and closes it afterwards. */
export function createChromiumPdfPrinter(opts: ChromiumPdfOptions = {}): PdfPrinter {
  const executablePath = opts.executablePath ?? process.env.DMD_CHROMIUM ?? DEFAULT_CHROMIUM_PATH;
  return {
    async print(html) {
      const browser = await chromium.launch({
        executablePath,
        headless: true,
        timeout: PDF_LAUNCH_TIMEOUT_MS,
        args: ['--disable-gpu'],
      });
      try {
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        const page = await context.newPage();
        page.setDefaultTimeout(PDF_PRINT_TIMEOUT_MS);
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        return new Uint8Array(pdf);
      } finally {
        await browser.close();
      }
    },
  };
}
