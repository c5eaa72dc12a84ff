import { useEffect } from 'react';

/**
 * Whether a key press belongs to the focused control: typing a note must not pause the clock,
 * and space on a button presses that button. Other keys on a button still reach the shortcuts.
 */
export function keyBelongsToControl(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return key === ' ' && ['BUTTON', 'SUMMARY', 'A'].includes(target.tagName);
}

/** Single-key shortcuts (space, n, ?) for the whole window, except while typing or on a control. */
export function useShortcuts(bindings: Record<string, () => void>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || keyBelongsToControl(event.target, event.key)) return;
      const binding = bindings[event.key === ' ' ? 'Space' : event.key];
      if (!binding) return;
      event.preventDefault();
      binding();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bindings]);
}
