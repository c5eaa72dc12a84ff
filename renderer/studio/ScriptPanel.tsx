import { useEffect, useState } from 'react';
import type { SessionSummary } from '../../engine/protocol/results.js';
import { formatLocatedError, type LocatedError } from '../../engine/validate/located-error.js';
import { useClient } from '../app/app-context.js';
import { CommandError } from '../client/session-client.js';
import { LongList } from './LongList.js';

// A played session saved as a response script of its scenario: an author records the model
// answer (or a flawed one) by playing it.

/** In the studio, any ended session to choose from; in a debrief, its own session (`session`). */
export function ScriptPanel({ session }: { session?: string } = {}) {
  const client = useClient();
  const [sessions, setSessions] = useState<SessionSummary[]>([]);
  const [sessionId, setSessionId] = useState(session ?? '');
  const [name, setName] = useState('model-answer');
  const [outcome, setOutcome] = useState<{ message: string; errors: LocatedError[] } | null>(null);
  useEffect(() => {
    if (session === undefined) void client.send('session.list', {}).then((listed) => setSessions(listed.sessions.filter((stored) => stored.ended)), () => {});
  }, [client, session]);
  const chosen = sessionId || sessions[0]?.id || '';
  const save = async () => {
    try {
      const saved = await client.send('studio.saveScript', { sessionId: chosen, name });
      setOutcome({ message: `Saved the response script "${saved.name}" of ${saved.scenarioId} (${saved.steps} steps)${saved.leftOut.length > 0 ? `; left out: ${saved.leftOut.join('; ')}` : ''}.`, errors: [] });
    } catch (error) {
      setOutcome({ message: `Not saved: ${(error as Error).message}`, errors: error instanceof CommandError ? error.errors : [] });
    }
  };
  return (
    <section className="card studio-card" aria-labelledby="script-heading">
      <h2 id="script-heading">{session === undefined ? 'Save a session as a response script' : 'Save this drill as a response script'}</h2>
      {session !== undefined && <p className="hint">Record this drill as a response script of its scenario: its model answer, or a flawed one to compare against.</p>}
      {session === undefined && sessions.length === 0 ? <p className="hint">No ended session yet: play one, then record it here as the model answer of its scenario.</p> : (
        <>
          <div className="inline-form">
            {session === undefined && (
              <label className="field">
                <span>Ended session</span>
                <select value={chosen} onChange={(event) => setSessionId(event.target.value)}>
                  {sessions.map((ended) => <option key={ended.id} value={ended.id}>{ended.name} ({ended.scenarioId})</option>)}
                </select>
              </label>
            )}
            <label className="field">
              <span>Script name</span>
              <input type="text" value={name} onChange={(event) => setName(event.target.value)} />
            </label>
            <button type="button" onClick={() => void save()}>Save as a response script</button>
          </div>
          {outcome && (
            <div role={outcome.errors.length > 0 ? 'alert' : 'status'}>
              <p>{outcome.message}</p>
              {outcome.errors.length > 0 && <LongList className="located-errors" items={outcome.errors.map(formatLocatedError)} first={20} what="problems" code />}
            </div>
          )}
        </>
      )}
    </section>
  );
}
