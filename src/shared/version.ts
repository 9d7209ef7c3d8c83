declare const __APP_VERSION__: string | undefined;

/** App version: injected at build time; falls back for tests run from source. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.1.0-dev';
