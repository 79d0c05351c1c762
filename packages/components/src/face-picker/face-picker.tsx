import { clsx } from 'clsx';
import { type ComponentPropsWithoutRef, type CSSProperties, forwardRef } from 'react';
import { useChatConfig } from '../chat-provider/index';
import { type Face, faceName } from './face-picker-faces';
import { useFacePicker } from './use-face-picker';

/** Props of {@link FacePicker}. */
export interface FacePickerProps
  extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'role' | 'onSelect'> {
  /** Called with the face the user picks. */
  onSelect: (face: Face) => void;
  /**
   * The faces to offer, in order; bring your own set (with names per language) or extend the built-in one.
   * @default DEFAULT_FACES
   */
  faces?: readonly Face[] | undefined;
  /**
   * Faces per row.
   * @default 8
   */
  columns?: number | undefined;
  /**
   * Accessible name of the grid.
   * @default strings.emoji ("Stickers and emoji")
   */
  label?: string | undefined;
  /**
   * Focuses the first face on mount (a picker opened from a button).
   * @default false
   */
  autoFocus?: boolean | undefined;
}

/**
 * A grid of faces (emoji and stickers). It picks; what a pick does is the caller's: the `Composer`
 * inserts the emoji into the text, or sends a face message (`faceAction="send"`).
 *
 * Accessibility: an ARIA grid named `label`; each face is a button named in the provider's language
 * (`faceName`), with a tooltip of the same name. One face is tabbable; arrows move by face and by row
 * (mirrored in right-to-left), Home/End to the row's ends, Ctrl+Home/End to the first and last face,
 * PageUp/PageDown to the first and last row; Enter or Space picks.
 *
 * DOM: `div.tidings-face-picker[role=grid]` > `div.tidings-face-picker-row[role=row]` >
 * `div.tidings-face-picker-cell[role=gridcell]` > `button.tidings-face-picker-face`.
 *
 * CSS variables: `--tidings-face-picker-columns` (set from `columns`), `--tidings-face-picker-size`
 * (a face's square, default 40 px).
 *
 * @example
 * <FacePicker onSelect={(face) => insertText(face.emoji)} autoFocus />
 */
export const FacePicker = forwardRef<HTMLDivElement, FacePickerProps>(function FacePicker(
  { onSelect, faces, columns = 8, label, autoFocus, className, style, ...rest },
  ref,
) {
  const { strings, locale } = useChatConfig();
  const { rows, getGridProps, getFaceProps } = useFacePicker({
    onSelect,
    columns,
    ...(faces && { faces }),
    ...(autoFocus !== undefined && { autoFocus }),
  });
  const perRow = Math.max(1, Math.floor(columns));
  return (
    <div
      ref={ref}
      className={clsx('tidings-face-picker', className)}
      aria-label={label ?? strings.emoji}
      style={{ '--tidings-face-picker-columns': perRow, ...style } as CSSProperties}
      {...rest}
      {...getGridProps()}
    >
      {rows.map((row, rowIndex) => (
        // Rows never reorder: a row is its position.
        <div key={rowIndex} role="row" className="tidings-face-picker-row">
          {row.map((face, column) => {
            const name = faceName(face, locale);
            return (
              <div key={`${face.data}:${face.index}`} role="gridcell" className="tidings-face-picker-cell">
                <button
                  type="button"
                  className="tidings-face-picker-face"
                  aria-label={name}
                  title={name}
                  {...getFaceProps(rowIndex * perRow + column)}
                >
                  <span aria-hidden="true">{face.emoji}</span>
                </button>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
});
