import { useEffect, useMemo, useState } from 'react';
import type { LanStatus, LobbyView } from '../../engine/protocol/index.js';
import { joinCodeText } from '../../engine/protocol/index.js';
import { useClient, useCommand } from '../app/app-context.js';
import { LobbyPanel, type LobbyPerson } from './LobbyPanel.js';
import './room.css';

/** Every network interface, as lan.start takes it. */
const ALL_INTERFACES = 'all';

/** The lobby's people as the panel lists them: those waiting for approval (by request), then those in. */
export function lobbyPeople(lobby: LobbyView): LobbyPerson[] {
  return [
    ...lobby.waiting.map((request) => ({ id: request.request, name: request.name, seat: request.seat, role: request.role, presence: 'waiting' as const })),
    ...lobby.participants.filter((person) => person.removedAt === null).map((person) => ({ id: person.id, name: person.name, seat: person.seat, role: person.role, presence: person.presence })),
  ];
}

/**
 * The room of a session in the facilitator's console: LAN mode (on, off, where), the join
 * address, its QR code and the join code, then the lobby, fed by the host's lan.update and
 * lobby.update pushes.
 */
export function RoomPanel({ sessionId }: { sessionId: string }) {
  const client = useClient();
  const command = useCommand();
  const [lan, setLan] = useState<LanStatus | null>(null);
  const [lobby, setLobby] = useState<LobbyView | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const [interfaceChoice, setInterfaceChoice] = useState<string | null>(null);
  const [port, setPort] = useState('');

  useEffect(() => {
    let live = true;
    client.send('lan.status', {}).then((status) => live && setLan(status), (error: Error) => live && setUnavailable(`LAN mode is not available here: ${error.message}`));
    client.send('lobby.get', { sessionId }).then((view) => live && setLobby(view), () => {});
    const stops = [
      client.on('lan.update', ({ lan: status }) => setLan(status)),
      client.on('lobby.update', ({ sessionId: updated, lobby: view }) => updated === sessionId && setLobby(view)),
      // After a drop, the room is asked again: pushes missed meanwhile are not replayed.
      client.onConnection((state) => {
        if (state === 'lost') return;
        void client.send('lan.status', {}).then((status) => live && setLan(status), () => {});
        void client.send('lobby.get', { sessionId }).then((view) => live && setLobby(view), () => {});
      }),
    ];
    return () => {
      live = false;
      stops.forEach((stop) => stop());
    };
  }, [client, sessionId]);

  const interfaces = useMemo(() => [
    ...(lan?.interfaces ?? []).map((one) => ({ id: one.name, title: `${one.name} (${one.address})` })),
    { id: ALL_INTERFACES, title: 'Every network of this computer' },
  ], [lan]);
  const chosen = interfaceChoice ?? interfaces[0]!.id;
  const roles = useMemo(() => (lobby?.roles ?? []).map((role) => ({ id: role.id, title: role.title })), [lobby]);
  const people = useMemo(() => (lobby ? lobbyPeople(lobby) : []), [lobby]);
  const waiting = (id: string) => lobby?.waiting.some((request) => request.request === id) ?? false;

  const onLan = async (on: boolean) => {
    const status = on ? await command('lan.start', { interface: chosen, ...(port ? { port: Number(port) } : {}) }) : await command('lan.stop', {});
    if (status) setLan(status);
  };
  const onLobby = (next: LobbyView | { lobby: LobbyView } | undefined) => {
    if (next) setLobby('lobby' in next ? next.lobby : next);
  };

  return (
    <LobbyPanel
      lan={{ on: lan?.listening ?? false, address: lan?.joinAddress ?? null, code: lobby ? joinCodeText(lobby.joinCode) : null, qrSvg: lan?.qrSvg ?? null }}
      lanUnavailable={unavailable}
      interfaces={interfaces} interfaceChoice={chosen} onInterface={setInterfaceChoice} port={port} onPort={setPort}
      approvalRequired={lobby?.approval ?? false}
      people={people} roles={roles}
      onLan={(on) => void onLan(on)}
      onApprovalRequired={(approval) => void command('lobby.settings', { sessionId, approval }).then(onLobby)}
      onNewCode={() => void command('lobby.settings', { sessionId, newCode: true }).then(onLobby)}
      onApprove={(id) => void command('lobby.approve', { sessionId, request: id }).then(onLobby)}
      onAssign={(id, role) => void (waiting(id)
        ? command('lobby.approve', { sessionId, request: id, role })
        : command('lobby.assign', { sessionId, participant: id, role })).then(onLobby)}
      onRemove={(id) => (waiting(id)
        ? command('lobby.reject', { sessionId, request: id })
        : command('lobby.remove', { sessionId, participant: id })).then(onLobby)}
    />
  );
}
