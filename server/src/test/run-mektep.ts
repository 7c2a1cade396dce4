import { Readable } from 'node:stream';
import type { CliIo, CliStream } from '../cli/cli-io.ts';
import { runCli } from '../cli/program.ts';

export interface MektepRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface MektepOptions {
  /** The command's whole environment (the test's own is not inherited): DATABASE_URL, MEKTEP_LANG, … */
  env: NodeJS.ProcessEnv;
  /** What is piped to standard input. */
  stdin?: string;
  /** Pretend standard error is a terminal (progress rewritten in place). */
  tty?: boolean;
}

function capture(tty: boolean): CliStream & { text(): string } {
  const chunks: Buffer[] = [];
  return {
    isTTY: tty,
    write(chunk, done) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
      done?.(null);
      return true;
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

/**
 * Runs `mektep ARGS` in this process, exactly as the binary would (the same command parser, exit codes and
 * messages), and answers its exit code and what it wrote. A test of a command costs no Node start-up.
 */
export async function runMektep(args: readonly string[], options: MektepOptions): Promise<MektepRun> {
  const stdout = capture(false);
  const stderr = capture(options.tty ?? false);
  const io: CliIo = { env: options.env, stdin: Readable.from([options.stdin ?? '']), stdout, stderr };
  const code = await runCli(args, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
