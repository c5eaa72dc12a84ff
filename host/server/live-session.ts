import type { Session } from '../../engine/session/session.js';
import type { ClockDriver } from '../../engine/session/driver.js';
import { sessionView, type SessionView } from '../../engine/protocol/view.js';
import type { SessionJournal } from '../storage/session-store.js';

/** A session open in this server: its replayed state, its clock driver and its journal file. */
export class LiveSession {
  /** The last view sent to the session's clients, to send only what changed. */
  private lastSent: string | undefined;

  constructor(
    readonly session: Session,
    readonly driver: ClockDriver,
    readonly journal: SessionJournal,
  ) {}

  get id(): string {
    return this.session.started.sessionId;
  }

  view(): SessionView {
    return sessionView(this.session);
  }

  /** The view if it changed since the last call, else undefined. */
  changedView(): SessionView | undefined {
    const view = this.view();
    const text = JSON.stringify(view);
    if (text === this.lastSent) return undefined;
    this.lastSent = text;
    return view;
  }
}
