// Runs the bridge as its own process (like Electron's main): `node --import tsx test/e2e/bridge/main.ts
// --data DIR [--locale ja-JP] [--secret-backend basic_text]`. Prints one JSON line {"url": ...} when ready;
// SIGTERM/SIGINT close it cleanly.
import { parseArgs } from 'node:util';
import { startBridge } from './server';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    locale: { type: 'string', default: 'ja-JP' },
    'secret-backend': { type: 'string', default: 'ephemeral' },
    'worker-entry': { type: 'string' },
    renderer: { type: 'string' },
    prewarm: { type: 'boolean', default: false },
  },
});
if (!values.data) {
  console.error('usage: main.ts --data DIR [--locale ja-JP] [--secret-backend ephemeral|basic_text]');
  process.exit(2);
}
const bridge = await startBridge({
  dataDir: values.data,
  osLocale: values.locale,
  secretBackend: values['secret-backend'] === 'basic_text' ? 'basic_text' : 'ephemeral',
  ...(values['worker-entry'] ? { workerEntry: values['worker-entry'] } : {}),
  ...(values.renderer ? { rendererDir: values.renderer } : {}),
  ...(values.prewarm ? { prewarm: true } : {}),
});
process.stdout.write(`${JSON.stringify({ url: bridge.url })}\n`);
let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  void bridge.close().finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.on('disconnect', shutdown);
