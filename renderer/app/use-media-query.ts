import { useEffect, useState } from 'react';

/** Whether a CSS media query matches now, following its changes (false where there is no matchMedia). */
export function useMediaQuery(query: string): boolean {
  const [media] = useState(() => (typeof window.matchMedia === 'function' ? window.matchMedia(query) : null));
  const [matches, setMatches] = useState(media?.matches ?? false);
  useEffect(() => {
    if (!media) return;
    const change = () => setMatches(media.matches);
    media.addEventListener('change', change);
    return () => media.removeEventListener('change', change);
  }, [media]);
  return matches;
}
