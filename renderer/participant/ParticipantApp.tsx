import { useMachine } from '@xstate/react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { joinActors, participantStore } from './join-actors.js';
import { joinLink, type JoinLink } from './join-link.js';
import { joinMachine } from './join-machine.js';
import { JoinScreen } from './JoinScreen.js';
import { LeaveDialog } from './LeaveDialog.js';
import { ObserverPage } from './ObserverPage.js';
import { RolePage } from './RolePage.js';
import { forgetSeat, keepSeat, loadSeat } from './seat-storage.js';
import './participant.css';

/** The join code in the address the facilitator shares (`#/join/ABC234` or `#/join?code=ABC234`), if any. */
export function codeFromHash(hash: string): string {
  const match = /^#\/join(?:\/([^?]*))?(?:\?(.*))?$/.exec(hash);
  if (!match) return '';
  return decodeURIComponent(match[1] ?? '') || new URLSearchParams(match[2] ?? '').get('code') || '';
}

/** The page's theme follows the device's (a phone in dark mode gets the dark theme). */
function useDeviceTheme() {
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => void (document.documentElement.dataset.theme = query.matches ? 'dark' : 'light');
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, []);
}

/** The join flow and the participant's screen over a link (the page's, or a test's). */
export function Participant({ link, initialCode }: { link: JoinLink; initialCode: string }) {
  const [store] = useState(() => participantStore(link));
  const [machine] = useState(() => joinMachine.provide({
    actors: joinActors(link, store),
    actions: {
      keepSeat: ({ context }) => keepSeat(context.seat),
      forgetSeat: () => forgetSeat(),
      withdrawRequest: (_, { seat }) => {
        if (seat?.request && !seat.token) link.send('join.cancel', { sessionId: seat.sessionId, request: seat.request }).catch(() => {});
      },
    },
  }));
  const [seat] = useState(() => loadSeat());
  const [snapshot, send, actor] = useMachine(machine, { input: { seat } });
  const view = useStore(store, (state) => state.view);
  const me = useStore(store, (state) => state.me);
  const [problem, setProblem] = useState<string | null>(null);
  const inSession = snapshot.matches('joined') || ((snapshot.matches('reconnecting') || snapshot.matches('resuming') || snapshot.matches('gone')) && snapshot.context.seat !== null);
  const reconnecting = !snapshot.matches('joined');
  // One click on Leave would drop the seat for good: asked first, unless the session is over.
  const [leaving, setLeaving] = useState(false);
  const leave = () => {
    setLeaving(false);
    store.setState({ view: null, me: null });
    send({ type: 'leave' });
  };
  const askToLeave = () => (view?.ended ? leave() : setLeaving(true));

  // Connected from the start: with the kept seat's token, or without one to type the code (or wait on in the lobby).
  useEffect(() => link.use(seat?.token || null), [link, seat]);

  let screen = null;
  if (inSession && view && me && view.sessionId === me.sessionId) {
    const props = { me, link, reconnecting, hostGone: snapshot.matches('gone'), onRetry: () => send({ type: 'retry' }), onLeave: askToLeave, onProblem: setProblem };
    if (view.audience === 'role') screen = <RolePage view={view} {...props} />;
    else if (view.audience === 'observer') screen = <ObserverPage view={view} {...props} />;
    else if (view.audience === 'unassigned') {
      screen = (
        <div className="join-page">
          <section className="join-card" aria-labelledby="unassigned-heading">
            <p className="brand join-brand">Firedrill</p>
            <h1 id="unassigned-heading">Waiting for a role</h1>
            <p role="status">You are in {view.name ?? view.scenarioTitle} as {me.name}. The facilitator gives you a role; this page goes on by itself.</p>
            <button type="button" onClick={askToLeave}>Leave</button>
          </section>
        </div>
      );
    }
  }
  return (
    <>
      <main id="main" className="participant-page" tabIndex={-1}>
        {screen ?? <div className="join-page"><JoinScreen actor={actor} initialCode={initialCode} /></div>}
      </main>
      <footer className="status-line" role="status" aria-live="polite">{problem ?? ''}</footer>
      {screen && <LeaveDialog open={leaving} onOpenChange={setLeaving} onLeave={leave} role={me?.roleTitle ?? null} />}
    </>
  );
}

/** The page a participant opens on their own device (the join address): the join flow, then their screen. */
export function ParticipantApp({ origin }: { origin: string }) {
  useDeviceTheme();
  const [link] = useState(() => joinLink(origin));
  useEffect(() => () => link.close(), [link]);
  return <Participant link={link} initialCode={codeFromHash(window.location.hash)} />;
}
