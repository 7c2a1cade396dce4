import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translate } from '../i18n/translator.ts';
import { requestLang } from './request-lang.ts';
import { AppError, type Message } from './app-error.ts';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

// A zod issue becomes a message in the caller's language; the path names the field.
function issueMessage(issue: ValidationIssue): Message {
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      return {
        key: 'errors:validation.invalidType',
        params: { expected: typeof p.expected === 'string' ? p.expected : '' },
      };
    case 'too_small':
      return p.origin === 'string'
        ? { key: 'errors:validation.tooShort', params: { min: Number(p.minimum ?? 0) } }
        : { key: 'errors:validation.tooSmall', params: { min: Number(p.minimum ?? 0) } };
    case 'too_big':
      return p.origin === 'string'
        ? { key: 'errors:validation.tooLong', params: { max: Number(p.maximum ?? 0) } }
        : { key: 'errors:validation.tooBig', params: { max: Number(p.maximum ?? 0) } };
    case 'invalid_format':
      return {
        key: 'errors:validation.invalidFormat',
        params: { format: typeof p.format === 'string' ? p.format : '' },
      };
    case 'invalid_value':
      return {
        key: 'errors:validation.invalidValue',
        params: { values: (p.values as unknown[] | undefined)?.join(', ') ?? '' },
      };
    case 'unrecognized_keys':
      return { key: 'errors:validation.unknownField' };
    default:
      return { key: 'errors:validation.invalid' };
  }
}

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: string,
  msg: Message,
  fields?: Record<string, Message>,
  extra?: Record<string, unknown>,
) {
  const lang = requestLang(req);
  const body: { error: Record<string, unknown> } = {
    error: { code, message: translate(lang, msg.key, msg.params) },
  };
  if (fields && Object.keys(fields).length > 0) {
    body.error.fields = Object.fromEntries(
      Object.entries(fields).map(([name, m]) => [name, translate(lang, m.key, m.params)]),
    );
  }
  if (extra) Object.assign(body.error, extra);
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return send(reply, req, error.status, error.code, error.msg, error.fields, error.extra);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, Message> = {};
    for (const issue of error.validation as unknown as ValidationIssue[]) {
      if (issue.keyword === 'unrecognized_keys') {
        for (const key of (issue.params.keys as string[] | undefined) ?? []) {
          fields[[issue.instancePath.slice(1), key].filter(Boolean).join('.')] = issueMessage(issue);
        }
        continue;
      }
      const name = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
      fields[name] ??= issueMessage(issue);
    }
    return send(reply, req, 400, 'invalid_input', { key: 'errors:invalidInput' }, fields);
  }
  const status = error.statusCode ?? 500;
  if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return send(reply, req, 413, 'too_large', { key: 'errors:tooLarge' });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return send(reply, req, 415, 'unsupported_media_type', { key: 'errors:unsupportedMediaType' });
  }
  if (status === 429) return send(reply, req, 429, 'too_many_requests', { key: 'errors:tooManyRequests' });
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
    return send(reply, req, 403, 'csrf', { key: 'errors:csrf' });
  }
  if (status >= 400 && status < 500) {
    // Malformed JSON, empty bodies and the like: the parser's own error, in our shape.
    return send(reply, req, status, 'bad_request', { key: 'errors:badRequest' });
  }
  if (isPostgresDataException(error)) {
    // A value the client sent that PostgreSQL cannot take (a NUL in text, a number out of range, not a date):
    // SQLite would have stored or compared it; either way it is the input that is wrong, not the server.
    return send(reply, req, 400, 'invalid_input', { key: 'errors:invalidInput' });
  }
  req.log.error({ err: error }, 'unhandled error');
  return send(reply, req, 500, 'internal', { key: 'errors:internal' });
}

/** PostgreSQL's SQLSTATE class 22, "data exception": raised by the values of a statement, not by its shape. */
function isPostgresDataException(error: unknown): boolean {
  const e = error as { code?: unknown; severity?: unknown };
  return typeof e.severity === 'string' && typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code);
}
