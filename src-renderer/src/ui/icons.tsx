/**
 * The few icons the console uses, as inline SVG (no icon font to fetch, CSP
 * friendly). Decorative: hidden from assistive technology, the text next to
 * them carries the meaning.
 */
import type { ReactNode } from 'react';

export type IconName =
  | 'queue'
  | 'dispatch'
  | 'hours'
  | 'settings'
  | 'calendar'
  | 'language'
  | 'chevronLeft'
  | 'chevronRight'
  | 'keyboard'
  | 'check'
  | 'pin'
  | 'alert'
  | 'info'
  | 'search'
  | 'upload'
  | 'plus'
  | 'close'
  | 'filter'
  | 'user'
  | 'timer'
  | 'play'
  | 'stop'
  | 'note'
  | 'reply'
  | 'arrowLeft'
  | 'bell'
  | 'refresh'
  | 'bookmark'
  | 'chevronDown'
  | 'trash'
  | 'command'
  | 'offline'
  | 'pause';

const PATHS: Record<IconName, ReactNode> = {
  queue: (
    <>
      <path d="M4 6h16M4 12h16M4 18h10" />
    </>
  ),
  dispatch: (
    <>
      <path d="M12 21s-6-5.2-6-10a6 6 0 1 1 12 0c0 4.8-6 10-6 10z" />
      <circle cx="12" cy="11" r="2.2" />
    </>
  ),
  hours: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </>
  ),
  settings: (
    <>
      <path d="M4 7h9M17 7h3M4 17h3M11 17h9" />
      <circle cx="15" cy="7" r="2" />
      <circle cx="9" cy="17" r="2" />
    </>
  ),
  calendar: (
    <>
      <rect x="4" y="5.5" width="16" height="14.5" rx="2" />
      <path d="M4 10h16M8.5 3.5v4M15.5 3.5v4" />
    </>
  ),
  language: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.5 2.6 3.5 5.4 3.5 8.5s-1 5.9-3.5 8.5c-2.5-2.6-3.5-5.4-3.5-8.5s1-5.9 3.5-8.5z" />
    </>
  ),
  chevronLeft: <path d="M14.5 6l-6 6 6 6" />,
  chevronRight: <path d="M9.5 6l6 6-6 6" />,
  keyboard: (
    <>
      <rect x="3" y="6.5" width="18" height="11" rx="2" />
      <path d="M7 10.5h.01M10.3 10.5h.01M13.7 10.5h.01M17 10.5h.01M8 14h8" />
    </>
  ),
  check: <path d="M5 12.5l4.2 4L19 7" />,
  pin: (
    <>
      <path d="M12 21s-6-5.2-6-10a6 6 0 1 1 12 0c0 4.8-6 10-6 10z" />
      <circle cx="12" cy="11" r="2.2" />
    </>
  ),
  alert: (
    <>
      <path d="M12 4l9 16H3z" />
      <path d="M12 10v4.5M12 17.3h.01" />
    </>
  ),
  info: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 11v5.5M12 7.8h.01" />
    </>
  ),
  search: (
    <>
      <circle cx="11" cy="11" r="6" />
      <path d="M15.5 15.5L20 20" />
    </>
  ),
  upload: (
    <>
      <path d="M7 17.5h-.5a4 4 0 0 1-.6-7.96A5.5 5.5 0 0 1 16.6 8.1 4.2 4.2 0 0 1 17.5 17.5H17" />
      <path d="M12 20v-7.5M9.2 15l2.8-2.8 2.8 2.8" />
    </>
  ),
  plus: <path d="M12 5v14M5 12h14" />,
  close: <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" />,
  filter: <path d="M4 6h16M7 12h10M10 18h4" />,
  user: (
    <>
      <circle cx="12" cy="8.5" r="3.5" />
      <path d="M5 20c.8-3.6 3.6-5.5 7-5.5s6.2 1.9 7 5.5" />
    </>
  ),
  timer: (
    <>
      <circle cx="12" cy="13" r="7.5" />
      <path d="M12 9v4.2l2.6 1.6M9.5 3h5" />
    </>
  ),
  play: <path d="M8 5.5v13l10.5-6.5z" />,
  stop: <rect x="6.5" y="6.5" width="11" height="11" rx="1.5" />,
  note: (
    <>
      <path d="M6 4h9l3 3v13H6z" />
      <path d="M9 11h6M9 15h4" />
    </>
  ),
  reply: <path d="M10 7L5 12l5 5M5.5 12H14a5 5 0 0 1 5 5v1" />,
  arrowLeft: <path d="M19 12H5M11 6l-6 6 6 6" />,
  bell: (
    <>
      <path d="M6.5 16.5V11a5.5 5.5 0 0 1 11 0v5.5l1.5 1.5H5z" />
      <path d="M10 20.5h4" />
    </>
  ),
  refresh: (
    <>
      <path d="M19 12a7 7 0 1 1-2.05-4.95" />
      <path d="M19 4.5V8h-3.5" />
    </>
  ),
  bookmark: <path d="M7 4h10v16l-5-3.5L7 20z" />,
  chevronDown: <path d="M6 9.5l6 6 6-6" />,
  trash: (
    <>
      <path d="M5 7h14M10 4h4M7 7l1 13h8l1-13" />
    </>
  ),
  command: <path d="M9 6a3 3 0 1 0-3 3h12a3 3 0 1 0-3-3v12a3 3 0 1 0 3-3H6a3 3 0 1 0 3 3z" />,
  offline: (
    <>
      <path d="M4 4l16 16" />
      <path d="M8.5 17.5H7a4 4 0 0 1-1.1-7.85M10 6.4A5.5 5.5 0 0 1 16.6 8.1 4.2 4.2 0 0 1 19.4 15" />
    </>
  ),
  pause: <path d="M9 6.5v11M15 6.5v11" />,
};

export function Icon({ name, className }: { readonly name: IconName; readonly className?: string }): ReactNode {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
