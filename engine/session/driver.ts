import { MAX_SPEED, type JournalEntry, type JournalInput, type PauseCause } from './journal.js';
import { SessionRefusal, type Session } from './session.js';
import { FACILITATOR } from '../format/script.js';

/**
 * Drives a live session from the wall clock: simulated time advances at the chosen speed
 * while the clock runs and not at all while it is paused. The caller passes the wall time
 * in (milliseconds since the epoch): the engine never reads the wall clock itself.
 *
 * The session may record entries of its own on the way (its end at the time limit): they are
 * in `session.journal` after the caller's entries were, and `tick` returns them, for the
 * caller to journal like any input.
 */
export class ClockDriver {
  private anchorWall: number;
  private anchorSim: number;

  constructor(
    readonly session: Session,
    wallNow: number,
  ) {
    this.anchorWall = wallNow;
    this.anchorSim = session.now;
  }

  get speed(): number {
    return this.session.context.speed;
  }

  get paused(): boolean {
    return this.session.context.paused;
  }

  /** The simulated time the session should be at, at this wall time. */
  simTimeAt(wallNow: number): number {
    if (this.paused || this.session.context.ended) return this.session.now;
    return Math.max(this.session.now, this.anchorSim + Math.floor(Math.max(0, wallNow - this.anchorWall) * this.speed));
  }

  /**
   * Brings the session up to the wall clock: due injects, deadlines and the time limit fire.
   * Returns the entries the session recorded on the way (the end at the time limit, stamped
   * with the wall time at which the clock reached it), to be journaled.
   */
  tick(wallNow: number): JournalEntry[] {
    return this.session.advanceTo(this.simTimeAt(wallNow), (simTime) => new Date(this.wallTimeAt(simTime, wallNow)).toISOString());
  }

  /**
   * Wall ms from `wallNow` until the next scheduled thing falls due (an inject, a decision, a
   * deadline), or undefined while paused, ended, or with nothing scheduled: the host wakes then
   * rather than at its next regular tick.
   */
  msUntilNextDue(wallNow: number): number | undefined {
    if (this.paused || this.session.context.ended) return undefined;
    const due = this.session.nextDueAt();
    if (due === undefined) return undefined;
    return Math.max(0, this.anchorWall + Math.max(0, due - this.anchorSim) / this.speed - wallNow);
  }

  /** Records an input at the current simulated time (in a participant's name, if given). */
  record(input: JournalInput, wallNow: number, actor: string, commandId?: string, participant?: string): JournalEntry {
    this.tick(wallNow);
    const entry = this.session.record(input, {
      simTime: this.session.now, wallTime: new Date(wallNow).toISOString(), actor,
      ...(commandId !== undefined ? { commandId } : {}), ...(participant !== undefined ? { participant } : {}),
    });
    this.reanchor(wallNow);
    return entry;
  }

  setSpeed(speed: number, wallNow: number, commandId?: string): JournalEntry {
    if (!(speed >= 1 && speed <= MAX_SPEED)) throw new SessionRefusal(`the speed must be between 1x and ${MAX_SPEED}x`);
    return this.record({ type: 'clock.speed', speed }, wallNow, FACILITATOR, commandId);
  }

  /** Pauses the clock; `cause` when the host pauses on its own (nobody pressed Pause). */
  pause(wallNow: number, commandId?: string, cause?: PauseCause): JournalEntry {
    return this.record({ type: 'clock.paused', ...(cause ? { cause } : {}) }, wallNow, FACILITATOR, commandId);
  }

  resume(wallNow: number, commandId?: string): JournalEntry {
    return this.record({ type: 'clock.resumed' }, wallNow, FACILITATOR, commandId);
  }

  /**
   * Jumps simulated time to the first thing ahead that needs the team (Session.nextStop: an
   * inject, a decision put to the team, a deadline falling due), which happens there.
   */
  jumpToNextStop(wallNow: number, commandId?: string): JournalEntry {
    this.tick(wallNow);
    const next = this.session.nextStop();
    if (!next) throw new SessionRefusal('nothing is scheduled ahead: the rest fires on triggers, or can be released by hand');
    const entry = this.session.record({ type: 'clock.jumped', from: this.session.now }, {
      simTime: next.dueAt,
      wallTime: new Date(wallNow).toISOString(),
      actor: FACILITATOR,
      ...(commandId !== undefined ? { commandId } : {}),
    });
    this.reanchor(wallNow);
    return entry;
  }

  /** The wall time at which the running clock reaches a simulated time (never after `wallNow`). */
  private wallTimeAt(simTime: number, wallNow: number): number {
    return Math.min(wallNow, this.anchorWall + Math.max(0, simTime - this.anchorSim) / this.speed);
  }

  private reanchor(wallNow: number) {
    this.anchorWall = wallNow;
    this.anchorSim = this.session.now;
  }
}
