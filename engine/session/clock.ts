interface Timer {
  id: number;
  dueAt: number;
  fire: () => void;
}

/**
 * The simulated clock every timer of a session runs on. Like XState's SimulatedClock, but a
 * jump fires each due timer at its own due time, in due-time then creation order: so a replay
 * that jumps straight to each journal entry and a live session that ticks forward in small
 * steps see the same timers fire at the same simulated times in the same order.
 */
export class SteppingClock {
  private timers = new Map<number, Timer>();
  private nextId = 1;
  private current = 0;

  now(): number {
    return this.current;
  }

  setTimeout(fire: (...args: unknown[]) => void, timeout: number): number {
    const id = this.nextId++;
    this.timers.set(id, { id, dueAt: this.current + Math.max(0, timeout), fire: () => fire() });
    return id;
  }

  clearTimeout(id: number): void {
    this.timers.delete(id);
  }

  /** The earliest pending due time, if any. */
  nextDueAt(): number | undefined {
    let earliest: number | undefined;
    for (const timer of this.timers.values()) if (earliest === undefined || timer.dueAt < earliest) earliest = timer.dueAt;
    return earliest;
  }

  /** Moves time forward to `time`, firing every timer due on the way at its due time. */
  advanceTo(time: number): void {
    if (time < this.current) throw new RangeError(`simulated time cannot go back (from ${this.current} ms to ${time} ms)`);
    for (;;) {
      const next = this.earliestDue(time);
      if (!next) break;
      this.timers.delete(next.id);
      this.current = next.dueAt;
      next.fire();
    }
    this.current = time;
  }

  private earliestDue(limit: number): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers.values()) {
      if (timer.dueAt > limit) continue;
      if (!best || timer.dueAt < best.dueAt || (timer.dueAt === best.dueAt && timer.id < best.id)) best = timer;
    }
    return best;
  }
}
