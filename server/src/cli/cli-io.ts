/**
 * Where a command reads and writes. The real binary passes the process's own streams and environment; tests pass
 * captured ones, so every command runs in process and its output and exit code can be checked without spawning
 * Node for each case.
 */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: AsyncIterable<Buffer | string>;
  readonly stdout: CliStream;
  readonly stderr: CliStream;
}

export interface CliStream {
  write(chunk: string | Uint8Array, done?: (error?: Error | null) => void): boolean;
  readonly isTTY?: boolean;
}

export function processIo(): CliIo {
  return { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/** One line on standard output: what scripts read. */
export function printLine(io: CliIo, text: string): void {
  io.stdout.write(`${text}\n`);
}

/** One line on standard error: messages for the person at the terminal. */
export function printError(io: CliIo, text: string): void {
  io.stderr.write(`${text}\n`);
}

/** Writes and waits until the stream took it (a large report piped to another program). */
export function writeAll(stream: CliStream, chunk: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

export async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
