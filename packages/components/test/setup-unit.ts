// Matchers (toBeInTheDocument, toHaveAttribute…) and a clean DOM between tests.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // Composers keep unsaved text per user and conversation in session storage; each test starts clean.
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
});
