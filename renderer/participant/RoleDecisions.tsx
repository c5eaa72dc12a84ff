import { useState } from 'react';
import { useInFlight } from '../app/use-in-flight.js';
import { clockText } from '../../engine/format/time-text.js';
import { timeLeftText } from '../format/deadline-text.js';

/** A decision put to my role and not yet answered. */
export interface RoleDecision {
  id: string;
  prompt: string;
  options: { id: string; label: string }[];
  openedAt: number | null;
  /** When the time limit runs out and the default option is taken; null without a limit. */
  expiresAt: number | null;
}

/** The decisions put to my role, each with the time left, answered by one of its options. */
export function RoleDecisions({ decisions, now, ended, onAnswer }: {
  decisions: readonly RoleDecision[]; now: number; ended: boolean; onAnswer: (decision: string, option: string) => Promise<unknown>;
}) {
  // One answer at a time: a double tap answers once (the second would be refused as answered already).
  const { once } = useInFlight();
  const [answering, setAnswering] = useState<string | null>(null);
  const answer = (decision: string, option: string) => void once(async () => {
    setAnswering(decision);
    try {
      await onAnswer(decision, option);
    } finally {
      setAnswering(null);
    }
  });
  return (
    <section className="panel decisions" aria-labelledby="role-decisions-heading">
      <h2 id="role-decisions-heading" tabIndex={-1}>My decisions</h2>
      {decisions.length === 0 && <p className="empty">No decision is waiting for your role.</p>}
      {decisions.map((decision) => {
        const left = decision.expiresAt === null ? null : Math.max(0, decision.expiresAt - now);
        return (
          <fieldset key={decision.id} className="decision" aria-describedby={`decision-${decision.id}-time`}>
            <legend>{decision.prompt}</legend>
            <p className="hint" id={`decision-${decision.id}-time`}>
              {decision.openedAt !== null && <>Put to you at {clockText(decision.openedAt)}</>}
              {left !== null && <>{decision.openedAt !== null && ' · '}<strong className={`countdown${left < 5 * 60_000 ? ' soon' : ''}`}>{timeLeftText(left)} left</strong></>}
            </p>
            <div className="buttons">
              {decision.options.map((option) => (
                <button key={option.id} type="button" disabled={ended || answering !== null} aria-busy={answering === decision.id}
                  onClick={() => answer(decision.id, option.id)}>{option.label}</button>
              ))}
            </div>
          </fieldset>
        );
      })}
    </section>
  );
}
