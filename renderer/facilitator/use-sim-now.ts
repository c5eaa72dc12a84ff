import { useEffect, useState } from 'react';

/**
 * The simulated time shown between the server's pushes: the view's time moved on by the wall
 * time since it arrived, at the session's speed. The server stays the truth: each push resets it.
 */
export function useSimNow(view: { now: number; paused: boolean; speed: number; ended: unknown } | null): number {
  const [now, setNow] = useState(view?.now ?? 0);
  useEffect(() => {
    if (!view) return;
    const arrived = performance.now();
    setNow(view.now);
    if (view.paused || view.ended) return;
    const timer = window.setInterval(() => setNow(view.now + (performance.now() - arrived) * view.speed), 250);
    return () => window.clearInterval(timer);
  }, [view]);
  return now;
}
