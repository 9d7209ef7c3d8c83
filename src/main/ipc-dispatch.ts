// Electron-free dispatch of one invoke: validate the arguments with the channel's zod schema (ipc-schemas.ts), run the handler,
// and turn anything thrown into a Result. Shared by the Electron ipc layer and the e2e bridge.
import {
  INVOKE,
  fail,
  type FieldIssue,
  type InvokeChannel,
  type InvokeResult,
  type Result,
} from '../shared/ipc';
import { IPC_SCHEMAS, type InvokeParsedArgs } from './ipc-schemas';

export type Handler<C extends InvokeChannel> = (
  ...args: InvokeParsedArgs<C>
) => Promise<Result<InvokeResult<C>>> | Result<InvokeResult<C>>;
/** The whole Api on the main side: one handler per channel (services.ts implements it). */
export type Handlers = { [C in InvokeChannel]: Handler<C> };

/** An error whose message is fit for the technician (no secrets, no paths outside our data folder). */
export class ServiceError extends Error {
  constructor(
    readonly code: 'not-found' | 'busy' | 'unavailable' | 'invalid-argument' | 'internal',
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Most issues reported in one message (bounds the text shown for hostile input). */
const MAX_ISSUES_SHOWN = 5;

type ZodIssueLike = { path: readonly PropertyKey[]; message: string };

/** Zod issues as field issues: `target.from` etc. (the tuple index of the argument is dropped). */
export function fieldIssues(issues: readonly ZodIssueLike[]): FieldIssue[] {
  return issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => ({
    path: issue.path
      .slice(1)
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
      .join(''),
    message: issue.message,
  }));
}

/** One line: `field.path: message; ...`. */
export function formatIssues(issues: readonly ZodIssueLike[]): string {
  const parts = fieldIssues(issues).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > MAX_ISSUES_SHOWN ? ` (+${issues.length - MAX_ISSUES_SHOWN} more)` : '';
  return parts.join('; ') + more;
}

export function isInvokeChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(INVOKE, channel);
}

export type Logger = (message: string) => void;

/** Validates, calls and wraps; never throws. `log` gets channel + error class only (never arguments: secrets). */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawArgs: readonly unknown[],
  log: Logger = () => {},
): Promise<Result<unknown>> {
  if (!isInvokeChannel(channel)) return fail('invalid-argument', `Unknown channel: ${channel.slice(0, 60)}`);
  const parsed = IPC_SCHEMAS[channel].safeParse(rawArgs);
  if (!parsed.success) {
    return fail('invalid-argument', formatIssues(parsed.error.issues), fieldIssues(parsed.error.issues));
  }
  const handler = handlers[channel] as (...args: unknown[]) => Promise<Result<unknown>> | Result<unknown>;
  try {
    return await handler(...(parsed.data as unknown[]));
  } catch (err) {
    if (err instanceof ServiceError) return fail(err.code, err.message);
    log(`ipc ${channel}: unexpected ${err instanceof Error ? err.name : typeof err}`);
    return fail('internal', `Unexpected error while handling ${channel}.`);
  }
}
