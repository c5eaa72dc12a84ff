import { useSelector } from '@xstate/react';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { JoinActor, JoinFailure, JoinOffer, RoleOffer } from './join-machine.js';

// The screens of the join flow, one per state of the join machine: the page asks the machine
// which state it is in (matches, hasTag), never compares state strings.

/** A card in the middle of the page, its heading focused when it changes (the screen reader hears where it is). */
function JoinCard({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <section className="join-card" aria-labelledby="join-heading">
      <p className="brand join-brand">Firedrill</p>
      <h1 id="join-heading" tabIndex={-1} ref={heading}>{title}</h1>
      {children}
    </section>
  );
}

/** The host writes its refusals as clauses ("no running session has this join code: …"): a sentence here. */
const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function Failure({ actor }: { actor: JoinActor }) {
  const failure = useSelector(actor, (snapshot) => snapshot.context.failure);
  if (!failure) return null;
  if (failure.kind === 'rate-limited') return <RateLimit key={failure.message + String(failure.retryAfterMs)} actor={actor} failure={failure} />;
  return <p className="join-failure" role="alert">{sentence(failure.message)}</p>;
}

/** The host's "try again in 30 s" taken off its refusal: the page counts the wait down itself. */
const withoutWait = (message: string): string => message.replace(/[\s:;,.-]*(?:try again|wait)\b[^:;]*$/i, '') || message;

/**
 * Too many wrong codes: the host's refusal, and the wait counted down each second on the page's
 * clock (its own line, a timer that screen readers do not read out each second). The machine
 * opens the form again when the wait is over; then this says so.
 */
function RateLimit({ actor, failure }: { actor: JoinActor; failure: JoinFailure }) {
  const lockedOut = useSelector(actor, (snapshot) => snapshot.matches({ code: 'lockedOut' }));
  const [until] = useState(() => Date.now() + (failure.retryAfterMs ?? 30_000));
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, until - now);
  useEffect(() => {
    if (!lockedOut) return;
    // Each second from the refusal; the figure is read from the clock, so a late tick (a tab in the background) is still right.
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [lockedOut]);
  const seconds = Math.ceil(left / 1000);
  return (
    <>
      <p className="join-failure" role="alert">{sentence(withoutWait(failure.message)).replace(/\.?$/, '.')}</p>
      {lockedOut && seconds > 0
        ? <p className="hint" role="timer">Try again in {seconds} s: the form opens again by itself.</p>
        : <p className="hint" role="status">You may try a code again now.</p>}
    </>
  );
}

/** The join code and the participant's name. */
function CodeForm({ actor, initialCode }: { actor: JoinActor; initialCode: string }) {
  const kept = useSelector(actor, (snapshot) => ({ code: snapshot.context.code, name: snapshot.context.name }), (a, b) => a.code === b.code && a.name === b.name);
  const busy = useSelector(actor, (snapshot) => snapshot.hasTag('busy'));
  const lockedOut = useSelector(actor, (snapshot) => snapshot.matches({ code: 'lockedOut' }));
  const [code, setCode] = useState(kept.code || initialCode);
  const [name, setName] = useState(kept.name);
  const codeId = useId();
  const nameId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    actor.send({ type: 'code.submit', code, name });
  };
  return (
    <form className="join-form" onSubmit={submit}>
      <p className="hint">Type the join code the facilitator shows, and your name as the team knows you.</p>
      <div className="field">
        <label htmlFor={codeId}>Join code</label>
        <input id={codeId} value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false}
          required maxLength={32} className="join-code-input" inputMode="text" />
      </div>
      <div className="field">
        <label htmlFor={nameId}>Your name</label>
        <input id={nameId} value={name} onChange={(event) => setName(event.target.value)} autoComplete="name" required maxLength={200} />
      </div>
      <Failure actor={actor} />
      <button type="submit" className="primary" disabled={busy || lockedOut || !code.trim() || !name.trim()}>{busy ? 'Checking…' : 'Continue'}</button>
    </form>
  );
}

const roleNote = (role: RoleOffer, name: string): string | null => {
  if (role.takenBy) return `taken by ${role.takenBy}`;
  if (role.assignedTo && role.assignedTo.toLowerCase() === name.toLowerCase()) return 'assigned to you';
  if (role.assignedTo) return `kept for ${role.assignedTo}`;
  return null;
};

/** The role the person assigned to this name should take; else the first free one. */
function suggestedRole(offer: JoinOffer, name: string): string | undefined {
  const free = offer.roles.filter((role) => !role.takenBy);
  return (free.find((role) => role.assignedTo?.toLowerCase() === name.toLowerCase()) ?? free.find((role) => !role.assignedTo) ?? free[0])?.id;
}

