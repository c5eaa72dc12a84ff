import { clockText } from '../../engine/format/time-text.js';
import type { SessionView } from '../../engine/protocol/index.js';
import { PAUSE_CAUSE_WORDS } from '../../engine/session/journal.js';

/**
 * Says why a drill the facilitator comes back to stands still, when the host paused it on its
 * own (its last page closed, the computer slept): a console merely showing "Paused" left them
 * wondering whether someone had pressed Pause, or whether the drill had broken.
 */
export function PauseBanner({ view, onResume, sending }: { view: SessionView; onResume: () => void; sending?: boolean }) {
  if (!view.paused || view.ended || !view.pauseCause) return null;
  return (
    <div className="paused-banner pause-cause" role="status">
      {/* The clock stands still while paused: the view's time is when it stopped. */}
      <p>Paused {PAUSE_CAUSE_WORDS[view.pauseCause]} at {clockText(view.now, { seconds: true })}. Resume when ready.</p>
      <button type="button" className="primary" disabled={sending} onClick={onResume}>Resume the drill</button>
    </div>
  );
}
