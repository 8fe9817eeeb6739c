/**
 * Exit code per error code (sysexits.h style). A Record, so adding an ErrorCode without deciding
 * its exit code fails to compile.
 */
import type { ErrorCode } from '../domain/errors.ts';

export const EXIT_CODES: Record<ErrorCode, number> = {
  invalid_input: 65,
  unknown_place: 65,
  ambiguous_place: 65,
  import_rejected: 65,
  not_found: 66,
  conflict: 75,
  forbidden: 77,
  store_unavailable: 69,
  config_invalid: 78,
  internal: 70,
};
