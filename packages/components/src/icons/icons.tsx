import { clsx } from 'clsx';
import {
  type ForwardRefExoticComponent,
  forwardRef,
  type ReactNode,
  type RefAttributes,
  type SVGProps,
} from 'react';

/** Props of every icon: any SVG attribute, plus a size. */
export interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'children' | 'ref'> {
  /**
   * Width and height, in pixels or any CSS length.
   * @default 20 (`--tidings-size-icon`)
   */
  size?: number | string | undefined;
}

/** An icon component. */
export type IconComponent = ForwardRefExoticComponent<IconProps & RefAttributes<SVGSVGElement>>;

interface IconOptions {
  /** The icon points along the reading direction (back, send, reply) and is mirrored under `dir="rtl"`. */
  directional?: boolean | undefined;
}

/**
 * Icons are decorative (`aria-hidden`, not focusable): the button or element around one carries the
 * accessible name. They draw with `currentColor` on a 24 × 24 grid, 1.75 px strokes with round ends.
 */
function createIcon(displayName: string, body: ReactNode, options: IconOptions = {}): IconComponent {
  const Component = forwardRef<SVGSVGElement, IconProps>(function IconSvg(
    { size = 20, className, ...rest },
    ref,
  ) {
    return (
      <svg
        ref={ref}
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
        className={clsx('tidings-icon', className)}
        data-directional={options.directional ? '' : undefined}
        {...rest}
      >
        {body}
      </svg>
    );
  });
  Component.displayName = displayName;
  return Component;
}

const dot = (cx: number, cy: number, r = 1.6) => (
  <circle cx={cx} cy={cy} r={r} fill="currentColor" stroke="none" />
);

/** A pushpin: pinned conversations, the pin action. */
export const PinIcon = /* @__PURE__ */ createIcon(
  'PinIcon',
  <>
    <path d="M8.25 3.5h7.5" />
    <path d="M9.5 3.5v5.25L6.25 12.5V14h11.5v-1.5L14.5 8.75V3.5" />
    <path d="M12 14v6.5" />
  </>,
);

/** A crossed-out pushpin: the unpin action. */
export const PinOffIcon = /* @__PURE__ */ createIcon(
  'PinOffIcon',
  <>
    <path d="M8.25 3.5h7.5" />
    <path d="M14.5 9.5V3.5h-5v1.75" />
    <path d="M9.5 9.5 6.25 12.5V14h7.75" />
    <path d="M12 14v6.5" />
    <path d="m3.5 3.5 17 17" />
  </>,
);

/** A bell: the unmute action. */
export const BellIcon = /* @__PURE__ */ createIcon(
  'BellIcon',
  <>
    <path d="M6 16.5v-5a6 6 0 0 1 12 0v5l1.5 1.5h-15z" />
    <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
  </>,
);

/** A crossed-out bell: muted (do-not-disturb) conversations, the mute action. */
export const BellOffIcon = /* @__PURE__ */ createIcon(
  'BellOffIcon',
  <>
    <path d="M8.4 6.4A6 6 0 0 1 18 11.5v4" />
    <path d="M6 11.5v5L4.5 18H18" />
    <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
    <path d="m3.5 3.5 17 17" />
  </>,
);

/** Three dots (⋯): more actions. */
export const MoreIcon = /* @__PURE__ */ createIcon(
  'MoreIcon',
  <>
    {dot(5.5, 12)}
    {dot(12, 12)}
    {dot(18.5, 12)}
  </>,
);

/** A check mark: sent, a selected option. */
export const CheckIcon = /* @__PURE__ */ createIcon('CheckIcon', <path d="m5 12.5 4.5 4.5L19 7.5" />);

/** Two check marks: read by the peer. */
export const DoubleCheckIcon = /* @__PURE__ */ createIcon(
  'DoubleCheckIcon',
  <>
    <path d="m1.75 12.75 4.25 4.25 9.5-9.5" />
    <path d="m12.5 16 1 1 9.5-9.5" />
  </>,
);

