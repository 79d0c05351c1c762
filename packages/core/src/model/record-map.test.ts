import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordMap } from './record-map';

describe('RecordMap', () => {
  it('behaves like a Map under any sequence of sets and deletes, without changing older versions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 500 }), fc.integer()), { maxLength: 400 }),
        (ops) => {
          let map = RecordMap.empty<number>();
          const model = new Map<string, number>();
          const history: [RecordMap<number>, Map<string, number>][] = [];
          for (const [isSet, n, value] of ops) {
            const key = `k${n}`;
            if (isSet) {
              map = map.set(key, value);
              model.set(key, value);
            } else {
              map = map.delete(key);
              model.delete(key);
            }
            history.push([map, new Map(model)]);
          }
          for (const [version, snapshot] of history) {
            expect(version.size).toBe(snapshot.size);
            expect(new Map(version)).toEqual(snapshot);
          }
        },
      ),
      { numRuns: Number(process.env.TIDINGS_PROPERTY_RUNS ?? 100) },
    );
  });

  it('keeps keys whose hashes collide apart', () => {
    // These two IDs have the same 32-bit FNV-1a hash.
    const [a, b] = ['c2c_u79562', 'c2c_u908220'];
    let map = RecordMap.empty<number>().set(a, 1).set(b, 2);
    expect([map.get(a), map.get(b), map.size]).toEqual([1, 2, 2]);
    map = map.set(a, 3);
    expect([map.get(a), map.get(b), map.size]).toEqual([3, 2, 2]);
    map = map.delete(b);
    expect([map.get(a), map.has(b), map.size]).toEqual([3, false, 1]);
    expect(
      RecordMap.from([
        [a, 1],
        [b, 2],
        ['c2c_other', 3],
      ])
        .delete(a)
        .get(b),
    ).toBe(2);
  });

  it('returns the same instance when nothing changes', () => {
    const record = { id: 1 };
    const map = RecordMap.empty<object>().set('a', record);
    expect(map.set('a', record)).toBe(map);
    expect(map.delete('missing')).toBe(map);
    expect(map.setMany([])).toBe(map);
  });
});