/** A free role to play (or the one the facilitator assigned to this name). */
function RoleForm({ actor }: { actor: JoinActor }) {
  const offer = useSelector(actor, (snapshot) => snapshot.context.offer);
  const name = useSelector(actor, (snapshot) => snapshot.context.name);
  const busy = useSelector(actor, (snapshot) => snapshot.hasTag('busy'));
  const [role, setRole] = useState<string | undefined>(() => (offer ? suggestedRole(offer, name) : undefined));
  // A fresh offer (someone took the role first) may have taken the one chosen.
  useEffect(() => {
    if (offer && !offer.roles.some((one) => one.id === role && !one.takenBy)) setRole(suggestedRole(offer, name));
  }, [offer, name, role]);
  if (!offer) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (role) actor.send({ type: 'role.choose', role });
  };
  const chosen = offer.roles.find((one) => one.id === role);
  return (
    <form className="join-form" onSubmit={submit}>
      <p className="hint">{offer.title}. Pick the role you play{offer.approval ? '; the facilitator lets you in' : ''}.</p>
      <fieldset className="join-roles">
        <legend>Role</legend>
        {offer.roles.map((one) => {
          const note = roleNote(one, name);
          return (
            <label key={one.id} className={`radio join-role${one.takenBy ? ' taken' : ''}`}>
              <input type="radio" name="join-role" value={one.id} checked={role === one.id} disabled={!!one.takenBy || busy} onChange={() => setRole(one.id)} />
              <span>{one.title}{note && <span className="hint"> · {note}</span>}</span>
            </label>
          );
        })}
      </fieldset>
      <Failure actor={actor} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy || !role}>{busy ? 'Joining…' : chosen ? `Join as ${chosen.title}` : 'Join'}</button>
        <button type="button" disabled={busy} onClick={() => actor.send({ type: 'role.back' })}>Back</button>
      </div>
    </form>
  );
}

/**
 * The join flow's screens for every state but joined (the participant's screen then): connecting,
 * the code and name, the role, waiting for approval, reconnecting, the host gone, removed.
 */
export function JoinScreen({ actor, initialCode = '' }: { actor: JoinActor; initialCode?: string }) {
  const step = useSelector(actor, (snapshot) => {
    if (snapshot.matches('connecting')) return 'connecting';
    if (snapshot.matches('resuming')) return 'resuming';
    if (snapshot.matches('rewaiting')) return 'rewaiting';
    if (snapshot.matches({ code: 'choosingRole' }) || snapshot.matches({ code: 'joining' })) return 'role';
    if (snapshot.matches({ code: 'unreachable' })) return 'unreachable';
    if (snapshot.matches('code')) return 'code';
    if (snapshot.matches('waiting')) return 'waiting';
    if (snapshot.matches('reconnecting')) return 'reconnecting';
    if (snapshot.matches('gone')) return 'gone';
    if (snapshot.matches('removed')) return 'removed';
    return 'joined';
  });
  const removedBecause = useSelector(actor, (snapshot) => snapshot.context.removedBecause);
  const seat = useSelector(actor, (snapshot) => snapshot.context.seat);
  switch (step) {
    case 'connecting':
      return <JoinCard title="Connecting"><p role="status">Connecting to the facilitator's Firedrill…</p></JoinCard>;
    case 'resuming':
      return <JoinCard title="Coming back"><p role="status">Taking your place again{seat ? ` as ${seat.name}` : ''}…</p></JoinCard>;
    case 'rewaiting':
      return <JoinCard title="Coming back"><p role="status">Taking your place in the lobby again{seat ? ` as ${seat.name}` : ''}…</p></JoinCard>;
    case 'code':
      return <JoinCard title="Join the exercise"><CodeForm actor={actor} initialCode={initialCode} /></JoinCard>;
    case 'role':
      return <JoinCard title="Pick your role"><RoleForm actor={actor} /></JoinCard>;
    case 'unreachable':
      return <JoinCard title="Connection lost"><p role="status">The facilitator's Firedrill does not answer; trying again…</p></JoinCard>;
    case 'waiting':
      return (
        <JoinCard title="Waiting for the facilitator">
          <p role="status">You are in the lobby{seat ? ` as ${seat.name}` : ''}. The facilitator lets you in; this page goes on by itself.</p>
          <button type="button" onClick={() => actor.send({ type: 'leave' })}>Leave</button>
        </JoinCard>
      );
    case 'reconnecting':
      return <JoinCard title="Reconnecting"><p role="status">The connection dropped; trying again. Your place is kept.</p></JoinCard>;
    case 'gone':
      return (
        <JoinCard title="The facilitator's Firedrill cannot be reached">
          <p role="alert">Check that this device is on the room's network and that the facilitator's session is still running. This page keeps trying.</p>
          <button type="button" className="primary" onClick={() => actor.send({ type: 'retry' })}>Try again now</button>
        </JoinCard>
      );
    case 'removed':
      return (
        <JoinCard title="You are no longer in the session">
          <p role="alert">{sentence(removedBecause ?? 'The facilitator removed you from the session.')}</p>
          <button type="button" className="primary" onClick={() => actor.send({ type: 'join.again' })}>Join again</button>
        </JoinCard>
      );
    case 'joined':
      return null;
  }
}
