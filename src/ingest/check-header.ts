/**
 * Judges a CSV header against its kind's columns (DESIGN.md §7). Every problem here is fatal for the
 * file: a missing required column or a misspelt one would otherwise reject (or silently blank) every
 * row, and one clear message beats 200,000 identical ones.
 */
import type { ImportSpec } from './import-kinds.ts';
import { rowError, type RowError } from './row-error.ts';

const HEADER_ROW = 1;

export function checkHeader(
  columns: readonly string[],
  spec: ImportSpec,
  allowExtra: boolean,
  fileName: string,
): RowError[] {
  const errors: RowError[] = [];
  const fail = (field: string, value: string, expected: string, problem: string): void => {
    errors.push(rowError(fileName, HEADER_ROW, field, value, expected, problem));
  };
  const kindColumns = spec.columns.join(', ');
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    if (column === '') {
      fail('', '', 'a name for every column', `header column ${index + 1} has no name`);
    } else if (seen.has(column)) {
      fail(column, column, 'each column once', `the header names column ${JSON.stringify(column)} twice`);
    } else if (!allowExtra && !spec.known.has(column)) {
      fail(
        column,
        column,
        `one of ${kindColumns}`,
        `the header names column ${JSON.stringify(column)}, which is not a ${spec.kind} column ` +
          `(${kindColumns}); pass --allow-extra to ignore extra columns`,
      );
    }
    seen.add(column);
  });
  for (const required of spec.required) {
    if (!seen.has(required)) {
      fail(
        required,
        '',
        `a header with ${spec.required.join(', ')}`,
        `the header has no ${required} column, which ${spec.kind} files require (${spec.required.join(', ')})`,
      );
    }
  }
  return errors;
}
