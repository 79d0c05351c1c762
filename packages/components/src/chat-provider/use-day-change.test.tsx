import { act, render, screen } from '@testing-library/react';
import { formatConversationTime } from '@tidings/core';
import { useMemo } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDayChange } from './index';

/** A time label memoized the way rows memoize theirs: recomputed only when its inputs (and the day) change. */
function TimeLabel({ timestamp }: { timestamp: number }) {
  const day = useDayChange();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `day` is what makes Date.now() worth reading again
  const label = useMemo(() => formatConversationTime(timestamp, Date.now(), 'en'), [timestamp, day]);
  return <span>{label}</span>;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useDayChange', () => {
  it('turns "23:10" into "Yesterday" when midnight passes, with the page left open', () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 23, 23, 58) });
    render(<TimeLabel timestamp={new Date(2026, 10, 23, 23, 10).getTime()} />);
    expect(screen.getByText('23:10')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByText('23:10')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(2 * 60_000));
    expect(screen.getByText('Yesterday')).toBeInTheDocument();
  });

  it('catches up when a page that slept through midnight is shown again', () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 23, 20, 0), toFake: ['Date'] });
    render(<TimeLabel timestamp={new Date(2026, 10, 23, 19, 45).getTime()} />);
    expect(screen.getByText('19:45')).toBeInTheDocument();
    vi.setSystemTime(new Date(2026, 10, 24, 8, 0)); // no timer fired: the machine was asleep
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(screen.getByText('Yesterday')).toBeInTheDocument();
  });
});
