import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import type { SparseAssignmentProblem } from '../optimize/sparse-assignment.ts';
import { readOrLibraryAssignment } from './read-or-library-assignment.ts';

const DIR = fileURLToPath(new URL('../../data/benchmarks/or-library-assignment/', import.meta.url));

/** Each row's arcs as [column, cost] pairs, in CSR order. */
const arcsOf = (p: SparseAssignmentProblem) =>
  Array.from({ length: p.rows }, (_, i) =>
    Array.from({ length: p.rowStart[i + 1]! - p.rowStart[i]! }, (_, k) => [
      p.colIndex[p.rowStart[i]! + k],
      p.cost[p.rowStart[i]! + k],
    ]),
  );

describe('readOrLibraryAssignment', () => {
  it('reads the dense layout: n, then n costs per row, wrapped over lines', () => {
    const p = readOrLibraryAssignment(' 2\n 7 -3\n\n 4\n 9', 'tiny.txt');
    expect(p.rows).toBe(2);
    expect(p.cols).toBe(2);
    expect(p.unmatchedCost).toBeUndefined();
    expect(arcsOf(p)).toEqual([
      [
        [0, 7],
        [1, -3],
      ],
      [
        [0, 4],
        [1, 9],
      ],
    ]);
  });

  it('reads the sparse layout with irregular whitespace, CRLF, tabs, no final newline and rows out of order', () => {
    const p = readOrLibraryAssignment('3\r\n 2 3 4 \r\n1 2 3\n\t1 1 5\n 3 1 7', 'p.txt');
    expect(p.rows).toBe(3);
    expect(Array.from(p.rowStart)).toEqual([0, 2, 3, 4]);
    expect(arcsOf(p)).toEqual([
      [
        [1, 3],
        [0, 5],
      ],
      [[2, 4]],
      [[0, 7]],
    ]);
  });

  it('tells the layouts apart when the count fits both (n = 3): triples on their own lines, indices in range', () => {
    const sparse = readOrLibraryAssignment('3\n1 1 5\n2 2 6\n3 3 7\n', 'a.txt');
    expect(sparse.colIndex.length).toBe(3);
    const dense = readOrLibraryAssignment('3\n1 2 3\n4 5 6\n7 8 9\n', 'b.txt');
    expect(dense.colIndex.length).toBe(9);
    expect(Array.from(dense.cost)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('reads the published files: assignp800 (sparse) and assign100 (dense)', () => {
    const sparse = readOrLibraryAssignment(readFileSync(`${DIR}assignp800.txt`, 'utf8'), 'assignp800.txt');
    expect(sparse.rows).toBe(800);
    expect(sparse.colIndex.length).toBe(100_057);
    // The file opens with "1 1 75", "1 11 18", "1 30 85".
    expect(arcsOf(sparse)[0]!.slice(0, 3)).toEqual([
      [0, 75],
      [10, 18],
      [29, 85],
    ]);
    const dense = readOrLibraryAssignment(readFileSync(`${DIR}assign100.txt`, 'utf8'), 'assign100.txt');
    expect(dense.colIndex.length).toBe(10_000);
    // Row 1 opens "52 89 40 77"; row 2 starts on a fresh line after row 1's 100 values: "20 17 80".
    expect(Array.from(dense.cost.slice(0, 4))).toEqual([52, 89, 40, 77]);
    expect(Array.from(dense.cost.slice(100, 103))).toEqual([20, 17, 80]);
    expect(dense.colIndex[100]).toBe(0);
  });

  const bad: [string, string, string][] = [
    [
      'an empty file',
      '  \n',
      'Cannot read x.txt: the file is empty, expected n (the number of items) followed by costs',
    ],
    ['a token that is not an integer', '2\n1 x1 3 4', 'Cannot read x.txt: token 3 "x1" is not an integer'],
    ['a decimal cost', '2\n1 2.5 3 4', 'Cannot read x.txt: token 3 "2.5" is not an integer'],
    ['a lone minus sign', '1\n-', 'Cannot read x.txt: token 2 "-" is not an integer'],
    [
      'an integer beyond 2^53',
      '1\n99999999999999999999',
      'Cannot read x.txt: token 2 "99999999999999999999" is not an integer that fits exactly in a double',
    ],
    [
      'n = 0',
      '0\n',
      'Cannot read x.txt: token 1 (n, the number of items) is 0, expected an integer in 1…10000000',
    ],
    [
      'a negative n',
      '-4 1',
      'Cannot read x.txt: token 1 (n, the number of items) is -4, expected an integer in 1…10000000',
    ],
    [
      'a count that fits neither layout',
      '2\n1 2 3 4 5',
      'Cannot read x.txt: n = 2 but 5 numbers follow it; expected n² = 4 (dense layout) or a multiple of 3 (sparse layout, one "i j cost" triple per allowed pair)',
    ],
    [
      'a row index out of range',
      '3\n1 1 5\n4 2 6',
      'Cannot read x.txt: token 5 (row index of pair 2) is 4, expected 1…3',
    ],
    [
      'a column index of 0',
      '3\n1 0 5',
      'Cannot read x.txt: token 3 (column index of pair 1) is 0, expected 1…3',
    ],
    [
      'a pair listed twice',
      '3\n1 2 5\n2 2 6\n1 2 7',
      'Cannot read x.txt: pair 3 (tokens 8–10) repeats row 1 column 2, already listed as pair 1',
    ],
  ];
  for (const [what, text, message] of bad) {
    it(`rejects ${what}`, () => {
      let caught: unknown;
      try {
        readOrLibraryAssignment(text, 'x.txt');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(NorthboundError);
      expect((caught as NorthboundError).code).toBe('invalid_input');
      expect((caught as NorthboundError).message).toBe(message);
    });
  }
});
