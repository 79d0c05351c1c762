import {
  type KeyboardEvent as ReactKeyboardEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { DEFAULT_FACES, type Face } from './face-picker-faces';

/** Options of {@link useFacePicker}. */
export interface UseFacePickerOptions {
  /**
   * The faces to offer, in order.
   * @default DEFAULT_FACES
   */
  faces?: readonly Face[] | undefined;
  /**
   * Faces per row.
   * @default 8
   */
  columns?: number | undefined;
  /** Called with the face the user picks (click, Enter or Space). */
  onSelect: (face: Face) => void;
  /**
   * Moves focus to the first face on mount, for pickers that open on demand.
   * @default false
   */
  autoFocus?: boolean | undefined;
}

/** What {@link useFacePicker} returns. */
export interface UseFacePickerReturn {
  /** The faces in rows of `columns`. */
  rows: readonly (readonly Face[])[];
  /** Position (in `faces`) of the face that takes focus when the grid is tabbed into. */
  activeIndex: number;
  /** Props for the `role="grid"` element: the arrow-key model. */
  getGridProps: () => {
    role: 'grid';
    onKeyDown: (event: ReactKeyboardEvent<HTMLElement>) => void;
  };
  /** Props for the button of the face at `position` (in `faces`): roving tabindex, focus and selection. */
  getFaceProps: (position: number) => {
    ref: (element: HTMLButtonElement | null) => void;
    tabIndex: 0 | -1;
    onClick: () => void;
    onFocus: () => void;
  };
}

function isRightToLeft(element: Element): boolean {
  return element.closest('[dir]')?.getAttribute('dir') === 'rtl';
}

/**
 * The behaviour of a face grid (the ARIA grid pattern): one face is tabbable; arrow keys move focus by
 * one face or one row (mirrored under `dir="rtl"`), Home/End go to the row's ends, Ctrl+Home/End to the
 * first and last face; Enter, Space or a click picks the focused face.
 *
 * @example
 * const { rows, getGridProps, getFaceProps } = useFacePicker({ onSelect: (face) => insert(face.emoji) });
 */
export function useFacePicker({
  faces = DEFAULT_FACES,
  columns = 8,
  onSelect,
  autoFocus = false,
}: UseFacePickerOptions): UseFacePickerReturn {
  const perRow = Math.max(1, Math.floor(columns));
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, faces.length - 1));
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const rows = useMemo(() => {
    const result: Face[][] = [];
    for (let i = 0; i < faces.length; i += perRow) result.push(faces.slice(i, i + perRow));
    return result;
  }, [faces, perRow]);

  const moveTo = useCallback(
    (position: number) => {
      const next = Math.max(0, Math.min(faces.length - 1, position));
      setActive(next);
      buttons.current[next]?.focus();
    },
    [faces.length],
  );

  useEffect(() => {
    // The picker opened: its first face takes focus.
    if (autoFocus) buttons.current[0]?.focus();
  }, [autoFocus]);

  const onKeyDown = useCallback(
    (event: ReactKeyboardEvent<HTMLElement>) => {
      const rtl = isRightToLeft(event.currentTarget);
      const rowStart = activeIndex - (activeIndex % perRow);
      const rowEnd = Math.min(faces.length - 1, rowStart + perRow - 1);
      const ctrl = event.ctrlKey || event.metaKey;
      let next: number;
      switch (event.key) {
        case 'ArrowRight':
          next = activeIndex + (rtl ? -1 : 1);
          break;
        case 'ArrowLeft':
          next = activeIndex + (rtl ? 1 : -1);
          break;
        case 'ArrowDown':
          // The last row may be short: going down from past its end lands on the last face.
          next =
            activeIndex + perRow < faces.length
              ? activeIndex + perRow
              : rowEnd === faces.length - 1
                ? activeIndex
                : faces.length - 1;
          break;
        case 'ArrowUp':
          next = activeIndex - perRow >= 0 ? activeIndex - perRow : activeIndex;
          break;
        case 'Home':
          next = ctrl ? 0 : rowStart;
          break;
        case 'End':
          next = ctrl ? faces.length - 1 : rowEnd;
          break;
        case 'PageUp':
          next = activeIndex % perRow;
          break;
        case 'PageDown': {
          const lastRowStart = (rows.length - 1) * perRow;
          next = Math.min(faces.length - 1, lastRowStart + (activeIndex % perRow));
          break;
        }
        default:
          return;
      }
      event.preventDefault();
      moveTo(next);
    },
    [activeIndex, perRow, faces.length, rows.length, moveTo],
  );

  const getGridProps = useCallback(() => ({ role: 'grid' as const, onKeyDown }), [onKeyDown]);

  const getFaceProps = useCallback(
    (position: number) => ({
      ref: (element: HTMLButtonElement | null) => {
        buttons.current[position] = element;
      },
      tabIndex: (position === activeIndex ? 0 : -1) as 0 | -1,
      onClick: () => {
        const picked = faces[position];
        if (picked) onSelect(picked);
      },
      onFocus: () => setActive(position),
    }),
    [activeIndex, faces, onSelect],
  );

  return { rows, activeIndex, getGridProps, getFaceProps };
}
