/**
 * Typed-array plumbing of the related index: a bounds-checked read, a
 * growable column of numbers and a counter by feature id. The index keeps
 * a handful of big arrays instead of objects per article (at 100,000
 * articles the garbage collector's time was otherwise a third of the total),
 * and these keep such arrays honest: a read outside them is a bug, and
 * fails loudly instead of reading as 0.
 */

/** What `at` reads: an array of strings or records. */
export interface Indexed<T> {
  readonly [index: number]: T;
  readonly length: number;
}

/**
 * `array[index]`, or a RangeError naming the index and the length. Every
 * read of the index's arrays goes through these: with `noUncheckedIndexedAccess`
 * the alternative is a `?? 0` that turns an off-by-one into a silent zero.
 * One function per kind of typed array, not one generic: V8 keeps what a
 * read has seen per function, and a read that has seen four kinds of array
 * is a slow one (a generic accessor made search more than twice as slow).
 */
export function at<T>(array: Indexed<T>, index: number): T {
  const value = array[index];
  if (value === undefined) throw outOfRange(index, array.length);
  return value;
}

export function i32(array: Int32Array, index: number): number {
  const value = array[index];
  if (value === undefined) throw outOfRange(index, array.length);
  return value;
}

export function f64(array: Float64Array, index: number): number {
  const value = array[index];
  if (value === undefined) throw outOfRange(index, array.length);
  return value;
}

export function f32(array: Float32Array, index: number): number {
  const value = array[index];
  if (value === undefined) throw outOfRange(index, array.length);
  return value;
}

export function u16(array: Uint16Array, index: number): number {
  const value = array[index];
  if (value === undefined) throw outOfRange(index, array.length);
  return value;
}

function outOfRange(index: number, length: number): RangeError {
  return new RangeError(`related index: read at ${index} outside an array of length ${length}`);
}

type Numbers = Int32Array | Float32Array | Float64Array;

/** A growable column of numbers, read back as a view of what was pushed. */
export class Column<T extends Numbers> {
  private data: T;
  private size = 0;

  /** `data` is the first buffer: sized for what is expected, it is never copied. */
  constructor(data: T) {
    this.data = data;
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(Math.max(16, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }

  /**
   * What was pushed, as a view and not a copy: a copy of a large archive's
   * rows touches as much memory again, for nothing. A read past the last push is out of range.
   */
  view(): T {
    return this.data.subarray(0, this.size) as T;
  }
}

/** Feature ids and counts of one article, gathered without a Map per article. */
export class Counter {
  private counts = new Float64Array(1 << 16);
  /** The ids counted since the last reset, in order of first count. */
  readonly touched: number[] = [];

  add(id: number, weight: number): void {
    if (id >= this.counts.length) {
      const bigger = new Float64Array(Math.max(id + 1, this.counts.length * 2));
      bigger.set(this.counts);
      this.counts = bigger;
    }
    const before = f64(this.counts, id);
    if (before === 0) this.touched.push(id);
    this.counts[id] = before + weight;
  }

  /** The count of a touched id (any other id is a bug: its slot may not exist). */
  count(id: number): number {
    return f64(this.counts, id);
  }

  reset(): void {
    for (const id of this.touched) this.counts[id] = 0;
    this.touched.length = 0;
  }
}

/** `array` if it has room for `size` entries, else a copy at least twice as long. */
export function withRoom(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const bigger = new Int32Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}
