import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics (GET /metrics). One registry per process: counters and histograms add up what
 * this process did; the pool gauges are set when /metrics is scraped.
 * Names follow Prometheus conventions: `_total` for counters, base units (seconds).
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'mektep_' });

const registers = [metricsRegistry];

export const httpRequests = new Counter({
  name: 'mektep_http_requests_total',
  help: 'HTTP requests answered, by method, route template and status code',
  labelNames: ['method', 'route', 'status'] as const,
  registers,
});

export const httpErrors = new Counter({
  name: 'mektep_http_errors_total',
  help: 'HTTP answers with status 500 or above, by route template',
  labelNames: ['method', 'route', 'status'] as const,
  registers,
});

export const httpDuration = new Histogram({
  name: 'mektep_http_request_duration_seconds',
  help: 'Time from request to the end of the answer, by method and route template',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers,
});

export const reportDuration = new Histogram({
  name: 'mektep_report_duration_seconds',
  help: 'Time to build a report, dashboard, public page or export, by what was built',
  labelNames: ['kind'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  registers,
});

export const importRows = new Counter({
  name: 'mektep_import_rows_total',
  help: 'Rows written by imports, by kind (children, aid, …)',
  labelNames: ['kind'] as const,
  registers,
});

export const dbPoolConnections = new Gauge({
  name: 'mektep_db_pool_connections',
  help: 'Database connections of this process by state (total, idle, waiting = queries waiting for one); max is the pool size',
  labelNames: ['pool', 'state'] as const,
  registers,
});

export const jobsByStatus = new Gauge({
  name: 'mektep_jobs',
  help: 'Background jobs by kind and status (queued, running; succeeded, failed, cancelled in the last hour), across all processes',
  labelNames: ['kind', 'status'] as const,
  registers,
});

export const jobsOldestQueued = new Gauge({
  name: 'mektep_jobs_oldest_queued_seconds',
  help: 'Age of the oldest job waiting to run, by kind',
  labelNames: ['kind'] as const,
  registers,
});

export const jobRuns = new Counter({
  name: 'mektep_job_runs_total',
  help: 'Job runs ended in this process, by kind and outcome (succeeded, failed, cancelled, queued = to run again, lost = its process died)',
  labelNames: ['kind', 'outcome'] as const,
  registers,
});

export const jobDuration = new Histogram({
  name: 'mektep_job_duration_seconds',
  help: 'Run time of jobs in this process, by kind',
  labelNames: ['kind'] as const,
  buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 900, 1800],
  registers,
});

/** Runs `work` and records how long it took under `kind` in mektep_report_duration_seconds. */
export async function timeReport<T>(kind: string, work: () => Promise<T>): Promise<T> {
  const end = reportDuration.startTimer({ kind });
  try {
    return await work();
  } finally {
    end();
  }
}
