// The structure report's parsing, on small fixtures: `node --test scripts/structure-report.test.mjs`
// (`pnpm test:structure`). The report itself never fails; these make sure its numbers mean what they say.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  analyzeSource,
  exportCounts,
  folderOf,
  isSourceFile,
  layeringProblem,
  targetOf,
} from './structure-report.mjs';

const fixture = `import type { A } from '../model/types';
export { b } from './b';

// A hook with a callback inside.
export function useThing(): void {
  const onClick = useCallback(() => {
    // only a comment

    return 1;
  }, []);
}

type C = import('../engine/chat-error').ChatError;
const arrow = (x: number) => x + 1;
`;

test('finds every function with its line span, named after what it is bound to', () => {
  const { functions, lines } = analyzeSource('x.ts', fixture);
  assert.equal(lines, 14);
  assert.deepEqual(
    functions.map(({ name, line, lines: span, codeLines }) => ({ name, line, span, codeLines })),
    [
      { name: 'useThing', line: 5, span: 7, codeLines: 5 },
      { name: 'useThing › onClick = useCallback(…)', line: 6, span: 5, codeLines: 3 },
      { name: 'arrow', line: 14, span: 1, codeLines: 1 },
    ],
  );
});

test('lists imports, re-exports and import() types', () => {
  assert.deepEqual(analyzeSource('x.ts', fixture).imports, ['../model/types', './b', '../engine/chat-error']);
});

test('leaves tests, stories and fixtures out of the source', () => {
  assert.equal(isSourceFile('packages/core/src/store/create-chat-store.ts'), true);
  assert.equal(isSourceFile('packages/core/src/store/create-chat-store.test.ts'), false);
  assert.equal(isSourceFile('packages/components/src/menu/menu.stories.tsx'), false);
  assert.equal(isSourceFile('packages/components/src/message-list/message-list-fixtures.ts'), false);
  assert.equal(isSourceFile('packages/core/bench/store-bench.ts'), false);
});

test('names folders and flags imports against the layering', () => {
  assert.equal(folderOf('packages/core/src/engine/local/local-hub.ts'), 'core/engine/local');
  assert.equal(folderOf('packages/core/src/index.ts'), 'core');
  const from = 'packages/core/src/model/types.ts';
  assert.equal(layeringProblem('core/model', targetOf(from, '../engine/chat-error')), 'model imports engine');
  assert.equal(
    layeringProblem('core/engine', targetOf('packages/core/src/engine/x.ts', '../model/types')),
    null,
  );
  assert.equal(
    layeringProblem(
      'components/menu',
      targetOf('packages/components/src/menu/menu.tsx', '@tidings/core/src/x'),
    ),
    'deep import past the public entry',
  );
  assert.equal(
    layeringProblem('components/menu', targetOf('packages/components/src/menu/menu.tsx', '../icons/icons')),
    'reaches into another folder past its index',
  );
  assert.equal(
    layeringProblem('components/menu', targetOf('packages/components/src/menu/menu.tsx', '../icons/index')),
    null,
  );
});

test('reads export counts from an API report', () => {
  assert.deepEqual(exportCounts('# x\n\n## @tidings/core (150)\n\n- a\n\n## @tidings/core/local (21)\n'), [
    { entry: '@tidings/core', count: 150 },
    { entry: '@tidings/core/local', count: 21 },
  ]);
});
