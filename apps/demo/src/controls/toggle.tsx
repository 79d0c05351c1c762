import { useId } from 'react';

/** Props of {@link Toggle}. */
export interface ToggleProps {
  label: string;
  hint?: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
}

/** An on/off setting: a native checkbox with the switch role, drawn as a switch. */
export function Toggle({ label, hint, checked, onChange, disabled = false }: ToggleProps) {
  const id = useId();
  const hintID = useId();
  return (
    <div className="demo-toggle">
      <label htmlFor={id} className="demo-toggle-label">
        {label}
      </label>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="demo-toggle-switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? hintID : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      {hint && (
        <p id={hintID} className="demo-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
