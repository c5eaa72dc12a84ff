import { useState, type FormEvent } from 'react';
import { useCommand } from '../app/app-context.js';
import { useLibraryListing } from '../app/use-library-listing.js';
import { navigate } from '../app/route.js';
import { useDocuments } from '../app/use-documents.js';
import { TEXT_LIMITS } from '../../engine/format/limits.js';

type Mode = 'facilitated' | 'role-play' | 'solo';
const MODES: { id: Mode; label: string; hint: string }[] = [
  { id: 'facilitated', label: 'Facilitated', hint: 'one screen on the projector; the facilitator records what the team does' },
  { id: 'role-play', label: 'Role play', hint: 'one screen, a role switcher: each person acts as their own role' },
  { id: 'solo', label: 'Solo drill', hint: 'one person plays every role against the clock' },
];
import { SPEEDS } from '../format/clock-speeds.js';

/** The longest name of a person the session takes (a longer one was refused at Start). */
const PERSON_NAME_MAX = 200;

export function SetupView({ scenarioId }: { scenarioId: string }) {
  // A reload on #/setup/ID lands here with no listing yet: it names the scenario's plan.
  const listing = useLibraryListing();
  const entry = listing?.scenarios.find((scenario) => scenario.id === scenarioId);
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  const chosenPlan = planId ?? entry?.plan;
  const { plan, scenario } = useDocuments(chosenPlan, scenarioId);
  const [mode, setMode] = useState<Mode>('facilitated');
  const [speed, setSpeed] = useState(60);
  const [participants, setParticipants] = useState<Record<string, string>>({});
  const [player, setPlayer] = useState('');
  const [name, setName] = useState('');
  const [starting, setStarting] = useState(false);
  const command = useCommand();

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setStarting(true);
    // A solo drill has one player, who plays every role: the scorecard names them for each.
    const names = mode === 'solo' ? Object.fromEntries((plan?.roles ?? []).map((role) => [role.id, player])) : participants;
    const named = Object.fromEntries(Object.entries(names).map(([role, one]) => [role, one.trim()]).filter(([, one]) => one !== ''));
    // No name given: the host names the session after the scenario and the day.
    const given = name.trim();
    const created = await command('session.create', { scenarioId, planId: chosenPlan, mode, speed, participants: named, ...(given ? { name: given } : {}) });
    if (created) {
      await command('session.open', { sessionId: created.sessionId });
      navigate({ name: 'console', sessionId: created.sessionId });
    }
    setStarting(false);
  };

  if (!scenario) return <p role="status">Loading the scenario…</p>;
  return (
    <form className="setup" onSubmit={(event) => void start(event)} aria-labelledby="setup-heading">
      <h1 id="setup-heading">Set up: {scenario.title}</h1>
      <p className="summary">{scenario.summary}</p>
      <label className="field">
        <span>Session name</span>
        <input type="text" value={name} maxLength={TEXT_LIMITS.title} placeholder={`${scenario.title} · today's date`} aria-describedby="session-name-hint" onChange={(event) => setName(event.target.value)} />
      </label>
      <p id="session-name-hint" className="hint field-hint">Optional: how this drill is listed in Sessions and History (you can rename it there).</p>
      <label className="field">
        <span>Plan</span>
        <select value={chosenPlan} onChange={(event) => setPlanId(event.target.value)}>
          {(listing?.plans ?? []).map((one) => <option key={one.id} value={one.id}>{one.title}</option>)}
        </select>
      </label>
      <fieldset>
        <legend>Mode</legend>
        {MODES.map((one) => (
          <label key={one.id} className="radio">
            <input type="radio" name="mode" value={one.id} checked={mode === one.id} onChange={() => setMode(one.id)} />
            <span><strong>{one.label}</strong> — {one.hint}</span>
          </label>
        ))}
      </fieldset>
      {mode === 'solo' ? (
        <label className="field">
          <span>Your name</span>
          <input type="text" value={player} maxLength={PERSON_NAME_MAX} placeholder="Optional: you play every role" onChange={(event) => setPlayer(event.target.value)} />
        </label>
      ) : (
        <fieldset>
          <legend>Participants</legend>
          {(plan?.roles ?? []).map((role) => (
            <label key={role.id} className="field inline">
              <span>{role.title}</span>
              <input type="text" value={participants[role.id] ?? ''} maxLength={PERSON_NAME_MAX} placeholder="Name (optional)" onChange={(event) => setParticipants({ ...participants, [role.id]: event.target.value })} />
            </label>
          ))}
        </fieldset>
      )}
      <label className="field">
        <span>Clock speed</span>
        <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
          {SPEEDS.map((one) => <option key={one} value={one}>{one}x</option>)}
        </select>
      </label>
      <div className="buttons">
        <button type="button" onClick={() => navigate({ name: 'library' })}>Back to the library</button>
        <button type="submit" className="primary" disabled={starting || !plan}>Start the session</button>
      </div>
    </form>
  );
}
