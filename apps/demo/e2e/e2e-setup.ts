import { afterEach, beforeEach } from 'vitest';
import { takeCspViolations } from './e2e-csp';

// Every e2e test fails on a Content-Security-Policy violation in any page it opened (see e2e-csp.ts).
beforeEach(() => {
  takeCspViolations();
});

afterEach(async () => {
  // A violation is reported through a binding: give one raised by the test's last step time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const found = takeCspViolations();
  if (found.length > 0) {
    throw new Error(`Content-Security-Policy violations:\n${found.map((text) => `  ${text}`).join('\n')}`);
  }
});
