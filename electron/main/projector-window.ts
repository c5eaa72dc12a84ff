import { APP_ENTRY_URL } from '../security/app-origin.js';

/** The projector page of a session, as the app's own URL (the renderer's `?view=projector` route). */
export function projectorUrl(sessionId: string): string {
  return `${APP_ENTRY_URL}?view=projector&session=${encodeURIComponent(sessionId)}`;
}

/** The display for the projector window: another display than the primary when there is one. */
export function projectorDisplay<D extends { id: number }>(displays: readonly D[], primaryId: number): D | undefined {
  return displays.find((display) => display.id !== primaryId) ?? displays[0];
}
