/**
 * The one error type. Codes are a closed set so adapters can map each to an HTTP status or exit code
 * with a `Record<ErrorCode, …>`: adding a code without mapping it fails to compile.
 * Messages say what was attempted, why it failed and the value seen.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_place',
  'ambiguous_place',
  'not_found',
  'conflict',
  /** The viewer's role may not do this (a pool partner asking for the broker's tools). */
  'forbidden',
  'import_rejected',
  'store_unavailable',
  'config_invalid',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class NorthboundError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'NorthboundError';
    this.code = code;
    this.details = details;
  }
}

export const isNorthboundError = (value: unknown): value is NorthboundError =>
  value instanceof NorthboundError;
