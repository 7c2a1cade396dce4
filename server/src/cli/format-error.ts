import type { Lang } from '#domain/lang';
import { AppError } from '../http/app-error.ts';
import { translate } from '../i18n/translator.ts';
import { CliError } from './cli-error.ts';
import { ZodError } from 'zod';

/** Turns what a service refused into the message and exit code the operator sees. */
export function cliErrorOf(error: unknown, lang: Lang): CliError | null {
  if (error instanceof CliError) return error;
  if (error instanceof AppError) {
    const lines = [translate(lang, error.msg.key, error.msg.params)];
    for (const [field, m] of Object.entries(error.fields ?? {}))
      lines.push(`  ${field}: ${translate(lang, m.key, m.params)}`);
    return new CliError(lines.join('\n'), 1);
  }
  if (error instanceof ZodError) {
    const lines = [translate(lang, 'errors:invalidInput')];
    for (const issue of error.issues) lines.push(`  ${issue.path.join('.') || '_'}: ${issue.message}`);
    return new CliError(lines.join('\n'), 1);
  }
  return null;
}
