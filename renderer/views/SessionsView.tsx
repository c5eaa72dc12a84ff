import { useCallback, useEffect, useId, useState, type ChangeEvent } from 'react';
import type { SessionSummary } from '../../engine/protocol/index.js';
import { useAppStore, useClient, useCommand } from '../app/app-context.js';
import { readDropped, useImportFile } from '../app/import-file.js';
import { useLibraryListing } from '../app/use-library-listing.js';
import { navigate } from '../app/route.js';
import { TEXT_LIMITS } from '../../engine/format/limits.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import './sessions-history.css';

type Filter = 'active' | 'archived' | 'all';
const FILTERS: { id: Filter; title: string; archived?: boolean }[] = [
  { id: 'active', title: 'Active', archived: false },
  { id: 'archived', title: 'Archived', archived: true },
  { id: 'all', title: 'All' },
];

export const MODE_LABELS: Record<SessionSummary['mode'], string> = { facilitated: 'Facilitated', 'role-play': 'Role play', solo: 'Solo', scripted: 'Scripted' };

/** A wall-clock moment in the person's own time zone and words: sessions are found by when they ran. */
export const localDateTime = (iso: string): string => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? 'unknown' : at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

/** Scenario titles from the library listing (loaded once and kept in the store); the id stands in for a scenario not in it. */
function useScenarioTitle(): (scenarioId: string) => string {
  const listing = useLibraryListing();
  return useCallback((scenarioId) => listing?.scenarios.find((one) => one.id === scenarioId)?.title ?? (scenarioId || 'unknown scenario'), [listing]);
}

interface Named { session: SessionSummary; title: string }
type Pending = Named & { action: 'archive' | 'delete' | 'rename' };

const STATE_WORDS: Record<SessionSummary['state'], string> = { running: 'Running', paused: 'Paused', ended: 'Ended' };

function stateOf(session: SessionSummary): { word: string; detail?: string; tone: string } {
  if (session.problem) return { word: 'Damaged', detail: session.problem, tone: 'damaged' };
  if (session.openIn !== undefined) return { word: 'Open in another Firedrill', detail: `process ${session.openIn}`, tone: 'elsewhere' };
  if (session.archived) return { word: 'Archived', detail: session.ended ? 'ended' : 'not ended', tone: 'archived' };
  // The journal's own word: a session whose page was closed has its clock paused, not running.
  const state = session.ended ? 'ended' : session.state;
  return { word: STATE_WORDS[state], tone: state };
}

/** The people who played, by name, each once (a solo player plays every role; the roles are in the debrief). */
const peopleOf = (session: SessionSummary) => [...new Set(Object.values(session.participants))];

/** An ended session's score out of 100, one decimal, as the debrief shows it. */
const scoreText = (score: number | null) => (score === null ? null : `${(Math.round(score * 10) / 10).toFixed(1)} / 100`);

const canResume = (s: SessionSummary) => !s.ended && !s.archived && !s.problem && s.openIn === undefined;

function SessionRow({ session, title, onAsk }: Named & { onAsk: (action: Pending['action']) => void }) {
  const state = stateOf(session);
  const started = localDateTime(session.startedAt);
  // Each button names its session: a screen reader tabbing through the table hears which one it acts on.
  const which = `${session.name}, started ${started}`;
  const people = peopleOf(session);
  const score = scoreText(session.score);
  return (
    <tr>
      <th scope="row">
        <span className="session-name">{session.name}</span>
        {/* A default name (the scenario's title and the day) says the scenario already. */}
        {!session.name.startsWith(title) && <span className="session-scenario">{title}</span>}
        <span className="session-id">{session.id}</span>
      </th>
      <td>{MODE_LABELS[session.mode] ?? session.mode}</td>
      <td><time dateTime={session.startedAt}>{started}</time></td>
      <td className="session-people">{people.length > 0 ? people.join(', ') : <span className="muted">none named</span>}</td>
      <td className="number">{score ?? <span className="muted" title="Scored when the session ends">—</span>}</td>
      <td className="number">{session.entries}</td>
      <td><span className={`session-state state-${state.tone}`}>{state.word}</span>{state.detail && <span className="state-detail">{state.detail}</span>}</td>
      <td>
        <div className="row-actions">
          {canResume(session) && (
            <button type="button" className="primary" aria-label={`Resume ${which}`} onClick={() => navigate({ name: 'console', sessionId: session.id })}>Resume</button>
          )}
          {session.ended && !session.problem && (
            <a className="button" href={`#/debrief/${encodeURIComponent(session.id)}`} aria-label={`Debrief ${which}`}>Debrief</a>
          )}
          {!session.problem && <button type="button" aria-label={`Rename ${which}`} onClick={() => onAsk('rename')}>Rename</button>}
          {!session.archived && <button type="button" aria-label={`Archive ${which}`} onClick={() => onAsk('archive')}>Archive</button>}
          <button type="button" className="danger" aria-label={`Delete ${which}`} onClick={() => onAsk('delete')}>Delete</button>
        </div>
      </td>
    </tr>
  );
}

