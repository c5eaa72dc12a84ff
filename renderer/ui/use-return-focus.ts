import { useRef } from 'react';

/**
 * For a Radix dialog opened without its Trigger (by state: a button elsewhere, a shortcut): the
 * focus goes back on close to what had it when the dialog opened. Without it, Escape or Cancel
 * left the focus on the page's body, and the next Tab started from the top.
 * Spread onto Dialog.Content.
 */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => void (opener.current = document.activeElement as HTMLElement | null),
    onCloseAutoFocus: (event: Event) => {
      const back = opener.current;
      if (!back?.isConnected || back === document.body) return;
      event.preventDefault();
      back.focus();
    },
  };
}
