/** A message to be translated into the caller's language: a catalog key and its ICU parameters. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * An error the caller can act on. It carries catalog keys, not text: the error handler translates it into the
 * caller's language and writes the `{"error": {code, message, fields}}` shape of the API.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    readonly code: string,
    readonly msg: Message,
    readonly fields?: Record<string, Message>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(`${code}: ${msg.key}`);
  }
}

export const notFound = () => new AppError(404, 'not_found', { key: 'errors:notFound' });
export const forbidden = () => new AppError(403, 'forbidden', { key: 'errors:forbidden' });
export const unauthorized = () => new AppError(401, 'unauthorized', { key: 'errors:unauthorized' });
export const conflict = (current?: Record<string, unknown>) =>
  new AppError(409, 'conflict', { key: 'errors:conflict' }, undefined, current ? { current } : undefined);
export const invalid = (fields: Record<string, Message>, msg: Message = { key: 'errors:invalidInput' }) =>
  new AppError(400, 'invalid_input', msg, fields);
