/**
 * Reads a file the product ships in data/. A missing or unreadable one is a broken install, not a
 * user mistake: the error says which file and how to get it back.
 */
import { readFileSync } from 'node:fs';
import { NorthboundError } from '../domain/errors.ts';

export function readShippedText(path: string, remedy: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new NorthboundError(
      'internal',
      `Cannot read ${path}: ${(error as Error).message}. ${remedy}`,
      { path },
      {
        cause: error,
      },
    );
  }
}
