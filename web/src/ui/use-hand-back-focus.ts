import { useEffect, type RefObject } from 'react';

/**
 * How long after a frame is shown its viewer may still take focus by itself. It did so ≈ 2 s after
 * the frame loaded on an idle machine (Chromium 156); a busy reviewer's laptop is slower.
 */
const SELF_FOCUS_WINDOW_MS = 15_000;

/**
 * Chromium's PDF viewer focuses itself once it has drawn the document, in an iframe, an object or an
 * embed alike. Focus moving into the frame scrolls the page to it and takes the caret out of the field
 * the reviewer was typing in, so the rest of a half-typed reason goes to the viewer. Nobody asked for
 * that. So the first focus the frame takes within SELF_FOCUS_WINDOW_MS of being shown, unless the Tab key
 * brought it, goes back where it was and the page scrolls back. A click into the PDF in those
 * seconds still works; only the keyboard focus returns to the page, once.
 */
export function useHandBackFocus(frameRef: RefObject<HTMLIFrameElement | null>, src: string | null): void {
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame || !src) return;
    const shownAt = performance.now();
    let handled = false;
    let tabAt = -Infinity;
    let last: { focus: Element | null; x: number; y: number } = {
      focus: document.activeElement,
      x: window.scrollX,
      y: window.scrollY,
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Tab') tabAt = performance.now();
    };
    // Until when a jump to the frame may still arrive after focus was handed back (the viewer runs in
    // its own process, and its scroll can come later than its focus).
    let undoJumpUntil = -Infinity;
    // Where the reader was: the scroll that focusing the frame causes arrives after the focus moved.
    const onScroll = () => {
      if (performance.now() < undoJumpUntil && (window.scrollX !== last.x || window.scrollY !== last.y)) {
        undoJumpUntil = -Infinity;
        window.scrollTo(last.x, last.y);
        return;
      }
      if (document.activeElement !== frame) last = { ...last, x: window.scrollX, y: window.scrollY };
    };
    const onFocusIn = (e: FocusEvent) => {
      if (e.target !== frame) last = { ...last, focus: e.target as Element };
    };
    // Focus entering a frame shows in the page as the window's blur; the frame is active only after it.
    const onBlur = () =>
      setTimeout(() => {
        if (handled || document.activeElement !== frame) return;
        const now = performance.now();
        if (now - shownAt > SELF_FOCUS_WINDOW_MS || now - tabAt < 1000) return;
        handled = true;
        const back = last.focus;
        if (back instanceof HTMLElement && back !== frame && back !== document.body && back.isConnected)
          back.focus({ preventScroll: true });
        else frame.blur();
        window.scrollTo(last.x, last.y);
        undoJumpUntil = performance.now() + 1000;
      }, 0);
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onFocusIn);
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('blur', onBlur);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('blur', onBlur);
    };
  }, [frameRef, src]);
}
