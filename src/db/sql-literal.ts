/**
 * A value inlined into SQL as a literal, for the statements that take no bind parameters (COPY).
 * Standard-conforming strings (the default since PostgreSQL 9.1, and PGlite's) make doubling single
 * quotes the whole escape; a NUL byte cannot be stored in text at all, so it is refused.
 */
export function sqlLiteral(value: string | Date): string {
  const text = value instanceof Date ? value.toISOString() : value;
  if (text.includes('\0')) throw new Error(`Cannot inline a value containing a NUL byte into SQL`);
  return `'${text.replaceAll("'", "''")}'`;
}
