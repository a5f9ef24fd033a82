import { describe, expect, it } from 'vitest';
import { sortedIndex, type SealedBatch } from './import-writer.ts';

/** A batch with only what sortedIndex reads: its index columns. */
const batch = (rows: [string, number][]): SealedBatch => ({
  records: [],
  changes: [],
  index: { fields: rows.map((r) => r[0]), values: rows.map((r) => r[1]), owners: rows.map((_, i) => i) },
});

describe('sortedIndex (an import writes its blind index rows in key order, ADR 0007)', () => {
  it('orders every row of every batch by field, value, then position, each exactly once', () => {
    const batches = [
      batch([
        ['name', 9],
        ['name^2', 3],
        ['kana', 9],
      ]),
      batch([
        ['name', 2],
        ['kana', 9],
        ['name', 9],
      ]),
    ];
    const order = sortedIndex(batches, 6).map(([b, i]) => [
      batches[b]!.index.fields[i],
      batches[b]!.index.values[i],
      b,
      i,
    ]);
    expect(order).toEqual([
      ['kana', 9, 0, 2],
      ['kana', 9, 1, 1],
      ['name', 2, 1, 0],
      ['name', 9, 0, 0],
      ['name', 9, 1, 2],
      ['name^2', 3, 0, 1],
    ]);
  });

  it('keeps insertion order, losing nothing, when a value is too wide to pack', () => {
    const batches = [
      batch([
        ['name', 2 ** 30],
        ['kana', 1],
      ]),
    ];
    expect(sortedIndex(batches, 2)).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });
});
