// @vitest-environment jsdom
import './setup.js';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CommandParamsInput, CommandType, LanStatus, LobbyView, ServerEvents } from '../../engine/protocol/index.js';
import { AppProvider } from '../../renderer/app/app-context.js';
import type { SessionClient } from '../../renderer/client/session-client.js';
import { SETTLE_MS } from '../../renderer/facilitator/LobbyPanel.js';
import { RoomPanel } from '../../renderer/facilitator/RoomPanel.js';
import { createAppStore } from '../../renderer/store/app-store.js';

// The facilitator's room panel on a host that answers the LAN and lobby commands and pushes
// lan.update and lobby.update: what it shows (labelled "Join address" and "Join code") and
// what it asks for.

const OFF: LanStatus = { listening: false, joinAddress: null, qrSvg: null, address: null, interface: null, port: null, tls: false, interfaces: [{ name: 'wlan0', address: '192.168.1.20' }] };
const ON: LanStatus = { ...OFF, listening: true, joinAddress: 'http://192.168.1.20:4781/#/join', address: '192.168.1.20', interface: 'wlan0', port: 4781, qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' };
const LOBBY: LobbyView = {
  sessionId: 's-1', joinCode: 'K7Q2MX', approval: true,
  participants: [{ id: 'p-ada00001', name: 'Ada', seat: 'role', role: 'incident-commander', joinedAt: 0, removedAt: null, presence: 'reconnecting', connections: 0, since: '2026-03-02T09:00:00Z' }],
  waiting: [{ request: 'r-grace0001', name: 'Grace', seat: 'role', role: 'cloud-security-analyst', at: '2026-03-02T09:01:00Z' }],
  roles: [
    { id: 'incident-commander', title: 'Incident Commander', holders: ['p-ada00001'], reservedFor: null },
    { id: 'cloud-security-analyst', title: 'Cloud Security Analyst', holders: [], reservedFor: null },
  ],
};

function host() {
  const sent: { type: string; params: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client: SessionClient = {
    async send<T extends CommandType>(type: T, params: CommandParamsInput<T>) {
      sent.push({ type, params });
      switch (type) {
        case 'lan.status': return OFF as never;
        case 'lan.start': return ON as never;
        case 'lobby.get': return LOBBY as never;
        case 'lobby.remove': return { lobby: { ...LOBBY, participants: LOBBY.participants.map((one) => ({ ...one, removedAt: 1 })) } } as never;
        default: return { lobby: LOBBY } as never;
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => void set.delete(listener as (payload: unknown) => void);
    },
    onConnection: () => () => {},
    close() {},
  };
  const push = <E extends keyof ServerEvents>(event: E, payload: ServerEvents[E]) => act(() => listeners.get(event)?.forEach((listener) => listener(payload)));
  render(<AppProvider client={client} store={createAppStore()}><RoomPanel sessionId="s-1" /></AppProvider>);
  return { sent, push };
}

describe("the facilitator's room panel", () => {
  it('turns LAN mode on where asked and shows the join address, its QR code and the join code', async () => {
    const { sent } = host();
    const lan = await screen.findByRole('switch', { name: 'LAN mode: off' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Network' }), 'all');
    await userEvent.type(screen.getByRole('textbox', { name: 'Port' }), '0');
    await userEvent.click(lan);
    expect(sent.find((one) => one.type === 'lan.start')).toEqual({ type: 'lan.start', params: { interface: 'all', port: 0 } });
    expect(await screen.findByRole('status', { name: 'Join address' })).toHaveTextContent('http://192.168.1.20:4781/#/join');
    expect(screen.getByRole('status', { name: 'Join code' })).toHaveTextContent('K7Q 2MX');
    expect(screen.getByRole('img', { name: /QR code of the join address/ })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'LAN mode: on' })).toHaveAttribute('aria-checked', 'true');
  });

  it('lists the lobby with presence, lets a waiting person in, moves and removes people', async () => {
    const { sent, push } = host();
    const list = await screen.findByRole('list');
    const ada = within(list).getByText('Ada').closest('li')!;
    expect(ada).toHaveTextContent('Reconnecting');
    const grace = within(list).getByText('Grace').closest('li')!;
    expect(grace).toHaveTextContent('Waiting for approval');
    await userEvent.click(within(grace).getByRole('button', { name: 'Let Grace in' }));
    await userEvent.selectOptions(within(ada).getByRole('combobox', { name: 'Role of Ada' }), 'cloud-security-analyst');
    await userEvent.click(within(ada).getByRole('button', { name: /^Remove Ada/ }));
    await userEvent.click(within(await screen.findByRole('alertdialog', { name: 'Remove Ada?' })).getByRole('button', { name: 'Yes, remove Ada' }));
    await userEvent.click(screen.getByRole('checkbox', { name: /approval/ }));
    expect(sent.filter((one) => one.type.startsWith('lobby.') && one.type !== 'lobby.get')).toEqual([
      { type: 'lobby.approve', params: { sessionId: 's-1', request: 'r-grace0001' } },
      { type: 'lobby.assign', params: { sessionId: 's-1', participant: 'p-ada00001', role: 'cloud-security-analyst' } },
      { type: 'lobby.remove', params: { sessionId: 's-1', participant: 'p-ada00001' } },
      { type: 'lobby.settings', params: { sessionId: 's-1', approval: false } },
    ]);
    // The host's push is what the panel shows.
    push('lobby.update', { sessionId: 's-1', lobby: { ...LOBBY, waiting: [], participants: [{ ...LOBBY.participants[0]!, presence: 'joined' }] } });
    expect(screen.queryByText('Grace')).not.toBeInTheDocument();
    expect(screen.getByText('Ada').closest('li')).toHaveTextContent('Joined');
    push('lobby.update', { sessionId: 'another', lobby: { ...LOBBY, participants: [] } });
    expect(screen.getByText('Ada')).toBeInTheDocument();
  });

  it('asks before removing someone from the drill: a click, a double click or Enter twice removes nobody; Keep and Escape put Remove back with the focus', async () => {
    const { sent } = host();
    const ada = (await screen.findByText('Ada')).closest('li')!;
    const removeAda = () => within(ada).getByRole('button', { name: /^Remove Ada/ });
    const removed = () => sent.filter((one) => one.type === 'lobby.remove');
    // The second click of a double click lands on the overlay, which does not answer.
    await userEvent.dblClick(removeAda());
    expect(removed()).toEqual([]);
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Ada?' });
    expect(dialog).toHaveAccessibleDescription(/Ada \(Incident Commander\) leaves the drill at once/);
    expect(within(dialog).getByRole('button', { name: 'Keep Ada' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(removeAda()).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(removeAda()).toHaveFocus();
    expect(removed()).toEqual([]);

    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Tab}{Enter}');
    expect(removed()).toEqual([{ type: 'lobby.remove', params: { sessionId: 's-1', participant: 'p-ada00001' } }]);
    // Her row gone with her, the keyboard goes on from the lobby's heading.
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.queryByText('Ada')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Lobby/ })).toHaveFocus();
  });

  it('draws a new join code on request (a leaked code, or someone removed who would come back with it)', async () => {
    const { sent, push } = host();
    await userEvent.click(await screen.findByRole('switch', { name: 'LAN mode: off' }));
    await screen.findByRole('status', { name: 'Join code' });
    await userEvent.click(screen.getByRole('button', { name: 'Draw a new code' }));
    expect(sent.filter((one) => one.type === 'lobby.settings')).toEqual([{ type: 'lobby.settings', params: { sessionId: 's-1', newCode: true } }]);
    push('lobby.update', { sessionId: 's-1', lobby: { ...LOBBY, joinCode: 'P3W9TZ' } });
    expect(screen.getByRole('status', { name: 'Join code' })).toHaveTextContent('P3W 9TZ');
  });

  it('takes no click just after its rows moved: the second click of a double click on Let in does not let in the next person', async () => {
    const { sent, push } = host();
    const waiting = (request: string, name: string) => ({ request, name, seat: 'observer' as const, role: null, at: '2026-03-02T09:01:00Z' });
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    await screen.findByRole('list');
    push('lobby.update', { sessionId: 's-1', lobby: { ...LOBBY, participants: [], waiting: [waiting('r-hedy00001', 'Hedy'), waiting('r-olive0001', 'Olive')] } });
    now += SETTLE_MS;
    const approvals = () => sent.filter((one) => one.type === 'lobby.approve').map((one) => (one.params as { request: string }).request);
    await userEvent.click(screen.getByRole('button', { name: 'Let Hedy in' }));
    // Hedy is in: her row goes to the joined ones, and Olive's comes under the pointer.
    push('lobby.update', { sessionId: 's-1', lobby: { ...LOBBY, waiting: [waiting('r-olive0001', 'Olive')], participants: [{ ...LOBBY.participants[0]!, id: 'p-hedy00001', name: 'Hedy', seat: 'observer', role: null }] } });
    now += 150;
    await userEvent.click(screen.getByRole('button', { name: 'Let Olive in' }));
    await userEvent.click(screen.getByRole('button', { name: /^Remove Olive/ }));
    expect(approvals()).toEqual(['r-hedy00001']);
    expect(sent.filter((one) => one.type === 'lobby.reject')).toEqual([]);
    // Once the list has settled, a click is a click.
    now += SETTLE_MS;
    await userEvent.click(screen.getByRole('button', { name: 'Let Olive in' }));
    expect(approvals()).toEqual(['r-hedy00001', 'r-olive0001']);
    vi.restoreAllMocks();
  });

  it('keeps the keyboard in the lobby when the row of the button pressed goes', async () => {
    const { push } = host();
    const grace = (await screen.findByText('Grace')).closest('li')!;
    within(grace).getByRole('button', { name: 'Let Grace in' }).focus();
    await userEvent.keyboard('{Enter}');
    push('lobby.update', { sessionId: 's-1', lobby: { ...LOBBY, waiting: [] } });
    expect(screen.getByRole('heading', { name: /^Lobby/ })).toHaveFocus();
  });

  it('says who asks to watch or evaluate (they see every role\'s part), and offers them no role', async () => {
    const { push } = host();
    await screen.findByRole('list');
    push('lobby.update', {
      sessionId: 's-1',
      lobby: {
        ...LOBBY,
        participants: [...LOBBY.participants, { id: 'p-hedy0001', name: 'Hedy', seat: 'evaluator', role: null, joinedAt: 0, removedAt: null, presence: 'joined', connections: 1, since: '2026-03-02T09:00:00Z' }],
        waiting: [{ request: 'r-olive0001', name: 'Olive', seat: 'observer', role: null, at: '2026-03-02T09:02:00Z' }],
      },
    });
    const olive = screen.getByText('Olive').closest('li')!;
    expect(olive).toHaveTextContent("Observer · sees every role's part");
    expect(within(olive).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(olive).getByRole('button', { name: 'Let Olive in' })).toBeInTheDocument();
    const hedy = screen.getByText('Hedy').closest('li')!;
    expect(hedy).toHaveTextContent('Evaluator');
    expect(within(hedy).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(hedy).getByRole('button', { name: 'Remove Hedy (Evaluator)' })).toBeInTheDocument();
    // Ada, in a role, can still be moved; the evaluator holds no role in its list.
    expect(within(screen.getByText('Ada').closest('li')!).getByRole('combobox', { name: 'Role of Ada' })).toBeInTheDocument();
  });
});
