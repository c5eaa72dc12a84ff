import { isAppUrl } from './app-origin.js';

/**
 * Permissions the app's own pages may have: writing to the clipboard (copying a scorecard) and
 * fullscreen and keeping the screen awake (the projector view). Camera, microphone, geolocation, notifications from the page
 * (main shows them), MIDI, HID, serial, USB and everything else are denied.
 */
const GRANTED_TO_APP = new Set(['clipboard-sanitized-write', 'fullscreen', 'screen-wake-lock']);

/** `setPermissionRequestHandler` / `setPermissionCheckHandler`: deny by default. */
export function permissionDecision(permission: string, requestingUrl: string | undefined): boolean {
  return GRANTED_TO_APP.has(permission) && typeof requestingUrl === 'string' && isAppUrl(requestingUrl);
}
