// Main-side IPC: handle() refuses senders outside our app (other origins, file://, sub-frames, destroyed
// frames), validates arguments against the channel's schema with errors that name the field, never lets a
// throw cross the bridge, and registers exactly the contract's channels.
import { describe, expect, it, vi } from 'vitest';
import { INVOKE, ok, type Result } from '../../../src/shared/ipc';
import { createIpcRegistry } from '../../../src/main/ipc';
import { ServiceError, type Handlers } from '../../../src/main/ipc-dispatch';
import { isAppUrl } from '../../../src/main/url-policy';

type Registered = (event: unknown, ...args: unknown[]) => Promise<Result<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Registered>();
  return {
    handlers,
    handle: vi.fn((channel: string, fn: Registered) => handlers.set(channel, fn)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
}
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent }, sender: {} });
const policy = (url: string) => isAppUrl(url);

function setup(impl: Partial<Handlers>) {
  const ipcMain = fakeIpcMain();
  const log = vi.fn();
  const reg = createIpcRegistry(ipcMain, policy, log);
  for (const [channel, fn] of Object.entries(impl)) reg.handle(channel as keyof Handlers, fn);
  return {
    ipcMain,
    reg,
    log,
    call: (channel: string, event: unknown, ...args: unknown[]) =>
      ipcMain.handlers.get(channel)!(event, ...args),
  };
}

describe('ipc handle()', () => {
  const appInfoSpy = vi.fn(() => ok({ name: 'x' }) as never);

  it('answers our own top frame', async () => {
    const { call } = setup({ 'app:info': appInfoSpy });
    await expect(call('app:info', frame('app://renderer/index.html'))).resolves.toEqual({
      ok: true,
      value: { name: 'x' },
    });
  });

  it.each([
    ['another origin', frame('https://evil.example/')],
    ['file://', frame('file:///app/out/renderer/index.html')],
    ['a sub-frame of our page', frame('app://renderer/index.html', { url: 'app://renderer/' })],
    ['a destroyed frame', { senderFrame: null, sender: {} }],
    ['a look-alike host', frame('app://renderer.evil/index.html')],
    ['http on our host name', frame('http://renderer/index.html')],
  ])('refuses %s without calling the handler', async (_label, event) => {
    appInfoSpy.mockClear();
    const { call, log } = setup({ 'app:info': appInfoSpy });
    const r = await call('app:info', event);
    expect(r).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: expect.any(String) as string },
    });
    expect(appInfoSpy).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('rejects arguments that fail the schema, naming the field, without calling the handler', async () => {
    const start = vi.fn(() => ok({ runId: 'r' }));
    const { call } = setup({ 'diagnose:start': start });
    const r = await call('diagnose:start', frame('app://renderer/'), {
      target: { method: 'submission', from: 'a@b.c\r\nRCPT TO:<x@y>' },
      device: null,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-argument');
    expect(r.error.message).toContain('target.from');
    expect(r.error.issues?.[0]?.path).toBe('target.from');
    expect(start).not.toHaveBeenCalled();
  });

  it('rejects extra, missing and wrongly typed arguments', async () => {
    const cancel = vi.fn(() => ok({ cancelled: true }));
    const { call } = setup({ 'diagnose:cancel': cancel });
    const ev = frame('app://renderer/');
    for (const args of [[], ['../../etc'], [42], ['ok-id', 'extra'], [{ runId: 'x' }]]) {
      const r = await call('diagnose:cancel', ev, ...args);
      expect(r.ok, JSON.stringify(args)).toBe(false);
    }
    expect(cancel).not.toHaveBeenCalled();
    await expect(call('diagnose:cancel', ev, 'run-1')).resolves.toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(cancel).toHaveBeenCalledWith('run-1');
  });

  it('passes parsed arguments (defaults filled in) to the handler', async () => {
    const start = vi.fn((..._a: unknown[]) => ok({ runId: 'r' }));
    const { call } = setup({ 'diagnose:start': start });
    await call('diagnose:start', frame('app://renderer/'), { target: { method: 'relay' }, device: null });
    expect(start.mock.calls[0]?.[0]).toMatchObject({
      send: false,
      timeoutMs: 60_000,
      extraCaPem: [],
      target: { to: [], connectTo: [] },
    });
  });

  it('turns a throw into a Result without leaking its message', async () => {
    const { call, log } = setup({
      'lab:stop': () => {
        throw new Error('/home/tech/secret path and password hunter2');
      },
      'lab:scenarios': () => {
        throw new ServiceError('busy', 'Lab is starting.');
      },
    });
    const r = await call('lab:stop', frame('app://renderer/'));
    expect(r).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Unexpected error while handling lab:stop.' },
    });
    expect(JSON.stringify(log.mock.calls)).not.toContain('hunter2');
    await expect(call('lab:scenarios', frame('app://renderer/'))).resolves.toEqual({
      ok: false,
      error: { code: 'busy', message: 'Lab is starting.' },
    });
  });

  it('handleAll registers every contract channel and dispose removes them', () => {
    const ipcMain = fakeIpcMain();
    const reg = createIpcRegistry(ipcMain, policy);
    const all = Object.fromEntries(
      Object.keys(INVOKE).map((c) => [c, () => ok(null)]),
    ) as unknown as Handlers;
    reg.handleAll(all);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(INVOKE).sort());
    reg.dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
