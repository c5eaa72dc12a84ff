import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatDuration, parseDuration } from '../../engine/format/duration.js';
import { clockText, durationText } from '../../engine/format/time-text.js';
import { docs, text, type Doc } from './fields.js';

// The injects on a timeline from T+0 to a little past the last one. An inject at a time is a slider:
// dragged with the pointer (snapped to the minute, saved when let go) or moved with the keys
// (arrows: a minute; Shift or Page Up/Down: ten; Home: T+0). Injects on a trigger sit in a row
// of their own: they move with what triggers them.

const MINUTE = 60_000;

export function atOf(inject: Doc): number | undefined {
  return inject.at === undefined ? undefined : parseDuration(text(inject.at));
}

export function InjectTimeline({ injects: raw, timeLimit, onRetime }: { injects: unknown; timeLimit: number; onRetime: (index: number, at: string) => void }) {
  const injects = docs(raw);
  const track = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<{ index: number; at: number } | null>(null);
  // From T+0 to a little past the last inject (or the time limit, when it comes sooner): a time
  // limit of two days drew a morning's injects on top of each other at the left end.
  const last = Math.max(0, ...injects.map((inject) => atOf(inject) ?? 0));
  const roomy = Math.max(30 * MINUTE, Math.ceil((last * 1.25) / (15 * MINUTE)) * 15 * MINUTE);
  const span = Math.max(last, MINUTE, timeLimit > 0 ? Math.min(timeLimit, roomy) : roomy);
  const place = (at: number) => `${Math.min(100, (at / span) * 100)}%`;
  const fromPointer = (event: PointerEvent) => {
    const box = track.current!.getBoundingClientRect();
    const ratio = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    return Math.round((ratio * span) / MINUTE) * MINUTE;
  };
  const keyMove = (index: number, at: number) => (event: KeyboardEvent) => {
    const step = event.shiftKey ? 10 * MINUTE : MINUTE;
    const moves: Record<string, number> = { ArrowRight: at + step, ArrowUp: at + step, ArrowLeft: at - step, ArrowDown: at - step, PageUp: at + 10 * MINUTE, PageDown: at - 10 * MINUTE, Home: 0, End: span };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onRetime(index, formatDuration(Math.max(0, Math.min(span, next))));
  };
  const ticks = Array.from({ length: 5 }, (_, index) => Math.round((span * index) / 4 / MINUTE) * MINUTE);
  return (
    <div className="inject-timeline">
      <div className="timeline-track" ref={track}>
        {ticks.map((at) => <span key={at} className="timeline-tick" style={{ left: place(at) }} aria-hidden="true">{durationText(at)}</span>)}
        {injects.map((inject, index) => {
          const given = atOf(inject);
          if (given === undefined) return null;
          const at = dragging?.index === index ? dragging.at : given;
          return (
            <div
              key={index}
              role="slider"
              tabIndex={0}
              className="timeline-marker"
              style={{ left: place(at) }}
              aria-label={`Time of ${text(inject.id)}: ${text(inject.title)}`}
              aria-valuemin={0}
              aria-valuemax={Math.round(span / MINUTE)}
              aria-valuenow={Math.round(at / MINUTE)}
              aria-valuetext={clockText(at)}
              title={`${text(inject.id)} at ${clockText(at)}: ${text(inject.title)}`}
              onKeyDown={keyMove(index, given)}
              onPointerDown={(event) => {
                event.currentTarget.setPointerCapture(event.pointerId);
                setDragging({ index, at: given });
              }}
              onPointerMove={(event) => dragging?.index === index && setDragging({ index, at: fromPointer(event) })}
              onPointerUp={(event) => {
                if (dragging?.index !== index) return;
                const next = fromPointer(event);
                setDragging(null);
                if (next !== given) onRetime(index, formatDuration(next));
              }}
            >
              <span className="marker-label">{text(inject.id)}</span>
            </div>
          );
        })}
      </div>
      <ul className="timeline-triggered" aria-label="Injects on a trigger">
        {injects.filter((inject) => atOf(inject) === undefined).map((inject, index) => (
          <li key={index} className="chip">{text(inject.id)}: on a trigger{inject.delay !== undefined ? `, ${text(inject.delay)} later` : ''}</li>
        ))}
      </ul>
    </div>
  );
}
