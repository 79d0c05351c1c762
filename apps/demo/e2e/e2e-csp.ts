import type { BrowserContext } from 'playwright-core';

/**
 * Content-Security-Policy violations seen in any page of any profile since the last
 * {@link takeCspViolations}. The shared setup (`e2e-setup.ts`) fails every test that leaves one behind.
 */
const violations: string[] = [];

/** The violations seen so far, emptying the list. */
export function takeCspViolations(): string[] {
  return violations.splice(0);
}

const CSP_MESSAGE = /Content[- ]Security[- ]Policy/i;

/**
 * Watches every page of a profile for CSP violations: the page's own `securitypolicyviolation` events
 * (reported through a binding, so none is lost when the page goes away) and console errors that mention
 * the policy (what the browser logs for a blocked inline script, `eval`, image or connection).
 */
export async function watchCspViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__tidingsCspViolation', (_source, text: string) => {
    violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __tidingsCspViolation?: (text: string) => void })
        .__tidingsCspViolation;
      report?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile || document.URL}:${event.lineNumber}`,
      );
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && CSP_MESSAGE.test(message.text()))
      violations.push(`console: ${message.text()}`);
  });
}
