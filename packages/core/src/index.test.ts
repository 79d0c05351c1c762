import { describe, expect, it, vi } from 'vitest';

// If anything in @tidings/core imported React, this factory would run and fail the import.
vi.mock('react', () => {
  throw new Error('@tidings/core must not import react');
});
vi.mock('react-dom', () => {
  throw new Error('@tidings/core must not import react-dom');
});

describe('@tidings/core entry points', () => {
  it('import without React and without a browser window', async () => {
    expect(typeof window).toBe('undefined');
    const core = await import('./index');
    const testing = await import('./testing/index');
    const tencent = await import('./engine/tencent/index');
    const local = await import('./engine/local/index');
    expect(core.createChatStore).toBeTypeOf('function');
    expect(local.createLocalHub).toBeTypeOf('function');
    expect(testing.createSeededHub).toBeTypeOf('function');
    expect(Object.keys(tencent).length).toBeGreaterThan(0);
  });

  it('keep the embedded engine out of the root entry, so a Tencent-backed app does not bundle it', async () => {
    const core: Record<string, unknown> = await import('./index');
    expect(core.createLocalHub).toBeUndefined();
    expect(core.createIndexedDBStorage).toBeUndefined();
  });
});
