import type { FastifyRequest } from 'fastify';
import { LANGS, pickLang, type Lang } from '#domain/lang';

/** The caller's language: `?lang=`, then Accept-Language, then the signed-in user's own setting, then ru. */
export function requestLang(req: FastifyRequest): Lang {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (typeof q === 'string' && (LANGS as readonly string[]).includes(q)) return q as Lang;
  const header = req.headers['accept-language'];
  if (header) return pickLang(header);
  const userLang = req.viewer?.lang;
  if (userLang && (LANGS as readonly string[]).includes(userLang)) return userLang as Lang;
  return 'ru';
}
