import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('takes the defaults when nothing is set, and an empty variable as not set', () => {
    const c = loadConfig({ LOG_LEVEL: '' });
    expect(c).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info', DATABASE_POOL_MAX: 10 });
  });

  it('refuses bad settings with one line each, naming the setting, its value and what it accepts', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'verbose',
        DATABASE_URL: 'mysql://db/x',
        METRICS_TOKEN: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).lines).toEqual([
      'PORT="eighty": expected a port number 0–65535',
      'DATABASE_URL="mysql://db/x": expected postgres://user:pass@host/db or file:PATH',
      'LOG_LEVEL="verbose": expected fatal, error, warn, info, debug, trace or silent',
      'METRICS_TOKEN=(hidden): expected a secret of at least 16 characters',
    ]);
  });

  it('refuses a replica without a PostgreSQL primary', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://r/x' })).toThrow(
      'DATABASE_READ_URL is set but DATABASE_URL="not set": a replica needs a PostgreSQL primary',
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://p/x', DATABASE_READ_URL: 'file:x' })).toThrow(
      /DATABASE_READ_URL="file:x": expected postgres:/,
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://p/x', DATABASE_READ_URL: 'postgres://r/x' })).toMatchObject(
      {
        DATABASE_READ_URL: 'postgres://r/x',
      },
    );
  });
});
