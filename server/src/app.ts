import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { trustedProxies, type Config } from './config.ts';
import type { Database } from './db/engine.ts';
import { featureRoutes } from './features/routes.ts';
import { AppError } from './http/app-error.ts';
import type { App } from './http/app-types.ts';
import { installIdempotency } from './features/idempotency/idempotency.ts';
import { installAuthHook } from './http/auth-hook.ts';
import { installReadYourWrites } from './http/read-your-writes.ts';
import { errorHandler } from './http/error-handler.ts';
import { projectRoot } from './project-root.ts';
import { buildServices, type Services } from './services.ts';
import { registerRateLimits } from './features/rate-limits/rate-limits.ts';
import { installRequestLog, quietLogController } from './features/system/request-log.ts';
import { systemRoutes } from './features/system/system.routes.ts';

const webDist = join(projectRoot, 'web/dist/');
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A file the build named by its content's hash (web/dist/assets/name-HASH.ext, possibly as its .br/.gz twin). */
const isHashedAsset = (path: string) =>
  /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+(\.(br|gz))?$/.test(path);

export interface BuildOptions {
  database: Database;
  config: Config;
  /** Serve the built web app from web/dist when it exists (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
  /** The services, when the caller built them (main.ts shares them with the job runner). */
  services?: Services;
  /** Figures read at /metrics scrape time (the job queue). */
  collectMetrics?: () => Promise<void>;
  /** Where the built web app is (web/dist); tests point it at a folder of their own. */
  webRoot?: string;
  /** Requests per minute per address (the benchmarks lift it). */
  rateLimitMax?: number;
}

/** Builds the whole HTTP application over an open, migrated database. */
export async function buildApp({
  database,
  config,
  serveWeb = true,
  logger = true,
  rateLimitMax = 1200,
  services: given,
  collectMetrics,
  webRoot = webDist,
}: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.LOG_LEVEL,
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        }
      : false,
    // installRequestLog logs each request once, at debug (info keeps slow requests and errors).
    logController: quietLogController(),
    bodyLimit: 1024 * 1024,
    // Only the configured proxies may say who the client is (X-Forwarded-For); by default nobody can.
    trustProxy: trustedProxies(config),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects its CSS variables in <style> tags at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await registerRateLimits(app, database, rateLimitMax);
  // An office PC on a slow line: every JSON answer and page goes out gzip'd or brotli'd when the browser takes it.
  // Files the build already compressed (web/dist/**/*.br, *.gz) are sent as they are by the static plugin below.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true },
    // A token is bound to the session it was issued for: another user's token (or one from before signing in
    // again) is refused. The binding's secret is the session id itself, never sent to the browser, so the HMAC key
    // may be the same in every process.
    getUserInfo: (req) => req.sessionId ?? '',
    csrfOpts: { hmacKey: 'mektepke-jol csrf token bound to a session' },
  });
  // Nothing the API answers is to be kept by a browser or a proxy cache: answers carry children's personal data.
  // A route that chose its own caching (the public campaign page) keeps it.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(multipart, { limits: { fileSize: config.UPLOAD_MAX_MB * 1024 * 1024, files: 5 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Mektepke Jol API',
        version: '1',
        description: 'The «Дорога в школу» / «Мектепке жол» campaign system',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  const services = given ?? buildServices(database, config);
  installAuthHook(app, services.auth);
  installIdempotency(app, database);
  if (database.replica) installReadYourWrites(app);

  installRequestLog(app, config.SLOW_REQUEST_MS);
  systemRoutes(app, { database, config, collect: collectMetrics });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  for (const register of featureRoutes) register(app, services);

  const hasWeb = serveWeb && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    // Wildcard serving looks files up per request, so a rebuilt bundle is served without a restart; a path that
    // is not a file falls through to the not-found handler below (the single page, or a JSON 404 under /api).
    // preCompressed sends the build's .br/.gz twin of a file when the browser accepts it. Files under /assets/
    // carry a hash of their content in their name, so a browser may keep them for a year without asking again;
    // index.html names the current ones and is revalidated on every load.
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', isHashedAsset(path) ? IMMUTABLE : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (!req.url.startsWith('/api/') && req.method === 'GET' && hasWeb) {
      // Client-side routes (/children, /reports/…) all load the single page.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    throw new AppError(404, 'not_found', { key: 'errors:notFound' });
  });

  app.addHook('onClose', async () => {
    await database.close();
  });
  return app;
}
