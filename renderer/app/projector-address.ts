// The projector's address: the same page with ?view=projector&session=ID. Kept apart from the
// projector's view so the page can tell which screen it is without loading that screen.

/** `?view=projector&session=ID` (Electron's projector window, or a link in the browser): the session to show, or null for the app. */
export function projectorRoute(search: string): { sessionId: string } | null {
  const params = new URLSearchParams(search);
  if (params.get('view') !== 'projector') return null;
  return { sessionId: params.get('session')?.trim() ?? '' };
}

/**
 * The projector page's address in the browser: this page's address for the session, with the
 * projector's own read-only token (projector.token) instead of the facilitator's.
 */
export function projectorHref(location: { pathname: string; search: string }, sessionId: string, token: string): string {
  const params = new URLSearchParams(location.search);
  params.set('token', token);
  params.set('view', 'projector');
  params.set('session', sessionId);
  return `${location.pathname}?${params.toString()}`;
}
