// Real-browser tests render with the shipped stylesheet, so layout and paint are the real thing.
import '@testing-library/jest-dom/vitest';
import '../src/styles/index.css';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // Composers keep unsaved text per user and conversation in session storage; each test starts clean.
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
});
