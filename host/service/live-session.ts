import type { Session } from '../../engine/session/session.js';
import type { ClockDriver } from '../../engine/session/driver.js';
import { sessionView, type SessionView } from '../../engine/protocol/view.js';
import type { SessionJournal } from '../storage/session-store.js';
import type { AudienceKey, AudienceView } from '../../engine/protocol/audience.js';

/**
 * How far the simulated clock may run, in wall milliseconds, before a view is pushed for the
 * clock alone. Clients move the clock shown themselves between pushes (at the view's speed), so
 * a push that changes only `now` just re-synchronises them; pushing it on every tick made every
 * page re-render the whole console four times a second for nothing.
 */
export const CLOCK_RESYNC_WALL_MS = 5_000;

/** A session open in this server: its replayed state, its clock driver and its journal file. */
export class LiveSession {
  /** The last view sent to the session's clients (without its time), to send only what changed. */
  private lastSent: string | undefined;
  private lastSentNow = 0;
  /** Each audience's last view sent (without its time), likewise. */
  private readonly audienceSent = new Map<AudienceKey, { text: string; now: number }>();
  /** How many of the session's journal entries were handed to its journal file. */
  private handedOver: number;
  /** The appends handed over last: a command sent again waits for them before it is answered. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly session: Session,
    readonly driver: ClockDriver,
    readonly journal: SessionJournal,
  ) {
    this.handedOver = session.journal.length;
  }

  /**
   * Appends to the journal file, in order, every entry the session recorded that is not there
   * yet: the command's own and any the session recorded on the way (its end at the time limit,
   * even when the command itself was then refused). Resolves once all of them are on disk.
   */
  persist(): Promise<void> {
    const entries = this.session.journal.slice(this.handedOver);
    this.handedOver = this.session.journal.length;
    if (entries.length > 0) this.writing = Promise.all(entries.map((entry) => this.journal.append(entry))).then(() => undefined);
    return this.writing;
  }

  get id(): string {
    return this.session.started.sessionId;
  }

  view(): SessionView {
    return sessionView(this.session);
  }

  /**
   * The view if something in it changed since the last one sent, or if the clock has run for
   * CLOCK_RESYNC_WALL_MS of wall time since; else undefined.
   */
  changedView(view: SessionView = this.view()): SessionView | undefined {
    const text = JSON.stringify({ ...view, now: 0 });
    const clockRan = view.now - this.lastSentNow >= view.speed * CLOCK_RESYNC_WALL_MS;
    if (text === this.lastSent && !clockRan) return undefined;
    this.lastSent = text;
    this.lastSentNow = view.now;
    return view;
  }

  /** The audience's view if it changed since the last one sent to that audience (or its clock ran CLOCK_RESYNC_WALL_MS). */
  changedAudienceView(key: AudienceKey, view: AudienceView): AudienceView | undefined {
    const text = JSON.stringify({ ...view, now: 0 });
    const last = this.audienceSent.get(key);
    if (last && text === last.text && view.now - last.now < view.speed * CLOCK_RESYNC_WALL_MS) return undefined;
    this.audienceSent.set(key, { text, now: view.now });
    return view;
  }
}
