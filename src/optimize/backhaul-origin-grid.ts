/**
 * Load origins bucketed for the per-truck candidate search (backhaul-candidates.ts): a uniform
 * latitude/longitude grid per part (trailer type × legal class, backhaul-load-columns.ts), and inside each
 * cell the loads sorted by the opening of their pickup window.
 *
 * A truck asks for the cells its search box covers in the parts it may take, and in each cell scans only
 * the loads whose window can still be open when it is free: from the first load opening after
 * free − (the cell's longest window) (binary search) to the last opening before free + reach (the loads
 * are sorted, so the scan stops there). Loads of one cell sit in neighbouring slots of every column in
 * grid order, so the scan reads memory in sequence.
 *
 * Why not kdbush or a time-bucketed tree: a range query returns a fresh array of ids (9M ids a run at
 * national scale, all garbage) and cannot cut on time inside a bucket; a grid walk allocates nothing and
 * a sorted cell cuts time exactly at the window's end.
 *
 * Build O(M + cells + Σ n_c log n_c); a query O(cells in the box × log n_c + loads scanned).
 */
import type { BackhaulLoadColumns } from './backhaul-load-columns.ts';
import { PART_COUNT } from './backhaul-load-columns.ts';

/** Cells in all, at most: the cell side grows until the loads' extent fits (a world-wide load set). */
const MIN_CELL_CAP = 1 << 16;
/** A cell this small or smaller is sorted by insertion (no allocation); larger ones by Array#sort. */
const INSERTION_SORT_MAX = 24;

export class BackhaulOriginGrid {
  /** Position p of the grid holds load order[p] (index in the input). */
  readonly order: Int32Array;
  /** Cell k holds positions cellStart[k] … cellStart[k + 1] − 1, by pickupEarliest, then input order. */
  readonly cellStart: Int32Array;
  /** Per cell: its longest pickup window (pickupLatest − pickupEarliest), ms; 0 for an empty cell. */
  readonly cellWindowMs: Float64Array;
  readonly latMin: number;
  readonly lonMin: number;
  readonly cellDegrees: number;
  /** Latitude bands and longitude cells per band; cell k = (part · bands + band) · lonCells + lonCell. */
  readonly bands: number;
  readonly lonCells: number;

  constructor(columns: BackhaulLoadColumns, cellDegrees: number) {
    const m = columns.size;
    const { originLat, originLon, earliest, latest, part } = columns;
    let [latMin, latMax, lonMin, lonMax] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let j = 0; j < m; j++) {
      latMin = Math.min(latMin, originLat[j]!);
      latMax = Math.max(latMax, originLat[j]!);
      lonMin = Math.min(lonMin, originLon[j]!);
      lonMax = Math.max(lonMax, originLon[j]!);
    }
    const cap = Math.max(MIN_CELL_CAP, 4 * m);
    let side = cellDegrees;
    const extent = (from: number, to: number): number => (m === 0 ? 0 : Math.floor((to - from) / side) + 1);
    while (extent(latMin, latMax) * extent(lonMin, lonMax) * PART_COUNT > cap) side *= 2;
    this.cellDegrees = side;
    this.latMin = latMin;
    this.lonMin = lonMin;
    this.bands = extent(latMin, latMax);
    this.lonCells = extent(lonMin, lonMax);
    const cells = PART_COUNT * this.bands * this.lonCells;

    // Counting sort by cell (stable: input order inside a cell), then each cell by window opening.
    const cellOf = new Int32Array(m);
    const cellStart = new Int32Array(cells + 1);
    for (let j = 0; j < m; j++) {
      const band = Math.floor((originLat[j]! - latMin) / side);
      const lonCell = Math.floor((originLon[j]! - lonMin) / side);
      const k = (part[j]! * this.bands + band) * this.lonCells + lonCell;
      cellOf[j] = k;
      cellStart[k + 1]!++;
    }
    for (let k = 0; k < cells; k++) cellStart[k + 1]! += cellStart[k]!;
    const next = cellStart.slice(0, cells);
    this.order = new Int32Array(m);
    for (let j = 0; j < m; j++) this.order[next[cellOf[j]!]!++] = j;
    this.cellWindowMs = new Float64Array(cells);
    for (let k = 0; k < cells; k++) {
      const [start, end] = [cellStart[k]!, cellStart[k + 1]!];
      if (end - start > 1) sortByOpening(this.order, start, end, earliest);
      let window = 0;
      for (let p = start; p < end; p++) {
        const j = this.order[p]!;
        window = Math.max(window, latest[j]! - earliest[j]!);
      }
      this.cellWindowMs[k] = window;
    }
    this.cellStart = cellStart;
  }

  /** The band of latitude `lat`, unclamped: a query clamps it to 0 … bands − 1. */
  band(lat: number): number {
    return Math.floor((lat - this.latMin) / this.cellDegrees);
  }

  /** The longitude cell of `lon` in its band, unclamped like band. */
  lonCell(lon: number): number {
    return Math.floor((lon - this.lonMin) / this.cellDegrees);
  }
}

/** Sorts order[start … end − 1] by earliest, ties in input order (both sorts are stable). */
function sortByOpening(order: Int32Array, start: number, end: number, earliest: Float64Array): void {
  if (end - start <= INSERTION_SORT_MAX) {
    for (let p = start + 1; p < end; p++) {
      const j = order[p]!;
      const key = earliest[j]!;
      let q = p - 1;
      while (q >= start && earliest[order[q]!]! > key) {
        order[q + 1] = order[q]!;
        q--;
      }
      order[q + 1] = j;
    }
    return;
  }
  const slice = Array.from(order.subarray(start, end));
  slice.sort((a, b) => earliest[a]! - earliest[b]! || a - b);
  order.set(slice, start);
}
