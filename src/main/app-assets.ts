// Serving the renderer build (out/renderer) by URL path: containment inside the root, content types, and the
// CSP header. Electron-free: used by the app:// protocol handler and by the e2e bridge's HTTP server.
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/**
 * Same policy as src/renderer/index.html's meta tag; sent as a header too (headers also cover non-HTML). Styles
 * come only from the built stylesheet: no 'unsafe-inline' (React's style={{…}} props are set through the CSSOM,
 * which CSP allows; test/e2e/csp.spec.ts fails on any violation while every screen is shown).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a URL path maps to, or null when it would leave the root (traversal, encoded separators, NUL). */
export function resolveAsset(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]?.split('#')[0] ?? '');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '' || decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, relative);
  return file.startsWith(base + sep) ? file : null;
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface Asset {
  status: number;
  body: Buffer;
  headers: Record<string, string>;
}

/** Reads one asset; 404 for anything missing or outside the root (never a stack trace). */
export async function loadAsset(root: string, urlPath: string): Promise<Asset> {
  const security = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  const file = resolveAsset(root, urlPath);
  if (file) {
    try {
      const body = await readFile(file);
      return { status: 200, body, headers: { ...security, 'Content-Type': contentTypeOf(file) } };
    } catch {
      // fall through to 404
    }
  }
  return {
    status: 404,
    body: Buffer.from('Not found'),
    headers: { ...security, 'Content-Type': 'text/plain; charset=utf-8' },
  };
}
