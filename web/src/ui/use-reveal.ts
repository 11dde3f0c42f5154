import { useEffect, useRef } from 'react';

/**
 * An answer the user just asked for is brought into view and focused (docs/design.md#forms-and-answers): after
 * Submit, the decision or claim answer may render below the fold, and a screen-reader user would
 * not hear it. Whenever `key` changes to a value (a new answer), the element scrolls to the top of
 * the viewport and takes focus (it needs tabIndex={-1}); `null`/`undefined` means nothing to show.
 */
export function useReveal<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key === null || key === undefined) return;
    const el = ref.current;
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [key]);
  return ref;
}
