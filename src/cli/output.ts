/**
 * How commands speak: a human summary on stdout by default, one JSON document with --json.
 * Errors go to stderr (or as {"error": …} JSON) and set the exit code from EXIT_CODES.
 */
import { isNorthboundError } from '../domain/errors.ts';
import { EXIT_CODES } from './exit-codes.ts';

export interface OutputOptions {
  readonly json?: boolean;
}

export function emit(options: OutputOptions, value: unknown, human: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

export function fail(options: OutputOptions, error: unknown): void {
  const code = isNorthboundError(error) ? error.code : 'internal';
  const message = error instanceof Error ? error.message : String(error);
  if (options.json) {
    const details = isNorthboundError(error) ? error.details : {};
    process.stdout.write(`${JSON.stringify({ error: { code, message, details } }, null, 2)}\n`);
  } else {
    process.stderr.write(`error: ${message}\n`);
    if (!isNorthboundError(error) && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`);
  }
  process.exitCode = EXIT_CODES[code];
}
