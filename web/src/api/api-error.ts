import type { ErrorBody } from './types.ts';

/** A failed API call. `message` is already in the user's language when the server wrote it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** Anything else the server put in the error, e.g. `current` (the record as saved now) with a 409. */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: Record<string, string> = {},
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }

  /** True when someone else saved the record after we loaded it. */
  get isConflict(): boolean {
    return this.status === 409;
  }

  static fromBody(status: number, body: unknown): ApiError {
    if (isErrorBody(body)) {
      const { code, message, fields, ...details } = body.error;
      return new ApiError(status, code, message, fields ?? {}, details);
    }
    // A proxy page or an empty body: no server message to show, the UI falls back to its own text.
    return new ApiError(status, 'http_' + String(status), '');
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
