// Imported first by main.tsx: zod 4 probes whether it may compile parsers with `new Function` on the first parse.
// Our CSP has no 'unsafe-eval', so the probe is blocked (zod falls back) but Chromium still fires a
// securitypolicyviolation each time. jitless skips the probe and the compiled path (same results, no eval).
import { config } from 'zod/v4/core';

config({ jitless: true });
