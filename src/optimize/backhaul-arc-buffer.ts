/**
 * Arc columns of the candidate problem (column, cost), grown by doubling: the arc count is known only at
 * the end. The builder hands out views (subarray) of these buffers, not copies: a copy of ~2M arcs would
 * be 24 MB more of fresh array buffers (see backhaul-arc-facts.ts for why that costs a full GC). The
 * other facts of an arc are recomputed on demand (backhaul-arc-facts.ts). Amortised O(1) per arc.
 */
export class BackhaulArcBuffer {
  size = 0;
  colIndex: Int32Array;
  cost: Float64Array;

  constructor(capacity: number) {
    this.colIndex = new Int32Array(capacity);
    this.cost = new Float64Array(capacity);
  }

  push(col: number, cost: number): void {
    if (this.size === this.colIndex.length) this.grow();
    const p = this.size++;
    this.colIndex[p] = col;
    this.cost[p] = cost;
  }

  /** Room for at least `capacity` arcs in all. */
  reserve(capacity: number): void {
    if (capacity > this.colIndex.length) this.grow(capacity);
  }

  private grow(capacity = this.colIndex.length * 2): void {
    const colIndex = new Int32Array(capacity);
    colIndex.set(this.colIndex.subarray(0, this.size));
    const cost = new Float64Array(capacity);
    cost.set(this.cost.subarray(0, this.size));
    this.colIndex = colIndex;
    this.cost = cost;
  }
}