/** A clock: sending. */
export const ClockIcon = /* @__PURE__ */ createIcon(
  'ClockIcon',
  <>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 7.5V12l3 2" />
  </>,
);

/** An exclamation mark in a circle: failed to send, errors. */
export const AlertIcon = /* @__PURE__ */ createIcon(
  'AlertIcon',
  <>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 7.5v5" />
    {dot(12, 16, 1.1)}
  </>,
);

/** A paper clip: attach files. */
export const AttachIcon = /* @__PURE__ */ createIcon(
  'AttachIcon',
  <path d="m19.5 11.5-7.9 7.9a4.9 4.9 0 0 1-6.9-6.9l8.2-8.2a3.25 3.25 0 0 1 4.6 4.6l-8.2 8.2a1.6 1.6 0 0 1-2.3-2.3l7.6-7.6" />,
);

/** A smiling face: the sticker and emoji picker. */
export const SmileIcon = /* @__PURE__ */ createIcon(
  'SmileIcon',
  <>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M8.5 14.25a4.25 4.25 0 0 0 7 0" />
    {dot(9, 9.75, 1.15)}
    {dot(15, 9.75, 1.15)}
  </>,
);

/** A paper plane: send. Mirrored right to left. */
export const SendIcon = /* @__PURE__ */ createIcon(
  'SendIcon',
  <>
    <path d="M4.5 4.25 20.5 12 4.5 19.75 7.25 12z" />
    <path d="M7.25 12h5.25" />
  </>,
  { directional: true },
);

/** A cross: close, remove. */
export const CloseIcon = /* @__PURE__ */ createIcon('CloseIcon', <path d="M6.5 6.5l11 11m0-11-11 11" />);

/** A magnifying glass: search. */
export const SearchIcon = /* @__PURE__ */ createIcon(
  'SearchIcon',
  <>
    <circle cx="11" cy="11" r="6.5" />
    <path d="m16 16 4.5 4.5" />
  </>,
);

/** An arrow pointing down: jump to the newest messages. */
export const ArrowDownIcon = /* @__PURE__ */ createIcon(
  'ArrowDownIcon',
  <>
    <path d="M12 4.5v15" />
    <path d="m5.5 13 6.5 6.5 6.5-6.5" />
  </>,
);

/** A chevron pointing back: back to the list in narrow layouts. Mirrored right to left. */
export const BackIcon = /* @__PURE__ */ createIcon('BackIcon', <path d="M15 5.5 8.5 12l6.5 6.5" />, {
  directional: true,
});

/** A picture: images. */
export const ImageIcon = /* @__PURE__ */ createIcon(
  'ImageIcon',
  <>
    <rect x="3.5" y="4.5" width="17" height="15" rx="2.5" />
    <circle cx="9" cy="10" r="1.75" />
    <path d="m4 17.5 4.5-4.25 3 2.75 4-4 4.5 4.25" />
  </>,
);

/** A document with a folded corner: files. */
export const FileIcon = /* @__PURE__ */ createIcon(
  'FileIcon',
  <>
    <path d="M13.5 3.5H7.25a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2h9.5a2 2 0 0 0 2-2V8.75z" />
    <path d="M13.5 3.5v5.25h5.25" />
  </>,
);

/** A microphone: voice messages. */
export const MicIcon = /* @__PURE__ */ createIcon(
  'MicIcon',
  <>
    <rect x="9" y="3.5" width="6" height="11" rx="3" />
    <path d="M5.75 11.5a6.25 6.25 0 0 0 12.5 0" />
    <path d="M12 17.75v2.75" />
  </>,
);

/** A filled triangle: play. Media controls keep their direction right to left. */
export const PlayIcon = /* @__PURE__ */ createIcon(
  'PlayIcon',
  <path d="M8 5.75v12.5L18.25 12z" fill="currentColor" />,
);

/** Two filled bars: pause. */
export const PauseIcon = /* @__PURE__ */ createIcon(
  'PauseIcon',
  <>
    <rect x="6.5" y="5" width="3.75" height="14" rx="1.25" fill="currentColor" stroke="none" />
    <rect x="13.75" y="5" width="3.75" height="14" rx="1.25" fill="currentColor" stroke="none" />
  </>,
);

