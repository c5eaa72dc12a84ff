import type { SteppingClock } from './clock.js';
import type { TimerEvent } from './events.js';

/**
 * The session's timers by name (`inject:INJ-3`, `deadline:severity`) on its simulated clock:
 * what XState's scheduler did for the machine's delayed events, with the same order and the
 * same rules (a name set again is not cancelled first; a timer that fires forgets its name; the
 * machine's end cancels them all). Why not XState's: it files each timer under
 * `<actor session id>.<name>` in plain objects, a key no earlier actor used, so every simulated
 * drill made V8 build new hidden classes for its timers (a tenth of a simulated run's time).
 */
export class NamedTimers {
  private readonly byName = new Map<string, number>();

  constructor(
    private readonly clock: SteppingClock,
    private readonly fire: (event: TimerEvent) => void,
  ) {}

  set(name: string, delay: number, event: TimerEvent): void {
    const id = this.clock.setTimeout(() => {
      this.byName.delete(name);
      this.fire(event);
    }, delay);
    this.byName.set(name, id);
  }

  cancel(name: string): void {
    const id = this.byName.get(name);
    this.byName.delete(name);
    if (id !== undefined) this.clock.clearTimeout(id);
  }

  cancelAll(): void {
    for (const id of this.byName.values()) this.clock.clearTimeout(id);
    this.byName.clear();
  }
}
