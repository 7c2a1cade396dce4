/** Refused input (exit 1) or a usage error (exit 2), with a message already in the operator's language. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
