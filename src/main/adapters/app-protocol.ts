// Serves the renderer build from app://renderer/ (a privileged, standard, secure scheme) instead of file://,
// so the app has a real origin for the CSP and the IPC sender check, and no file system reach by URL.
import { protocol } from 'electron';
import { loadAsset } from '../app-assets';
import { APP_HOST, APP_SCHEME } from '../url-policy';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After 'ready': answer app://renderer/<path> from rendererDir; anything else is 404. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const asset = await loadAsset(rendererDir, url.pathname);
    return new Response(new Uint8Array(asset.body), { status: asset.status, headers: asset.headers });
  });
}
