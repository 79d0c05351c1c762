import fc from 'fast-check';
import { ChatError } from '../../model/chat-error';

/** Shared hostile-value generation for the fuzz suites (not part of the public API). */

/**
 * A recipe for an argument. fast-check keeps and prints recipes, never the values: a Proxy whose traps
 * throw would break its reporting, and a fresh value per call keeps one call's mutation out of the next.
 */
export type Recipe =
  | { k: 'const'; name: ConstName }
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'huge'; length: number }
  | { k: 'pool'; name: string }
  | { k: 'arr'; items: Recipe[] }
  | { k: 'obj'; entries: [string, Recipe][]; nullProto: boolean }
  | { k: 'proxy'; target: Recipe }
  | { k: 'getter'; key: string }
  | { k: 'revoked' };

const CONSTANTS = {
  undefined: () => undefined,
  null: () => null,
  NaN: () => Number.NaN,
  Infinity: () => Number.POSITIVE_INFINITY,
  minusInfinity: () => Number.NEGATIVE_INFINITY,
  minusZero: () => -0,
  maxSafe: () => Number.MAX_SAFE_INTEGER + 2,
  true: () => true,
  false: () => false,
  symbol: () => Symbol('hostile'),
  bigint: () => 10n,
  function: () => () => 'called',
  throwingFunction: () => () => {
    throw new TypeError('hostile function');
  },
  date: () => new Date(Number.NaN),
  blob: () => new Blob(['hostile']),
  emptyBlob: () => new Blob([]),
  map: () => new Map([['a', 1]]),
  promise: () => Promise.resolve(1),
  frozenArray: () => Object.freeze(['c2c_bob']),
  sparseArray: () => {
    const holes: unknown[] = new Array(3);
    holes[2] = 'c2c_bob';
    return holes;
  },
  selfReferencing: () => {
    const value: Record<string, unknown> = {};
    value.self = value;
    return value;
  },
} as const;

type ConstName = keyof typeof CONSTANTS;

/** Keys hostile objects are built from: prototype keys and the field names the APIs read. */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'then',
  'hasOwnProperty',
  'type',
  'markType',
  'conversationGroup',
  'hasUnreadCount',
  'conversationID',
  'count',
  'nextSeq',
  'direction',
  'lastMsg',
  'lastMsgSeq',
  'receiver',
  'groupID',
  'priority',
  'onlineUserOnly',
  'offlinePushInfo',
  'onProgress',
  'online',
  'latencyMs',
  'failureRate',
  'msgID',
  'elemList',
  'text',
  'keywordList',
  'pageIndex',
  'pageSize',
  'clearMessages',
  'userID',
  'name',
  'memberUserIDList',
  'seq',
  'time',
  'random',
  'isSelf',
] as const;

const STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'c2c_',
  'group_',
  'c2c___proto__',
  'group_constructor',
  'c2c_constructor',
  'c2c_nobody',
  'group_nowhere',
  'c2c_bob\u0000',
  '\uD800',
  'javascript:alert(1)',
  'all',
  'c2c',
  'group',
  'older',
  'newer',
  'high',
  'receive',
] as const;

/**
 * Hostile argument recipes: wrong types, NaN and infinities, huge strings, prototype keys, proxies with
 * throwing traps, throwing getters, symbols, null-prototype objects, nested arrays, and, mixed in, valid
 * values from `pool` (real IDs, real messages) so the checks past the first one get reached too.
 */
