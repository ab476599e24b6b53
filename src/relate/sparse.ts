import { Column, f64, i32 } from "./column.ts";

/**
 * Sparse vectors of all articles in compressed rows: article d's features
 * are `ids[start[d]..start[d+1])`, ascending, with L2-normalised weights.
 */
export interface Rows {
  readonly start: Int32Array;
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/**
 * The inverted index, in compressed rows: for feature f, the articles
 * `docs[start[f]..start[f+1])` and their weights.
 */
export interface Postings {
  readonly start: Int32Array;
  readonly docs: Int32Array;
  readonly weights: Float64Array;
}

/** Scratch buffers reused across rows, so selecting a row makes no garbage. */
class RowScratch {
  weights = new Float64Array(1024);
  sorted = new Float64Array(1024);
  chosen = new Int32Array(1024);
  fit(n: number): void {
    if (n <= this.weights.length) return;
    const size = Math.max(n, this.weights.length * 2);
    this.weights = new Float64Array(size);
    this.sorted = new Float64Array(size);
    this.chosen = new Int32Array(size);
  }
}

/** Rows appended one article at a time, each cut to its largest weights. */
export class RowsBuilder {
  private readonly start: Column<Int32Array>;
  private readonly ids: Column<Int32Array>;
  private readonly weights: Column<Float64Array>;
  /** Weights by feature id while a row is made: a scratch array instead of a Map per row. */
  private readonly byId: Float64Array;
  private readonly scratch = new RowScratch();

  /** Room for `rows` rows of `entries` entries in all (it grows past that); feature ids below `features`. */
  constructor(rows: number, entries: number, features: number) {
    this.start = new Column(new Int32Array(rows + 1));
    this.ids = new Column(new Int32Array(entries));
    this.weights = new Column(new Float64Array(entries));
    this.byId = new Float64Array(features);
    this.start.push(0);
  }

  /** A buffer of at least `n` weights to fill for the next `append`, valid until then. */
  buffer(n: number): Float64Array {
    this.scratch.fit(n);
    return this.scratch.weights;
  }

  /**
   * Append one row: of the `n` features `rowIds` with weights `rowWeights`,
   * the `keep` largest positive, normalised, ordered by id. Ties at the cut
   * go to the lower id, so the row does not depend on the order the words
   * were met. Native typed-array sorts and scratch buffers: comparator sorts
   * and fresh arrays per article were a large share of indexing time.
   */
  append(rowIds: Int32Array, rowWeights: Float64Array, n: number, keep: number): void {
    const { byId, scratch } = this;
    scratch.fit(n);
    let threshold = 0;
    if (n > keep) {
      const values = scratch.sorted.subarray(0, n);
      values.set(rowWeights.subarray(0, n));
      threshold = select(values, n - keep);
    }
    let above = 0;
    for (let k = 0; k < n; k++) if (f64(rowWeights, k) > threshold) above++;
    let tiesLeft = keep - above;
    const chosen = scratch.chosen;
    let count = 0;
    const tied: number[] = [];
    for (let k = 0; k < n; k++) {
      const w = f64(rowWeights, k);
      if (w <= 0) continue;
      const id = i32(rowIds, k);
      byId[id] = w;
      if (w > threshold) chosen[count++] = id;
      else if (w === threshold) tied.push(id);
    }
    // Ties at the threshold: take them in ascending id order.
    if (tied.length > 0 && tiesLeft > 0) {
      tied.sort((a, b) => a - b);
      for (const id of tied) {
        if (tiesLeft-- <= 0) break;
        chosen[count++] = id;
      }
    }
    const row = chosen.subarray(0, count).sort();
    let norm = 0;
    for (let k = 0; k < count; k++) norm += f64(byId, i32(row, k)) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < count; k++) {
      const id = i32(row, k);
      this.ids.push(id);
      this.weights.push(f64(byId, id) / norm);
    }
    this.start.push(this.ids.length);
  }

  rows(): Rows {
    return { start: this.start.view(), ids: this.ids.view(), weights: this.weights.view() };
  }
}

/**
 * The value that would sit at index `k` if `values` were sorted ascending
 * (Hoare's quickselect, median-of-three pivots): linear on average, where a
 * full sort of every row was a fifth of indexing time. Reorders `values`.
 */
export function select(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (high > low) {
    const mid = (low + high) >>> 1;
    const a = f64(values, low);
    const b = f64(values, mid);
    const c = f64(values, high);
    // biome-ignore lint/complexity/useMathMinMax: the median of three, not a minimum or maximum
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = low;
    let j = high;
    while (i <= j) {
      while (f64(values, i) < pivot) i++;
      while (f64(values, j) > pivot) j--;
      if (i <= j) {
        const t = f64(values, i);
        values[i] = f64(values, j);
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return f64(values, k);
  }
  return f64(values, k);
}

/**
 * Cosine of two rows (both normalised): a merge of their ascending ids. With
 * `only` (1 by feature id for the features to count), the dot product of
 * those features alone, the rest of both rows left out and neither
 * normalised again.
 */
export function dot(rows: Rows, a: number, b: number, only?: Uint8Array): number {
  const { start, ids, weights } = rows;
  let i = i32(start, a);
  const iEnd = i32(start, a + 1);
  let j = i32(start, b);
  const jEnd = i32(start, b + 1);
  let sum = 0;
  while (i < iEnd && j < jEnd) {
    const x = i32(ids, i);
    const y = i32(ids, j);
    if (x === y) {
      if (only === undefined || only[x] === 1) sum += f64(weights, i) * f64(weights, j);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * The postings of `vectors` for `featureCount` features. A feature on more
 * than `max` articles gets none: it says little about any story, and
 * scanning it would make the cost grow with the square of the archive. It
 * still counts in the near-duplicate check, which compares whole vectors.
 */
export function buildPostings(vectors: Rows, featureCount: number, max: number): Postings {
  const length = new Int32Array(featureCount);
  for (const id of vectors.ids) length[id] = i32(length, id) + 1;
  const start = new Int32Array(featureCount + 1);
  for (let f = 0; f < featureCount; f++) {
    const n = i32(length, f);
    start[f + 1] = i32(start, f) + (n <= max ? n : 0);
  }
  const docs = new Int32Array(i32(start, featureCount));
  const weights = new Float64Array(docs.length);
  const fill = start.slice(0, featureCount);
  const documents = vectors.start.length - 1;
  for (let doc = 0; doc < documents; doc++) {
    const to = i32(vectors.start, doc + 1);
    for (let k = i32(vectors.start, doc); k < to; k++) {
      const f = i32(vectors.ids, k);
      if (i32(length, f) > max) continue;
      const slot = i32(fill, f);
      docs[slot] = doc;
      weights[slot] = f64(vectors.weights, k);
      fill[f] = slot + 1;
    }
  }
  return { start, docs, weights };
}
