import type { CSSProperties, ReactNode } from 'react';

/**
 * A table's own sideways-scrolling box (docs/design.md#phones): on a phone a wide table scrolls inside
 * it, not the page. It is a named region that takes focus, so keyboard users can scroll it with the
 * arrow keys and screen readers announce what it holds.
 */
export function TableBox({
  label,
  className,
  style,
  children,
}: {
  /** What the table holds — usually its caption's words. */
  label: string;
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <div
      className={className ? `table-wrap ${className}` : 'table-wrap'}
      role="region"
      aria-label={label}
      tabIndex={0}
      style={style}
    >
      {children}
    </div>
  );
}
