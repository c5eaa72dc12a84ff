import { useEffect } from 'react';
import { routeHash, type Route } from './route.js';

/** How long a screen may take to show its heading (its code and data loading) before focus stops waiting. */
const WAIT_MS = 15_000;

/**
 * Every screen starts at the top with the focus on its heading: a screen reader says where it
 * is, and the next Tab starts from the top of the new screen, not from the link that led there.
 * The heading may come late (the screen's code or data loading): focus waits for it, unless the
 * person has clicked or typed since, which wins.
 */
export function useRouteFocus(route: Route): void {
  const key = routeHash(route);
  useEffect(() => {
    window.scrollTo?.(0, 0);
    let stopped = false;
    // The screen of this route: while the next one loads, React keeps the last one on the page, hidden.
    const heading = () => document.querySelector<HTMLElement>(`[data-route="${CSS.escape(key)}"] h1`);
    const focus = (element: HTMLElement) => {
      stop();
      if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
      element.focus({ preventScroll: true });
      window.scrollTo?.(0, 0);
    };
    const observer = new MutationObserver(() => {
      const element = heading();
      if (element) focus(element);
    });
    const timer = window.setTimeout(() => stop(), WAIT_MS);
    const interacted = () => stop();
    function stop() {
      if (stopped) return;
      stopped = true;
      observer.disconnect();
      window.clearTimeout(timer);
      window.removeEventListener('pointerdown', interacted, true);
      window.removeEventListener('keydown', interacted, true);
    }
    const now = heading();
    if (now) {
      focus(now);
      return stop;
    }
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('pointerdown', interacted, true);
    window.addEventListener('keydown', interacted, true);
    return stop;
  }, [key]);
}
