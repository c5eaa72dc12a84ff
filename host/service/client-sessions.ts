/** The sessions one client (a browser tab, a window) has open: it gets their updates. */
export interface ClientSessions {
  has(sessionId: string): boolean;
  join(sessionId: string): void;
  leave(sessionId: string): void;
}
