import { useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';

/** The LAN mode as the facilitator sees it. */
export interface LanState {
  /** Listening on the room's network. */
  on: boolean;
  /** The address participants open (this machine's LAN address), once on. */
  address: string | null;
  /** The session's join code. */
  code: string | null;
  /** The join address as a QR code, drawn locally (SVG markup), once on. */
  qrSvg: string | null;
}

export type Presence = 'joined' | 'away' | 'reconnecting' | 'waiting';

/** One person in the lobby: a participant who joined (or asks to) from their own device. */
export interface LobbyPerson {
  id: string;
  name: string;
  /** Playing a role, or watching: an observer or an evaluator sees every role's part and plays none. */
  seat: 'role' | 'observer' | 'evaluator';
  role: string | null;
  presence: Presence;
}

const PRESENCE_TEXT: Record<Presence, string> = { joined: 'Joined', away: 'Away', reconnecting: 'Reconnecting', waiting: 'Waiting for approval' };
const SEAT_TEXT = { observer: 'Observer', evaluator: 'Evaluator' } as const;

/** How long the lobby's buttons take no click after its rows moved (someone let in, joined or left). */
export const SETTLE_MS = 600;

/**
 * A guard for the lobby's buttons: a click that comes just after the rows moved is dropped. Let
 * in moves the person to the joined list, and the second click of a double click (or a click
 * aimed as someone joined) landed on the next row: letting in, or removing, the wrong person.
 */
function useSettledClicks(rows: string, heading: RefObject<HTMLElement | null>) {
  const movedAt = useRef(-Infinity);
  const before = useRef(rows);
  const acted = useRef(false);
  useLayoutEffect(() => {
    // A list appearing (the lobby loaded) moved nothing under the pointer.
    if (before.current !== '' && before.current !== rows) movedAt.current = performance.now();
    before.current = rows;
    // The button pressed went with its row (Let in, Remove): the keyboard goes on from the lobby's heading, not the page's top.
    if (acted.current && (document.activeElement === document.body || document.activeElement === null)) heading.current?.focus();
    acted.current = false;
  }, [rows, heading]);
  return (action: () => void) => () => {
    if (performance.now() - movedAt.current < SETTLE_MS) return;
    acted.current = true;
    action();
  };
}

export interface LobbyPanelProps {
  lan: LanState;
  /** LAN mode is not offered here (the desktop app without the host's LAN support, or a page that is not the facilitator's). */
  lanUnavailable?: string | null;
  approvalRequired: boolean;
  people: readonly LobbyPerson[];
  roles: readonly { id: string; title: string }[];
  /** Where to listen when LAN mode is turned on: one network interface, or all of them. */
  interfaces?: readonly { id: string; title: string }[];
  interfaceChoice?: string;
  onInterface?: (id: string) => void;
  /** The LAN port as typed; empty for the host's default (another program may hold it). */
  port?: string;
  onPort?: (port: string) => void;
  onLan: (on: boolean) => void;
  onApprovalRequired: (required: boolean) => void;
  /** Draws another join code: the old one stops working (it leaked, or someone removed would come back with it). */
  onNewCode?: () => void;
  onApprove: (person: string) => void;
  onAssign: (person: string, role: string) => void;
  /** A promise keeps the "Remove Ada?" dialog waiting until the host has answered. */
  onRemove: (person: string) => void | Promise<unknown>;
}

/**
 * The room: the LAN switch, and while it is on the join address, its QR code and the session's
 * join code (each in an element labelled so); then the lobby: who joined, in which role, whether
 * they are here, away or reconnecting; approve, move to another role, remove.
 */
export function LobbyPanel(props: LobbyPanelProps) {
  const { lan, people, roles } = props;
  const addressLabel = useId();
  const codeLabel = useId();
  const approvalId = useId();
  const interfaceId = useId();
  const portId = useId();
  const roleTitle = (id: string | null) => roles.find((role) => role.id === id)?.title ?? id ?? 'no role';
  const seatTitle = (person: LobbyPerson) => (person.seat === 'role' ? roleTitle(person.role) : SEAT_TEXT[person.seat]);
  const lobbyHeading = useRef<HTMLHeadingElement>(null);
  const settled = useSettledClicks(people.map((person) => person.id).join(' '), lobbyHeading);
  // Someone in the drill is asked about before Remove takes them out (their token dead, their page gone).
  const [asking, setAsking] = useState<LobbyPerson | null>(null);
  const takenBy = new Map(people.filter((person) => person.seat === 'role' && person.role && person.presence !== 'waiting').map((person) => [person.role!, person.name]));
  return (
    <section className="panel lobby" aria-labelledby="lobby-heading">
      <h2 id="lobby-heading" tabIndex={-1}>Room</h2>
      <div className="lan-switch">
        <button type="button" role="switch" aria-checked={lan.on} disabled={!!props.lanUnavailable} onClick={() => props.onLan(!lan.on)}>
          {lan.on ? 'LAN mode: on' : 'LAN mode: off'}
        </button>
        <p className="hint">
          {props.lanUnavailable ?? (lan.on
            ? 'Participants on this network open the address (or scan the code) and type the join code. Turn it off to stop listening on the network.'
            : 'Off: Firedrill listens on this computer only. Turn it on to let participants join from their own devices on this network.')}
        </p>
        {!lan.on && props.interfaces && props.interfaces.length > 0 && (
          <label className="field inline" htmlFor={interfaceId}>
            <span>Network</span>
            <select id={interfaceId} value={props.interfaceChoice} disabled={!!props.lanUnavailable} onChange={(event) => props.onInterface?.(event.target.value)}>
              {props.interfaces.map((one) => <option key={one.id} value={one.id}>{one.title}</option>)}
            </select>
          </label>
        )}
        {!lan.on && props.onPort && (
          <label className="field inline" htmlFor={portId}>
            <span>Port</span>
            <input id={portId} className="lan-port" inputMode="numeric" pattern="[0-9]*" maxLength={5} placeholder="4781" value={props.port ?? ''}
              disabled={!!props.lanUnavailable} onChange={(event) => props.onPort?.(event.target.value.replace(/\D/g, ''))} />
          </label>
        )}
      </div>
      {lan.on && (
        <div className="join-details">
          <dl className="join-facts">
            <div>
              <dt id={addressLabel}>Join address</dt>
              <dd><output aria-labelledby={addressLabel} className="join-address">{lan.address ?? '…'}</output></dd>
            </div>
            <div>
              <dt id={codeLabel}>Join code</dt>
              <dd><output aria-labelledby={codeLabel} className="join-code">{lan.code ?? '…'}</output></dd>
              {props.onNewCode && (
                <dd className="new-code">
                  <button type="button" onClick={props.onNewCode}>Draw a new code</button>
                  <span className="hint">The old code stops working; those already in stay in.</span>
                </dd>
              )}
            </div>
          </dl>
          {lan.qrSvg && (
            // Markup drawn by the qrcode package from the address (no text from anyone else), as an image with its words.
            <img className="join-qr" alt={`QR code of the join address ${lan.address ?? ''}`} src={`data:image/svg+xml;utf8,${encodeURIComponent(lan.qrSvg)}`} width={168} height={168} />
          )}
        </div>
      )}
      <label className="radio" htmlFor={approvalId}>
        <input id={approvalId} type="checkbox" checked={props.approvalRequired} onChange={(event) => props.onApprovalRequired(event.target.checked)} />
        Let each participant in myself (approval)
      </label>
      <h3 tabIndex={-1} ref={lobbyHeading}>Lobby <span className="count">{people.length === 0 ? '' : `${people.filter((person) => person.presence !== 'waiting').length} in, ${people.filter((person) => person.presence === 'waiting').length} waiting`}</span></h3>
      {people.length === 0 && <p className="empty">Nobody has joined yet.</p>}
      <ul className="lobby-list">
        {people.map((person) => (
          <li key={person.id} className={`presence-${person.presence}`}>
            <span className="lobby-name">{person.name}</span>
            <span className={`presence presence-${person.presence}`}>{PRESENCE_TEXT[person.presence]}</span>
            {person.seat === 'role' ? (
              <label className="field inline lobby-role">
                <span className="visually-hidden">Role of {person.name}</span>
                <select value={person.role ?? ''} onChange={(event) => props.onAssign(person.id, event.target.value)}>
                  {person.role === null && <option value="">No role</option>}
                  {roles.map((role) => {
                    const other = takenBy.get(role.id);
                    return <option key={role.id} value={role.id} disabled={!!other && other !== person.name}>{role.title}{other && other !== person.name ? ` (${other})` : ''}</option>;
                  })}
                </select>
              </label>
            ) : (
              // Said before letting them in: an observer or an evaluator sees what every role has received.
              <span className="lobby-seat">{SEAT_TEXT[person.seat]} <span className="hint">· sees every role's part</span></span>
            )}
            <span className="buttons">
              {person.presence === 'waiting' && <button type="button" className="primary" onClick={settled(() => props.onApprove(person.id))}>Let {person.name} in</button>}
              {/* Someone waiting is not in the drill yet: turned away at once. Someone in is asked about first. */}
              <button type="button" className="danger" onClick={settled(() => (person.presence === 'waiting' ? props.onRemove(person.id) : setAsking(person)))} aria-label={`Remove ${person.name} (${seatTitle(person)})`}>Remove</button>
            </span>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={asking !== null} onOpenChange={(open) => !open && setAsking(null)}
        title={`Remove ${asking?.name ?? ''}?`}
        description={asking && `${asking.name} (${seatTitle(asking)}) leaves the drill at once: their page closes and their link stops working. They could join again with the join code: draw a new code to keep them out.`}
        keepLabel={`Keep ${asking?.name ?? ''}`} confirmLabel={`Yes, remove ${asking?.name ?? ''}`} busyLabel={`Removing ${asking?.name ?? ''}…`} tone="danger"
        onConfirm={() => (asking ? props.onRemove(asking.id) : undefined)}
        // Their row goes with them: the keyboard goes on from the lobby's heading.
        returnFocusFallback={() => lobbyHeading.current}
      />
    </section>
  );
}
