/** The screens, addressed by the URL hash so a reload (or a second window) lands on the same one. */
export type Route =
  | { name: 'library' }
  | { name: 'sessions' }
  | { name: 'history' }
  | { name: 'setup'; scenarioId: string }
  | { name: 'console'; sessionId: string }
  | { name: 'debrief'; sessionId: string }
  | { name: 'role'; roleId: string };

export function parseRoute(hash: string): Route {
  const [name, id] = hash.replace(/^#\/?/, '').split('/').map((part) => decodeURIComponent(part));
  if (name === 'sessions' || name === 'history') return { name };
  if (id) {
    if (name === 'setup') return { name, scenarioId: id };
    if (name === 'session') return { name: 'console', sessionId: id };
    if (name === 'debrief') return { name, sessionId: id };
    if (name === 'role') return { name, roleId: id };
  }
  return { name: 'library' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'library': return '#/library';
    case 'sessions': return '#/sessions';
    case 'history': return '#/history';
    case 'setup': return `#/setup/${encodeURIComponent(route.scenarioId)}`;
    case 'console': return `#/session/${encodeURIComponent(route.sessionId)}`;
    case 'debrief': return `#/debrief/${encodeURIComponent(route.sessionId)}`;
    case 'role': return `#/role/${encodeURIComponent(route.roleId)}`;
  }
}

export const navigate = (route: Route): void => void (window.location.hash = routeHash(route));
