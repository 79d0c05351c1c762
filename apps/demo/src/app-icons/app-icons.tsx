import type { ReactNode, SVGProps } from 'react';

/** Props of the app's icons: SVG attributes and a size. */
export interface AppIconProps extends Omit<SVGProps<SVGSVGElement>, 'children'> {
  /** @default 20 */
  size?: number;
}

/**
 * Icons of the app's own chrome, drawn like the kit's (24 × 24, 1.75 px round strokes, currentColor,
 * decorative): the control around one carries the name.
 */
function icon(body: ReactNode) {
  return function AppIcon({ size = 20, ...rest }: AppIconProps) {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox="0 0 24 24"
        width={size}
        height={size}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.75}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...rest}
      >
        {body}
      </svg>
    );
  };
}

/** Chats: two speech bubbles. */
export const ChatsIcon = icon(
  <>
    <path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h8A2.5 2.5 0 0 1 17 5.5v5a2.5 2.5 0 0 1-2.5 2.5H9l-3.5 3v-3h0A1.5 1.5 0 0 1 4 11.5z" />
    <path d="M20 9.5v5a2 2 0 0 1-2 2h-.5v2.5L14.5 16.5H11" />
  </>,
);

/** Demo controls: sliders. */
export const SlidersIcon = icon(
  <>
    <path d="M4 7h9M17 7h3M4 17h3M11 17h9" />
    <circle cx="15" cy="7" r="2" />
    <circle cx="9" cy="17" r="2" />
  </>,
);

/** New chat: a pencil on a square. */
export const ComposeIcon = icon(
  <>
    <path d="M11 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-5" />
    <path d="M17.5 3.5a2.1 2.1 0 0 1 3 3L12 15l-4 1 1-4z" />
  </>,
);

/** New group: two people. */
export const UsersIcon = icon(
  <>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20a6.5 6.5 0 0 1 13 0" />
    <path d="M16 4.6a3.5 3.5 0 0 1 0 6.8M18.5 14.2A6.5 6.5 0 0 1 21.5 20" />
  </>,
);

/** Sign out: a door with an arrow. */
export const SignOutIcon = icon(
  <>
    <path d="M14 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3" />
    <path d="M10 16l-4-4 4-4M6 12h10" />
  </>,
);

/** Offline: a crossed-out signal. */
export const OfflineIcon = icon(
  <>
    <path d="M2 8.8a15 15 0 0 1 4.2-2.5M9.8 5.1A15 15 0 0 1 22 8.8M5 12.5a10 10 0 0 1 3.5-2M15 10.3a10 10 0 0 1 4 2.2M8.5 16a5 5 0 0 1 7 0" />
    <circle cx="12" cy="19.5" r="0.5" fill="currentColor" />
    <path d="M3 3l18 18" />
  </>,
);

/** Mark all as read: a double check in a circle. */
export const CheckAllIcon = icon(
  <>
    <path d="M2.5 12.5l4 4 8-9" />
    <path d="M12 16.5l1 0.5 8-9" />
  </>,
);

/** The Tidings mark: a speech bubble with a wave (filled, in the accent colour). */
export function TidingsMark({ size = 32 }: { size?: number }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 32 32"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      className="demo-mark"
    >
      <rect width="32" height="32" rx="9" fill="var(--tidings-color-accent)" />
      <path
        d="M8.5 9.5h15a2.5 2.5 0 0 1 2.5 2.5v7a2.5 2.5 0 0 1-2.5 2.5H15l-4 3.5v-3.5H8.5A2.5 2.5 0 0 1 6 19v-7a2.5 2.5 0 0 1 2.5-2.5z"
        fill="var(--tidings-color-on-accent)"
      />
      <path
        d="M10 16c1.3-1.6 2.7-1.6 4 0s2.7 1.6 4 0 2.7-1.6 4 0"
        fill="none"
        stroke="var(--tidings-color-accent)"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </svg>
  );
}
