import { isAppUrl } from './app-origin.js';

/** What the check needs of an IPC event's sender frame (Electron's WebFrameMain). */
export interface SenderFrame {
  url: string;
  /** True for the top frame of the window (no parent frame). */
  isTopFrame: boolean;
}

/**
 * Every IPC message is checked before anything runs: it must come from the top frame of one
 * of the app's pages (origin app://firedrill), not from an iframe or a page navigated away.
 * A missing frame (destroyed, or navigated while the message was in flight) is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return !!frame && frame.isTopFrame === true && typeof frame.url === 'string' && isAppUrl(frame.url);
}
