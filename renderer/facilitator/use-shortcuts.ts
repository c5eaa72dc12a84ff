import { useEffect, useRef } from 'react';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week']);

/**
 * Whether a key press belongs to a field being typed in (or a list being chosen from): there,
 * typing a note must not pause the clock. Anywhere else the shortcuts win, Space included:
 * Space on a focused button pauses the clock, it never presses the button again.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/** A modal dialog has the keyboard while it is open (its buttons take Space and Enter). */
const inDialog = (target: EventTarget | null): boolean => target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]') !== null;

/** The binding's name for a key: "Space", or the character ("n", "?"). */
const keyName = (event: KeyboardEvent) => (event.key === ' ' ? 'Space' : event.key.length === 1 ? event.key.toLowerCase() : event.key);

/**
 * Single-key shortcuts for the whole window (Space, N, D, S...), except while typing in a
 * field or in a dialog. Space is taken on keydown and its keyup is swallowed too, so the
 * focused button is never activated by it (a browser presses a button on Space's keyup).
 */
export function useShortcuts(bindings: Record<string, () => void>): void {
  const current = useRef(bindings);
  current.current = bindings;
  useEffect(() => {
    const ours = (event: KeyboardEvent) =>
      !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target) && !inDialog(event.target) && Object.hasOwn(current.current, keyName(event));
    const onKeyDown = (event: KeyboardEvent) => {
      if (!ours(event)) return;
      event.preventDefault();
      // Holding Space down repeats keydown: one press, one pause.
      if (event.repeat) return;
      current.current[keyName(event)]!();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ' && ours(event)) event.preventDefault();
    };
    // Capture: the shortcut is decided before the focused element sees the key.
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, []);
}
