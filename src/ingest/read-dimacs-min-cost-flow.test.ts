import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { readDimacsMinCostFlow } from './read-dimacs-min-cost-flow.ts';

const SMALL = [
  'c a 4-node example',
  'c',
  'p min 4 5',
  'n 1 7',
  'n 4 -7',
  '',
  'a 1 2 0 4 2',
  'a 1 3 0 8 2',
  'a 2 3 0 5 1',
  'a 2 4 0 10 3',
  'a 3 4 0 8 1',
].join('\n');

const errorOf = (text: string): NorthboundError => {
  try {
    readDimacsMinCostFlow(text, 'bad.min');
  } catch (error) {
    if (error instanceof NorthboundError) return error;
    throw error;
  }
  throw new Error('expected readDimacsMinCostFlow to throw');
};

describe('readDimacsMinCostFlow', () => {
  it('reads nodes, supplies and arcs, turning 1-based ids into 0-based', () => {
    const network = readDimacsMinCostFlow(SMALL, 'small.min');
    expect(network.nodes).toBe(4);
    expect([...network.supply]).toEqual([7, 0, 0, -7]);
    expect([...network.tail]).toEqual([0, 0, 1, 1, 2]);
    expect([...network.head]).toEqual([1, 2, 2, 3, 3]);
    expect([...network.capacity]).toEqual([4, 8, 5, 10, 8]);
    expect([...network.cost]).toEqual([2, 2, 1, 3, 1]);
    // All lower bounds are 0, so the network carries none (FlowNetwork: absent = all 0).
    expect(network.lower).toBeUndefined();
  });

  it('keeps non-zero lower bounds and negative costs, and accepts CRLF line ends and stray spaces', () => {
    const text = 'p min 2 2\r\nn 1 3\r\nn 2 -3\r\n  a 1 2 1 5 -4  \r\na 2 1 0 2 6\r\n';
    const network = readDimacsMinCostFlow(text, 'crlf.min');
    expect([...network.lower!]).toEqual([1, 0]);
    expect([...network.capacity]).toEqual([5, 2]);
    expect([...network.cost]).toEqual([-4, 6]);
  });

  it.each([
    [
      'p min 2 1\na 1 2 0 x1 3',
      'Cannot read bad.min line 2: field cap is "x1", expected an integer ≥ low (0)',
    ],
    ['p min 2 1\na 1 2 0 4 2.5', 'Cannot read bad.min line 2: field cost is "2.5", expected an integer'],
    ['p min 2 1\na 1 3 0 4 2', 'Cannot read bad.min line 2: field head is "3", expected a node id in 1..2'],
    ['p min 2 1\na 0 2 0 4 2', 'Cannot read bad.min line 2: field tail is "0", expected a node id in 1..2'],
    ['p min 2 1\na 1 2 5 4 2', 'Cannot read bad.min line 2: field cap is "4", expected an integer ≥ low (5)'],
    [
      'p min 2 1\na 1 2 0 4',
      'Cannot read bad.min line 2: "a" line has 4 fields, expected 5 (a <tail> <head> <low> <cap> <cost>)',
    ],
    ['p min 2 0\nn 1 x', 'Cannot read bad.min line 2: field supply is "x", expected an integer'],
    [
      'p min 2 0\nn 1 2\nn 1 -2',
      'Cannot read bad.min line 3: node 1 is listed twice, expected one "n" line per node',
    ],
    ['p max 2 0', 'Cannot read bad.min line 1: field problem type is "max", expected "min"'],
    ['p min 0 0', 'Cannot read bad.min line 1: field nodes is "0", expected a positive integer node count'],
    [
      'p min 2 1000',
      `Cannot read bad.min line 1: field arcs is "1000", expected a non-negative integer arc count, at most 1 for this file's size`,
    ],
    [
      'p min 2 0\np min 2 0',
      'Cannot read bad.min line 2: a second problem line, expected exactly one "p min <nodes> <arcs>"',
    ],
    [
      'c hi\na 1 2 0 4 2',
      'Cannot read bad.min line 2: arc line before the problem line, expected "p min <nodes> <arcs>" first',
    ],
    [
      'n 1 2',
      'Cannot read bad.min line 1: node line before the problem line, expected "p min <nodes> <arcs>" first',
    ],
    ['p min 2 1\nx 1 2', 'Cannot read bad.min line 2: line type "x", expected one of c, p, n, a'],
    [
      'p min 2 1\na 1 2 0 4 2\na 2 1 0 4 2',
      'Cannot read bad.min line 3: arc 2 is more than the 1 the problem line declares',
    ],
    ['p min 2 2\na 1 2 0 4 2', 'Cannot read bad.min: 1 arc lines, expected 2 as the problem line declares'],
    ['c only comments\n', 'Cannot read bad.min: no problem line, expected "p min <nodes> <arcs>"'],
  ])('rejects %j', (text, message) => {
    const error = errorOf(text);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(message);
    expect(error.details['file']).toBe('bad.min');
  });

  it('puts the line number and field in the error details', () => {
    expect(errorOf('c\nc\np min 3 1\na 1 2 0 9 y').details).toEqual({
      file: 'bad.min',
      line: 4,
      field: 'cost',
      value: 'y',
    });
  });
});
