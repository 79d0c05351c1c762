import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe-core on a rendered container and fails with a readable list of violations.
 * Colour contrast is left to real browsers (jsdom cannot compute colours); the stylesheet's token pairs
 * are checked in styles.test.ts and every story runs axe in Chromium.
 *
 * @example
 * const { container } = render(<Avatar name="Alice" />);
 * await expectNoAxeViolations(container);
 */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  const results = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false } },
  });
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes
        .map((node) => `  ${node.html}`)
        .join('\n')}`,
  );
  expect(violations, violations.join('\n\n')).toEqual([]);
}