/** A map pin: locations. */
export const LocationIcon = /* @__PURE__ */ createIcon(
  'LocationIcon',
  <>
    <path d="M12 20.75s-6.5-5.5-6.5-10.75a6.5 6.5 0 0 1 13 0c0 5.25-6.5 10.75-6.5 10.75z" />
    <circle cx="12" cy="10" r="2.4" />
  </>,
);

/** A star: starred conversations, the star action. */
export const StarIcon = /* @__PURE__ */ createIcon(
  'StarIcon',
  <path d="m12 3.75 2.55 5.2 5.7.83-4.12 4.02.97 5.68L12 16.8l-5.1 2.68.97-5.68-4.12-4.02 5.7-.83z" />,
);

/** A crossed-out eye: the hide action. */
export const EyeOffIcon = /* @__PURE__ */ createIcon(
  'EyeOffIcon',
  <>
    <path d="M9.9 5.75A9.6 9.6 0 0 1 12 5.5c6 0 9.5 6.5 9.5 6.5a16 16 0 0 1-2.4 3.2" />
    <path d="M6.6 6.9C4 8.6 2.5 12 2.5 12S6 18.5 12 18.5a9.3 9.3 0 0 0 4.9-1.4" />
    <path d="M9.9 9.9a3 3 0 0 0 4.2 4.2" />
    <path d="m3.5 3.5 17 17" />
  </>,
);

/** A bin: delete. */
export const TrashIcon = /* @__PURE__ */ createIcon(
  'TrashIcon',
  <>
    <path d="M4.5 7h15" />
    <path d="M9.5 7V4.5h5V7" />
    <path d="m6.5 7 .85 11.6a2 2 0 0 0 2 1.9h5.3a2 2 0 0 0 2-1.9L17.5 7" />
    <path d="M10 11v5.5m4-5.5v5.5" />
  </>,
);

/** A curved arrow back: recall (undo) a message. Mirrored right to left. */
export const UndoIcon = /* @__PURE__ */ createIcon(
  'UndoIcon',
  <>
    <path d="M8.5 14 4 9.5 8.5 5" />
    <path d="M4 9.5h10.25a5.25 5.25 0 0 1 0 10.5H11" />
  </>,
  { directional: true },
);

/** An arrow turning back: reply. Mirrored right to left. */
export const ReplyIcon = /* @__PURE__ */ createIcon(
  'ReplyIcon',
  <>
    <path d="M9.5 5.5 4 11l5.5 5.5" />
    <path d="M4 11h9a7 7 0 0 1 7 7v1" />
  </>,
  { directional: true },
);

/** Two overlapping sheets: copy. */
export const CopyIcon = /* @__PURE__ */ createIcon(
  'CopyIcon',
  <>
    <rect x="8.5" y="8.5" width="12" height="12" rx="2" />
    <path d="M15.5 8.5V5.5a2 2 0 0 0-2-2h-8a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h3" />
  </>,
);

/** An arrow into a tray: download. */
export const DownloadIcon = /* @__PURE__ */ createIcon(
  'DownloadIcon',
  <>
    <path d="M12 4v11" />
    <path d="m7 10.5 5 5 5-5" />
    <path d="M5 20h14" />
  </>,
);

/** An arrow turning onward: forward. Mirrored right to left. */
export const ForwardIcon = /* @__PURE__ */ createIcon(
  'ForwardIcon',
  <>
    <path d="M14.5 5.5 20 11l-5.5 5.5" />
    <path d="M20 11h-9a7 7 0 0 0-7 7v1" />
  </>,
  { directional: true },
);

/** A ticked circle: select, selected. */
export const SelectIcon = /* @__PURE__ */ createIcon(
  'SelectIcon',
  <>
    <circle cx="12" cy="12" r="8.5" />
    <path d="m8.5 12.2 2.4 2.4 4.6-4.8" />
  </>,
);
