import { useCallback, useRef, useState } from 'react';

/**
 * One command at a time from a form or a group of buttons: a second press before the answer
 * comes back (a double click, Enter held down) is ignored, so one press is journaled once.
 * `sending` disables the buttons meanwhile; the ref answers at once, before any render.
 */
export function useInFlight() {
  const busy = useRef(false);
  const [sending, setSending] = useState(false);
  const once = useCallback(async <T,>(send: () => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setSending(true);
    try {
      return await send();
    } finally {
      busy.current = false;
      setSending(false);
    }
  }, []);
  return { sending, once };
}