const CONSEQUENCES: Record<Exclude<Pending['action'], 'rename'>, { title: string; confirm: string; busy: string; says: (session: SessionSummary) => string }> = {
  archive: {
    title: 'Archive this session?',
    confirm: 'Archive the session',
    busy: 'Archiving…',
    says: (session) => `${!session.ended && !session.archived ? 'It is still running: archiving closes it. ' : ''}Its journal moves to the archive folder: the debrief and the history keep it, but it can no longer be resumed.`,
  },
  delete: {
    title: 'Delete this session?',
    confirm: 'Delete the session',
    busy: 'Deleting…',
    says: () => 'Deleting moves its journal to the trash folder of the data folder: it leaves this list and the history, and comes back only if the file is moved back by hand.',
  },
};

/** Which session a question is about, spelled out: several drills of one scenario look alike. */
function SessionFacts({ session, title }: Named) {
  return (
    <dl className="session-facts">
      <div><dt>Name</dt><dd>{session.name}</dd></div>
      <div><dt>Scenario</dt><dd>{title}</dd></div>
      <div><dt>Started</dt><dd>{localDateTime(session.startedAt)}</dd></div>
      <div><dt>Mode</dt><dd>{MODE_LABELS[session.mode] ?? session.mode}, {session.entries} journal entries</dd></div>
      <div><dt>Session</dt><dd><code>{session.id}</code></dd></div>
    </dl>
  );
}

/**
 * Asks before archiving or deleting, naming the session and what will happen to its journal.
 * Archiving a running session closes it for good: asked like a delete, the focus on Cancel.
 */
function ArchiveDeleteDialog({ pending, onCancel, onConfirm }: { pending: Pending | null; onCancel: () => void; onConfirm: (pending: Pending) => Promise<void> }) {
  const asked = pending && pending.action !== 'rename' ? { ...pending, action: pending.action } : null;
  const words = asked ? CONSEQUENCES[asked.action] : null;
  const running = asked ? !asked.session.ended && !asked.session.archived : false;
  return (
    <ConfirmDialog
      open={asked !== null} onOpenChange={(open) => !open && onCancel()}
      title={words?.title ?? ''}
      description={asked && words && (
        <>
          <SessionFacts session={asked.session} title={asked.title} />
          <p>{words.says(asked.session)}</p>
        </>
      )}
      keepLabel="Cancel" confirmLabel={words?.confirm ?? ''} busyLabel={words?.busy}
      tone={asked?.action === 'delete' || running ? 'danger' : 'primary'}
      onConfirm={() => (asked ? onConfirm(asked) : undefined)}
      // The row leaves the list with its session: the keyboard goes on from the view's heading.
      returnFocusFallback={() => document.getElementById('sessions-heading')}
    />
  );
}

function FilterChoice({ filter, onChange }: { filter: Filter; onChange: (filter: Filter) => void }) {
  return (
    <fieldset className="choice">
      <legend>Show</legend>
      {FILTERS.map((one) => (
        <label key={one.id}>
          <input type="radio" name="session-filter" value={one.id} checked={filter === one.id} onChange={() => onChange(one.id)} />
          {one.title}
        </label>
      ))}
    </fieldset>
  );
}

/** Asks for a session's new name (journaled as session.renamed: nothing else about the session changes). */
function RenameDialog({ pending, onCancel, onRename }: { pending: Pending | null; onCancel: () => void; onRename: (pending: Pending, name: string) => Promise<void> }) {
  const asked = pending?.action === 'rename' ? pending : null;
  const [name, setName] = useState('');
  const id = useId();
  useEffect(() => { if (asked) setName(asked.session.name); }, [asked]);
  const trimmed = name.trim();
  return (
    <ConfirmDialog
      open={asked !== null} onOpenChange={(open) => !open && onCancel()}
      title="Rename this session"
      description={<p className="hint">The name shows in this list, the history and the debrief; the journal keeps the old one too.</p>}
      keepLabel="Cancel" confirmLabel="Rename" busyLabel="Renaming…" tone="primary"
      confirmDisabled={!asked || !trimmed || trimmed === asked.session.name}
      onConfirm={() => (asked ? onRename(asked, trimmed) : undefined)}
    >
      <label className="field" htmlFor={`${id}-name`}>
        <span>Session name</span>
        <input id={`${id}-name`} type="text" value={name} maxLength={TEXT_LIMITS.title} required onChange={(event) => setName(event.target.value)} />
      </label>
    </ConfirmDialog>
  );
}

