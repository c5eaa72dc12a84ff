/** The screens, addressed by the URL hash so a reload (or a second window) lands on the same one. */
export type Route =
  | { name: 'library' }
  | { name: 'sessions' }
  | { name: 'history' }
  | { name: 'stress-test' }
  | { name: 'coverage' }
  | { name: 'studio' }
  | { name: 'setup'; scenarioId: string }
  | { name: 'console'; sessionId: string }
  | { name: 'debrief'; sessionId: string }
  | { name: 'role'; sessionId: string; roleId: string };

export function parseRoute(hash: string): Route {
  const [name, id, more] = hash.replace(/^#\/?/, '').split('/').map((part) => safeDecode(part));
  if (name === 'sessions' || name === 'history' || name === 'stress-test' || name === 'coverage' || name === 'studio') return { name };
  if (id) {
    if (name === 'setup') return { name, scenarioId: id };
    if (name === 'session') return { name: 'console', sessionId: id };
    if (name === 'debrief') return { name, sessionId: id };
    // A role's address names its session, so it opens in a new tab or on another screen.
    if (name === 'role' && more) return { name, sessionId: id, roleId: more };
  }
  return { name: 'library' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'library': return '#/library';
    case 'sessions': return '#/sessions';
    case 'history': return '#/history';
    case 'stress-test': return '#/stress-test';
    case 'coverage': return '#/coverage';
    case 'studio': return '#/studio';
    case 'setup': return `#/setup/${encodeURIComponent(route.scenarioId)}`;
    case 'console': return `#/session/${encodeURIComponent(route.sessionId)}`;
    case 'debrief': return `#/debrief/${encodeURIComponent(route.sessionId)}`;
    case 'role': return `#/role/${encodeURIComponent(route.sessionId)}/${encodeURIComponent(route.roleId)}`;
  }
}

export const navigate = (route: Route): void => void (window.location.hash = routeHash(route));

/** A malformed %-escape in a typed address is read as written, not thrown. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
