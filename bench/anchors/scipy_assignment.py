"""SciPy anchor for the optimize bench (bench/optimize.ts).

    python3 scipy_assignment.py <file> <repeats> [--method auto|dense] [--rows R]
                                [--unmatched-cost C] [--max-dense-bytes B]

Reads one OR-Library assignment file (either layout, told apart by the token count: `n` then n*n
costs is dense, `n` then `i j c` triples is sparse, 1-based, unlisted pairs forbidden), solves it
once untimed (warm-up) and then <repeats> times, and prints one JSON line:

    {"solver": "scipy-sparse", "status": "optimal", "objective": 2239, "ms": 3.1, "times": [...]}

`ms` is the median of the timed solves; only the SciPy call is timed, not reading the file nor
building the matrix.

Methods:
- dense layout: `scipy.optimize.linear_sum_assignment` on the n x n matrix (solver "scipy-lsa");
- sparse layout, `--method auto`: `scipy.sparse.csgraph.min_weight_full_bipartite_matching` (LAPJVsp)
  on the CSR biadjacency matrix (solver "scipy-sparse");
- sparse layout, `--method dense`: `linear_sum_assignment` on the dense matrix with every forbidden
  pair at a cost larger than any feasible assignment (solver "scipy-dense"), refused with status
  "skipped" when the float64 matrix would pass --max-dense-bytes (default 1 GiB).

`--rows R` makes the sparse file rectangular (R rows, n columns); `--unmatched-cost C` lets each row
stay unmatched at cost C. SciPy only finds full matchings, so each row gets a private dummy column
costing C: with R <= columns every row is then matched exactly once.
"""

import argparse
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def fail(message):
    print(f"scipy_assignment: {message}", file=sys.stderr)
    sys.exit(2)


def read_integers(path):
    with open(path, "rb") as handle:
        tokens = handle.read().split()
    try:
        return np.array(tokens, dtype=np.int64)
    except ValueError:
        bad = next(k for k, t in enumerate(tokens) if not t.lstrip(b"-").isdigit())
        seen = tokens[bad].decode(errors="replace")
        fail(f'cannot read {path}: token {bad + 1} "{seen}" is not an integer')


def timed(solve, repeats):
    """One warm-up call, then `repeats` timed calls; returns (last result, times in ms)."""
    result = solve()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = solve()
        times.append((time.perf_counter() - started) * 1000)
    return result, times


def report(solver, status, objective, times):
    median = sorted(times)[len(times) // 2] if times else None
    line = {"solver": solver, "status": status, "objective": objective, "ms": median, "times": times}
    print(json.dumps(line))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("repeats", type=int)
    parser.add_argument("--method", choices=["auto", "dense"], default="auto")
    parser.add_argument("--rows", type=int)
    parser.add_argument("--unmatched-cost", type=int)
    parser.add_argument("--max-dense-bytes", type=int, default=1 << 30)
    args = parser.parse_args()
    if args.repeats < 1:
        fail(f"repeats {args.repeats} is not a positive integer")

    values = read_integers(args.file)
    if values.size == 0:
        fail(f"cannot read {args.file}: the file is empty")
    n = int(values[0])
    body = values[1:]
    if args.rows is None and body.size == n * n:
        matrix = body.reshape(n, n).astype(np.float64)
        (rows, cols), times = timed(lambda: linear_sum_assignment(matrix), args.repeats)
        report("scipy-lsa", "optimal", int(body.reshape(n, n)[rows, cols].sum()), times)
        return
    if body.size % 3 != 0:
        why = f"{body.size} values after n = {n} are neither n*n costs nor i j c triples"
        fail(f"cannot read {args.file}: {why}")

    triples = body.reshape(-1, 3)
    row_count = n if args.rows is None else args.rows
    col_count = n
    row, col, cost = triples[:, 0] - 1, triples[:, 1] - 1, triples[:, 2]
    if row.min() < 0 or row.max() >= row_count or col.min() < 0 or col.max() >= col_count:
        fail(f"cannot read {args.file}: a pair lies outside {row_count} x {col_count}")
    if args.unmatched_cost is not None:
        dummy = np.arange(row_count, dtype=np.int64)
        row = np.concatenate([row, dummy])
        col = np.concatenate([col, col_count + dummy])
        cost = np.concatenate([cost, np.full(row_count, args.unmatched_cost, dtype=np.int64)])
        col_count += row_count
    elif row_count != col_count:
        fail("a rectangular assignment needs --unmatched-cost")

    if args.method == "dense":
        if row_count * col_count * 8 > args.max_dense_bytes:
            report("scipy-dense", "skipped", None, [])
            return
        # With |c| <= M, an assignment of allowed pairs costs at most rows * M, and one that uses a
        # forbidden pair at least F - (rows - 1) * M: F > (2 * rows - 1) * M makes the latter dearer.
        forbidden = float((2 * row_count + 1) * (int(np.abs(cost).max()) + 1))
        matrix = np.full((row_count, col_count), forbidden)
        matrix[row, col] = cost
        (rows, cols), times = timed(lambda: linear_sum_assignment(matrix), args.repeats)
        picked = matrix[rows, cols]
        if (picked >= forbidden).any():
            report("scipy-dense", "infeasible", None, times)
        else:
            report("scipy-dense", "optimal", int(picked.sum()), times)
        return

    # min_weight_full_bipartite_matching drops explicit zeros (it would lose a dummy column at cost 0),
    # so when a cost is 0 every weight is shifted up by the same amount: every row is matched exactly
    # once, so each full matching moves by rows * shift and the optimal one stays optimal.
    shift = 1 - int(cost.min()) if (cost == 0).any() else 0
    weights = csr_matrix(((cost + shift).astype(np.float64), (row, col)), shape=(row_count, col_count))
    try:
        (rows, cols), times = timed(lambda: min_weight_full_bipartite_matching(weights), args.repeats)
    except ValueError as error:
        report("scipy-sparse", "infeasible", None, [])
        print(f"scipy_assignment: {error}", file=sys.stderr)
        return
    objective = int(np.asarray(weights[rows, cols]).sum()) - shift * len(rows)
    report("scipy-sparse", "optimal", objective, times)


if __name__ == "__main__":
    main()