const EMPTY: Record<Filter, string> = {
  active: 'No active sessions. Start a drill from the library: choose a scenario, set it up and start it; it is listed here to resume or debrief.',
  archived: 'No archived sessions. Archive a session from the Active list to keep its debrief without it crowding the list.',
  all: 'No sessions stored yet. Start a drill from the library: choose a scenario, set it up and start it.',
};

/** A drill journal from another machine (a .jsonl file), added to the sessions: it opens on its debrief. */
function JournalImport() {
  const store = useAppStore();
  const importFile = useImportFile(store);
  const id = useId();
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    await readDropped(files, store, importFile);
  };
  return (
    <section className="journal-import" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Import a drill journal</h2>
      <p className="hint">A session recorded on another machine (its <code>.jsonl</code> journal, from that machine's sessions folder). You can also drop the file on the window.</p>
      <label className="field inline">
        <span>Journal file</span>
        <input type="file" accept=".jsonl" onChange={(event) => void choose(event)} />
      </label>
    </section>
  );
}

/** The stored sessions, newest first: resume the running ones, debrief the ended ones, archive or delete any. */
export function SessionsView() {
  const client = useClient();
  const command = useCommand();
  const titleOf = useScenarioTitle();
  const [filter, setFilter] = useState<Filter>('active');
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState('');

  const load = useCallback(() => {
    const archived = FILTERS.find((one) => one.id === filter)!.archived;
    return client.send('session.list', archived === undefined ? {} : { archived }).then(
      (result) => { setSessions(result.sessions); setLoadError(null); },
      (error: Error) => setLoadError(error.message),
    );
  }, [client, filter]);
  useEffect(() => void load(), [load]);

  // Both wait in their dialog, its buttons disabled, until the host has answered and the list is read again.
  const rename = async ({ session }: Pending, name: string) => {
    const renamed = await command('session.rename', { sessionId: session.id, name });
    if (renamed) setDone(`Renamed ${session.name} to ${renamed.name}.`);
    await load();
  };

  const confirm = async ({ action, session, title }: Pending) => {
    if (action === 'archive') {
      if (await command('session.archive', { sessionId: session.id })) setDone(`Archived ${title} (${session.id}).`);
    } else {
      const deleted = await command('session.delete', { sessionId: session.id });
      if (deleted) setDone(`Moved the journal of ${title} (${session.id}) to the trash folder: ${deleted.trashedAs}`);
    }
    // Refused or not, the list shows what the data folder now holds.
    await load();
  };

  return (
    <div className="sessions">
      <div className="view-title">
        <h1 id="sessions-heading" tabIndex={-1}>Sessions</h1>
        <FilterChoice filter={filter} onChange={(next) => { setFilter(next); setDone(''); }} />
      </div>
      <p role="status" className="done">{done}</p>
      {loadError && <p role="alert">The sessions could not be listed: {loadError}</p>}
      {!sessions && !loadError && <p role="status">Reading the sessions…</p>}
      {sessions && sessions.length === 0 && (
        <p className="empty-state">{EMPTY[filter]} <a href="#/library">Go to the library</a></p>
      )}
      {sessions && sessions.length > 0 && (
        <table className="sessions-table">
          <caption className="visually-hidden">Stored sessions, newest first</caption>
          <thead>
            <tr><th scope="col">Session</th><th scope="col">Mode</th><th scope="col">Started</th><th scope="col">Participants</th><th scope="col">Score</th><th scope="col">Entries</th><th scope="col">State</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {sessions.map((session) => {
              const title = titleOf(session.scenarioId);
              return <SessionRow key={`${session.archived}-${session.id}`} session={session} title={title} onAsk={(action) => setPending({ action, session, title })} />;
            })}
          </tbody>
        </table>
      )}
      <JournalImport />
      <ArchiveDeleteDialog pending={pending} onCancel={() => setPending(null)} onConfirm={confirm} />
      <RenameDialog pending={pending} onCancel={() => setPending(null)} onRename={rename} />
    </div>
  );
}
