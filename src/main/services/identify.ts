// Identify over IPC: one device per request, cancellable by the id the renderer chose, at most a couple at once.
// The community is handed to the probes and (when not the default) to the session's secret scan, nothing else.
import { fail, ok, type Result } from '../../shared/ipc';
import type { IdentifyEvidence, IdentifyRequest } from '../../shared/identify';
import type { SessionSecrets } from '../../shared/secrets';
import { DEFAULT_COMMUNITY, identifyDevice } from '../identify';
import type { ProfileBackend } from './profiles';

/** Identifies running at once (each is one device: a second window or a double click, not a sweep). */
export const MAX_CONCURRENT_IDENTIFY = 2;

export function createIdentifyService(profiles: ProfileBackend, remember: (s: SessionSecrets) => void) {
  const running = new Map<string, AbortController>();
  return {
    async run(args: IdentifyRequest & { id: string }): Promise<Result<IdentifyEvidence>> {
      if (running.has(args.id)) return fail('busy', 'An identify with this id is already running.');
      if (running.size >= MAX_CONCURRENT_IDENTIFY)
        return fail('busy', 'Another device is being identified; wait for it or cancel it.');
      const { id, ...request } = args;
      if (request.community !== undefined && request.community !== DEFAULT_COMMUNITY)
        remember({ snmpCommunity: request.community });
      const controller = new AbortController();
      running.set(id, controller);
      try {
        const listing = await profiles.list();
        return ok(await identifyDevice(request, { profiles: listing.files, signal: controller.signal }));
      } catch (err) {
        return fail(
          'internal',
          `identify failed: ${err instanceof Error ? err.message.slice(0, 200) : 'unknown error'}`,
        );
      } finally {
        running.delete(id);
      }
    },
    cancel(id: string): Result<{ cancelled: boolean }> {
      const c = running.get(id);
      c?.abort();
      return ok({ cancelled: c !== undefined });
    },
    dispose(): void {
      for (const c of running.values()) c.abort();
    },
  };
}
