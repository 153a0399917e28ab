/** Lists of a JSON document made item by item as they are written (src/ui/output.ts, jsonParts). */

/**
 * A list in a document whose items are made one at a time as jsonParts writes them, so that 10,000 of them are never
 * held at once (`ideas export --format json` makes a record of forty fields for each idea). JSON.stringify, which
 * jsonText and the tests use, writes it as the array of all its items.
 */
export class LazyList<T> {
  constructor(
    readonly length: number,
    private readonly item: (index: number) => T,
  ) {}

  *[Symbol.iterator](): Generator<T> {
    for (let i = 0; i < this.length; i++) yield this.item(i);
  }

  toJSON(): T[] {
    return Array.from(this);
  }
}

/** `source` as a LazyList of what `make` makes of each of its items. */
export function lazyMap<S, T>(source: readonly S[], make: (item: S) => T): LazyList<T> {
  return new LazyList(source.length, (i) => make(source[i] as S));
}
