import { LogController } from 'fastify';
import type { App } from '../../http/app-types.ts';
import { httpDuration, httpErrors, httpRequests, reportDuration } from './metrics.ts';

/** Routes whose time is the time of building a report, a dashboard, the public page or an export. */
const REPORT_ROUTE = /^\/api\/(reports|public)\/|\/export(\/|$)|\/dashboard/;

/**
 * Fastify's own request lines off (installRequestLog writes one per request, at debug), the way Fastify 5.12+
 * asks for it: the top-level `disableRequestLogging` option prints a deprecation warning at every start.
 */
export const quietLogController = () => new LogController({ disableRequestLogging: true });

/**
 * One log line and the request metrics per answered request. Every request is logged at debug; info keeps what
 * an operator reads every day: slow requests (over SLOW_REQUEST_MS) and server errors, besides start and stop.
 * Metrics are labelled by route template (`/api/children/:id`), never the raw URL, so they stay few.
 */
export function installRequestLog(app: App, slowMs: number) {
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? '(unmatched)';
    if (route === '/metrics') return;
    const status = reply.statusCode;
    const ms = reply.elapsedTime;
    const labels = { method: req.method, route };
    httpRequests.inc({ ...labels, status: String(status) });
    httpDuration.observe(labels, ms / 1000);
    if (status >= 500) httpErrors.inc({ ...labels, status: String(status) });
    if (REPORT_ROUTE.test(route) && status < 400) reportDuration.observe({ kind: route }, ms / 1000);

    const line = { method: req.method, url: req.url, route, status, ms: Math.round(ms), ip: req.ip };
    if (status >= 500) req.log.error(line, 'request failed');
    else if (ms >= slowMs) req.log.info(line, 'slow request');
    else req.log.debug(line, 'request');
  });
}
