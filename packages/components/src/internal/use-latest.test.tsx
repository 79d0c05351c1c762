import { act, render, renderHook, screen } from '@testing-library/react';
import { Suspense, startTransition, use, useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useEventCallback, useLatest } from './use-latest';

describe('useLatest', () => {
  it('gives a handler subscribed once the value of the latest render', () => {
    const heard: string[] = [];
    const target = new EventTarget();
    function Listener({ name }: { name: string }) {
      const latest = useLatest(name);
      useEffect(() => {
        const listener = () => heard.push(latest.current);
        target.addEventListener('ping', listener);
        return () => target.removeEventListener('ping', listener);
      }, []);
      return null;
    }
    const { rerender } = render(<Listener name="first" />);
    target.dispatchEvent(new Event('ping'));
    rerender(<Listener name="second" />);
    target.dispatchEvent(new Event('ping'));
    expect(heard).toEqual(['first', 'second']);
  });

  it('keeps the committed value when React throws a render away', async () => {
    let never: Promise<void> = new Promise(() => {});
    let read: (() => string) | undefined;
    function Waits({ wait }: { wait: boolean }) {
      if (wait) use(never);
      return null;
    }
    function Shown({ name }: { name: string }) {
      const latest = useLatest(name);
      read = () => latest.current;
      return <p>{name}</p>;
    }
    let show: (name: string) => void = () => {};
    function App() {
      const [name, setName] = useState('committed');
      show = setName;
      return (
        <Suspense fallback={<p>loading</p>}>
          <Shown name={name} />
          <Waits wait={name !== 'committed'} />
        </Suspense>
      );
    }
    render(<App />);
    // A transition that suspends renders `Shown` with the new name but never commits it.
    await act(async () => startTransition(() => show('discarded')));
    expect(screen.getByText('committed')).toBeInTheDocument();
    expect(read?.()).toBe('committed');
    never = Promise.resolve();
  });
});

describe('useEventCallback', () => {
  it('keeps one identity and calls the latest callback', () => {
    const { result, rerender } = renderHook(({ n }) => useEventCallback((x: number) => x + n), {
      initialProps: { n: 1 },
    });
    const first = result.current;
    expect(first(1)).toBe(2);
    rerender({ n: 10 });
    expect(result.current).toBe(first);
    expect(first(1)).toBe(11);
  });
});
