import { useRef } from 'react';

/**
 * For a Radix dialog opened without its Trigger (by state: a button elsewhere, a shortcut): the
 * focus goes back on close to what had it when the dialog opened. Without it, Escape or Cancel
 * left the focus on the page's body, and the next Tab started from the top. When the opener is
 * gone (its row removed) or now disabled, the focus goes to `fallback`, if given.
 * Spread onto Dialog.Content.
 */
export function useReturnFocus(fallback?: () => HTMLElement | null | undefined) {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => void (opener.current = document.activeElement as HTMLElement | null),
    onCloseAutoFocus: (event: Event) => {
      const opened = opener.current;
      const usable = opened?.isConnected && opened !== document.body && !opened.matches(':disabled') ? opened : null;
      const back = usable ?? fallback?.();
      if (!back) return;
      event.preventDefault();
      back.focus();
    },
  };
}
