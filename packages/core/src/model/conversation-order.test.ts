import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConversationOrder, compareOrderKeys, type OrderKey } from './conversation-order';

type Op = { kind: 'upsert'; id: string; pinned: boolean; orderKey: number } | { kind: 'remove'; id: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('upsert' as const),
    id: fc.integer({ min: 0, max: 60 }).map((n) => `c2c_u${n}`),
    pinned: fc.boolean(),
    orderKey: fc.integer({ min: 0, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('remove' as const),
    id: fc.integer({ min: 0, max: 60 }).map((n) => `c2c_u${n}`),
  }),
);

function naive(keys: Map<string, OrderKey>): string[] {
  return [...keys.values()].sort(compareOrderKeys).map((key) => key.id);
}

describe('ConversationOrder', () => {
  it('puts pinned conversations first, then orderKey descending, then conversationID', () => {
    const keys: OrderKey[] = [
      { id: 'c2c_b', pinned: false, orderKey: 5 },
      { id: 'c2c_a', pinned: false, orderKey: 5 },
      { id: 'c2c_c', pinned: true, orderKey: 1 },
      { id: 'c2c_d', pinned: false, orderKey: 9 },
    ];
    expect(ConversationOrder.from(keys).toArray()).toEqual(['c2c_c', 'c2c_d', 'c2c_a', 'c2c_b']);
  });

  it('stays equal to a full sort under any sequence of inserts, moves and removals', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
        const keys = new Map<string, OrderKey>();
        let order = ConversationOrder.empty();
        for (const op of ops) {
          const prev = keys.get(op.id);
          if (op.kind === 'remove') {
            if (!prev) continue;
            order = order.remove(prev);
            keys.delete(op.id);
          } else {
            const next = { id: op.id, pinned: op.pinned, orderKey: op.orderKey };
            keys.set(op.id, next);
            order = prev ? order.move(prev, next) : order.insert(next);
          }
          const expected = naive(keys);
          expect(order.size).toBe(expected.length);
          expect(order.toArray()).toEqual(expected);
        }
        const expected = naive(keys);
        expected.forEach((id, index) => {
          expect(order.at(index)).toBe(id);
          expect(order.indexOf(keys.get(id) as OrderKey)).toBe(index);
        });
      }),
      { numRuns: Number(process.env.TIDINGS_PROPERTY_RUNS ?? 200) },
    );
  });

  it('splits nodes as it grows and still indexes every position', () => {
    const keys = new Map<string, OrderKey>();
    let order = ConversationOrder.empty();
    for (let i = 0; i < 3000; i++) {
      const key = { id: `c2c_${i}`, pinned: i % 97 === 0, orderKey: (i * 7919) % 1000 };
      keys.set(key.id, key);
      order = order.insert(key);
    }
    expect(order.toArray()).toEqual(naive(keys));
    expect(order.slice(1500, 1503)).toEqual(naive(keys).slice(1500, 1503));
  });

  it('answers positions, ranges and lookups like a full sort while a large list keeps moving', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.boolean()), { maxLength: 300 }),
        fc.nat(),
        (n, moves, seed) => {
          const keys = new Map<string, OrderKey>();
          for (let i = 0; i < n; i++) {
            const key = { id: `c2c_${i}`, pinned: i % 211 === 0, orderKey: (i * 7919) % 3000 };
            keys.set(key.id, key);
          }
          let order = ConversationOrder.from([...keys.values()]);
          for (const [who, orderKey, pinned, drop] of moves) {
            const id = `c2c_${who % (n + 50)}`;
            const prev = keys.get(id);
            if (drop && prev) {
              order = order.remove(prev);
              keys.delete(id);
              continue;
            }
            const next = { id, pinned, orderKey: orderKey % 4000 };
            order = prev ? order.move(prev, next) : order.insert(next);
            keys.set(id, next);
          }
          const expected = naive(keys);
          expect(order.size).toBe(expected.length);
          expect([...order]).toEqual(expected);
          const at = seed % Math.max(1, expected.length);
          expect(order.at(at)).toBe(expected[at]);
          expect(order.slice(at, at + 100)).toEqual(expected.slice(at, at + 100));
          const id = expected[at];
          if (id !== undefined) expect(order.indexOf(keys.get(id) as OrderKey)).toBe(at);
          expect(order.at(expected.length)).toBeUndefined();
        },
      ),
      { numRuns: Math.max(20, Number(process.env.TIDINGS_PROPERTY_RUNS ?? 200) / 5) },
    );
  });

  it('keeps a busy inbox in order while thousands of conversations jump to the top and leave', () => {
    // Every move lands in the first leaf and leaves a hole in a random one: the first nodes split over and
    // over while random leaves shrink to nothing, at every level of a 5,000-conversation tree.
    const keys = new Map<string, OrderKey>();
    for (let i = 0; i < 5000; i++)
      keys.set(`c2c_${i}`, { id: `c2c_${i}`, pinned: i % 500 === 0, orderKey: i });
    let order = ConversationOrder.from([...keys.values()]);
    let top = 5000;
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let step = 0; step < 20_000; step++) {
      const id = `c2c_${random() % 5000}`;
      const prev = keys.get(id);
      if (prev && step % 5 === 0) {
        order = order.remove(prev);
        keys.delete(id);
        continue;
      }
      const next = { id, pinned: prev?.pinned ?? false, orderKey: ++top };
      order = prev ? order.move(prev, next) : order.insert(next);
      keys.set(id, next);
    }
    const expected = naive(keys);
    expect(order.size).toBe(expected.length);
    expect(order.toArray()).toEqual(expected);
    for (const [index, id] of expected.entries()) {
      expect(order.at(index)).toBe(id);
      expect(order.indexOf(keys.get(id) as OrderKey)).toBe(index);
    }
  });

  it('orders pinned conversations whose orderKeys differ by one, at the size of real server keys', () => {
    // Server orderKeys are around 10^15; pinned ones must still sort exactly by them.
    const base = 1_700_000_000_000_000;
    const keys = new Map<string, OrderKey>();
    let order = ConversationOrder.empty();
    for (let i = 0; i < 200; i++) {
      const key = { id: `c2c_${i}`, pinned: i % 2 === 0, orderKey: base + ((i * 37) % 200) };
      keys.set(key.id, key);
      order = order.insert(key);
    }
    expect(order.toArray()).toEqual(naive(keys));
    const moved = { id: 'c2c_4', pinned: true, orderKey: base + 1000 };
    order = order.move(keys.get('c2c_4') as OrderKey, moved);
    keys.set('c2c_4', moved);
    expect(order.toArray()).toEqual(naive(keys));
    expect(order.at(0)).toBe('c2c_4');
  });

  it('returns the same instance when nothing changes', () => {
    const a = { id: 'c2c_a', pinned: false, orderKey: 10 };
    const order = ConversationOrder.from([a, { id: 'c2c_b', pinned: false, orderKey: 5 }]);
    expect(order.move(a, { ...a })).toBe(order);
    expect(order.insert(a)).toBe(order);
    expect(order.remove({ id: 'c2c_x', pinned: false, orderKey: 1 })).toBe(order);
  });
});