export function recipeArbitrary(poolNames: readonly string[]): fc.Arbitrary<Recipe> {
  const leaf: fc.Arbitrary<Recipe> = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        k: fc.constant('const' as const),
        name: fc.constantFrom(...(Object.keys(CONSTANTS) as ConstName[])),
      }),
    },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('str' as const), v: fc.constantFrom(...STRINGS) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('str' as const), v: fc.string({ maxLength: 20 }) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        k: fc.constant('num' as const),
        v: fc.oneof(
          fc.integer({ min: -5, max: 200 }),
          fc.double(),
          fc.constantFrom(0, 1, 8, 30, 31, 100, 101),
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ k: fc.constant('huge' as const), length: fc.constantFrom(20_000, 300_000) }),
    },
    ...(poolNames.length > 0
      ? [
          {
            weight: 6,
            arbitrary: fc.record({ k: fc.constant('pool' as const), name: fc.constantFrom(...poolNames) }),
          },
        ]
      : []),
    {
      weight: 1,
      arbitrary: fc.record({ k: fc.constant('getter' as const), key: fc.constantFrom(...HOSTILE_KEYS) }),
    },
    { weight: 1, arbitrary: fc.constant({ k: 'revoked' as const }) },
  );
  const { recipe } = fc.letrec<{ recipe: Recipe }>((tie) => ({
    recipe: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 8, arbitrary: leaf },
      {
        weight: 2,
        arbitrary: fc.record({
          k: fc.constant('arr' as const),
          items: fc.array(tie('recipe'), { maxLength: 3 }),
        }),
      },
      {
        weight: 3,
        arbitrary: fc.record({
          k: fc.constant('obj' as const),
          entries: fc.array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), tie('recipe')), { maxLength: 4 }),
          nullProto: fc.boolean(),
        }),
      },
      { weight: 1, arbitrary: fc.record({ k: fc.constant('proxy' as const), target: tie('recipe') }) },
    ),
  }));
  return recipe;
}

/** Arguments for a call: up to `max` recipes (extra arguments are hostile too). */
export function argsArbitrary(poolNames: readonly string[], max: number): fc.Arbitrary<Recipe[]> {
  return fc.array(recipeArbitrary(poolNames), { maxLength: max });
}

function trap(): never {
  throw new TypeError('hostile proxy trap');
}

/** Builds the value of a recipe; `pool` supplies the valid values by name. */
export function materialize(recipe: Recipe, pool: Readonly<Record<string, () => unknown>>): unknown {
  switch (recipe.k) {
    case 'const':
      return CONSTANTS[recipe.name]();
    case 'str':
    case 'num':
      return recipe.v;
    case 'huge':
      return 'x'.repeat(recipe.length);
    case 'pool':
      return pool[recipe.name]?.();
    case 'arr':
      return recipe.items.map((item) => materialize(item, pool));
    case 'obj': {
      const value: Record<string, unknown> = recipe.nullProto ? Object.create(null) : {};
      for (const [key, item] of recipe.entries) {
        // defineProperty makes '__proto__' an own key instead of calling the prototype setter.
        Object.defineProperty(value, key, {
          value: materialize(item, pool),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return value;
    }
    case 'proxy': {
      const target = materialize(recipe.target, pool);
      const base = typeof target === 'object' && target !== null ? target : {};
      return new Proxy(base, {
        get: trap,
        set: trap,
        has: trap,
        ownKeys: trap,
        getOwnPropertyDescriptor: trap,
        getPrototypeOf: trap,
        defineProperty: trap,
        deleteProperty: trap,
      });
    }
    case 'getter':
      return Object.defineProperty({}, recipe.key, {
        enumerable: true,
        get: () => {
          throw new Error(`hostile getter ${recipe.key}`);
        },
      });
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }
  }
}

/** How a call ended: a value, a ChatError, anything else thrown, or no answer in time. */
export type Outcome =
  | { kind: 'ok'; value: unknown }
  | { kind: 'chatError'; error: ChatError }
  | { kind: 'raw'; error: unknown }
  | { kind: 'hung' };

/** Calls `run` (sync or async) and classifies how it ended, waiting at most `timeoutMs`. */
export async function outcomeOf(run: () => unknown, timeoutMs = 5000): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const result = await Promise.race([
      (async () => ({ kind: 'ok' as const, value: await run() }))(),
      new Promise<Outcome>((resolve) => {
        timer = setTimeout(() => resolve({ kind: 'hung' }), timeoutMs);
      }),
    ]);
    return result;
  } catch (error) {
    return error instanceof ChatError ? { kind: 'chatError', error } : { kind: 'raw', error };
  } finally {
    clearTimeout(timer);
  }
}

/** A short description of a raw error for a failure message (it may itself be hostile). */
export function describeRaw(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  } catch {
    return 'an error that cannot be described';
  }
}

/** Lets queued events (timers, microtasks) run, so before/after snapshots see a settled world. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Snapshots `Object.prototype` and `Array.prototype` keys: a call that pollutes a shared prototype has
 * changed something even when it rejected.
 */
export function prototypeKeys(): string[] {
  return [
    ...Object.getOwnPropertyNames(Object.prototype),
    ...Object.getOwnPropertyNames(Array.prototype).map((key) => `[]${key}`),
  ].sort();
}
