// Errors the report store and the exporters raise for bad input or a blocked write. Each has a stable code so
// IPC handlers can return `{ ok: false, error: { code, message } }` and the CLI can map them to exit codes.
export type StoreErrorCode =
  | 'not-found'
  | 'invalid-id'
  | 'outside'
  | 'corrupt'
  | 'newer'
  | 'invalid'
  | 'exists'
  | 'secret'
  | 'export-failed';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const isStoreError = (err: unknown): err is StoreError => err instanceof StoreError;
