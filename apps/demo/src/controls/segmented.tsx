import { useId } from 'react';

/** Props of {@link Segmented}. */
export interface SegmentedProps<T extends string | number> {
  /** The group's visible label. */
  label: string;
  /** A sentence under the label. */
  hint?: string;
  options: readonly { value: T; label: string; lang?: string }[];
  value: T;
  onChange(value: T): void;
  /** Hides the label visually (it still names the group). @default false */
  labelHidden?: boolean;
  disabled?: boolean;
}

/**
 * A set of options of which one is chosen, drawn as a segmented control: native radio buttons in a
 * fieldset, so arrow keys, forms and screen readers work as they always do.
 */
export function Segmented<T extends string | number>({
  label,
  hint,
  options,
  value,
  onChange,
  labelHidden = false,
  disabled = false,
}: SegmentedProps<T>) {
  const name = useId();
  const hintID = useId();
  return (
    <fieldset className="demo-segmented" disabled={disabled} aria-describedby={hint ? hintID : undefined}>
      <legend className="demo-segmented-label" data-hidden={labelHidden ? '' : undefined}>
        {label}
      </legend>
      <div className="demo-segmented-options">
        {options.map((option) => (
          <label key={String(option.value)} className="demo-segmented-option" lang={option.lang}>
            <input
              type="radio"
              name={name}
              value={String(option.value)}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {hint && (
        <p id={hintID} className="demo-hint">
          {hint}
        </p>
      )}
    </fieldset>
  );
}
