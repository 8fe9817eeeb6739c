/**
 * Arc columns of the candidate problem, grown by doubling: the arc count is known only at the end. The
 * builder hands out views (subarray) of these buffers, not copies: a copy of ~2M arcs would cost 70 MB
 * and a full GC on a big heap. Amortised O(1) per arc.
 */
export class BackhaulArcBuffer {
  size = 0;
  colIndex: Int32Array;
  cost: Float64Array;
  deadhead: Float64Array;
  homeMiles: Float64Array;
  pickupAt: Float64Array;

  constructor(capacity: number) {
    this.colIndex = new Int32Array(capacity);
    this.cost = new Float64Array(capacity);
    this.deadhead = new Float64Array(capacity);
    this.homeMiles = new Float64Array(capacity);
    this.pickupAt = new Float64Array(capacity);
  }

  push(col: number, cost: number, deadhead: number, homeMiles: number, pickupAt: number): void {
    if (this.size === this.colIndex.length) this.grow();
    const p = this.size++;
    this.colIndex[p] = col;
    this.cost[p] = cost;
    this.deadhead[p] = deadhead;
    this.homeMiles[p] = homeMiles;
    this.pickupAt[p] = pickupAt;
  }

  /** Room for at least `capacity` arcs in all. */
  reserve(capacity: number): void {
    if (capacity > this.colIndex.length) this.grow(capacity);
  }

  private grow(capacity = this.colIndex.length * 2): void {
    const widen = <A extends Int32Array | Float64Array>(from: A, to: A): A => {
      to.set(from.subarray(0, this.size));
      return to;
    };
    this.colIndex = widen(this.colIndex, new Int32Array(capacity));
    this.cost = widen(this.cost, new Float64Array(capacity));
    this.deadhead = widen(this.deadhead, new Float64Array(capacity));
    this.homeMiles = widen(this.homeMiles, new Float64Array(capacity));
    this.pickupAt = widen(this.pickupAt, new Float64Array(capacity));
  }
}
