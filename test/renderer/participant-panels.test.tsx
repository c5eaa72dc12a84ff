// @vitest-environment jsdom
import './setup.js';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BridgeChat } from '../../renderer/participant/BridgeChat.js';
import { Drafts } from '../../renderer/participant/Drafts.js';
import { Inbox, type InboxMessage } from '../../renderer/participant/Inbox.js';
import { RoleActions, type RoleAction } from '../../renderer/participant/RoleActions.js';
import { RoleDecisions } from '../../renderer/participant/RoleDecisions.js';
import { EvaluatorForm } from '../../renderer/observer/EvaluatorForm.js';
import { MAX_CHAT_CHARS, MAX_DRAFT_CHARS, MAX_RATING_REASON_CHARS, TEXT_LIMITS } from '../../engine/format/limits.js';
import { MIN } from '../helpers/world.js';

// The participant's panels and the evaluator's form on their own: what they show of the props
// they are given, and what they ask for. The page that feeds them is participant-app.test.tsx.

const MESSAGES: InboxMessage[] = [
  { id: 'INJ-01', title: 'GuardDuty: bucket policy made public', channel: 'cloud-finding', firedAt: 5 * MIN, from: 'AWS GuardDuty', body: 'Policy changed on prod-exports.', artifacts: [{ kind: 'guardduty-finding', title: 'The finding', data: { Severity: 8 } } as never] },
  { id: 'INJ-02', title: 'Chat: the developer wants the bucket gone', channel: 'chat', firedAt: 12 * MIN, from: null, body: 'Can we just delete it?', artifacts: [] },
  { id: 'INJ-03', title: 'Security Hub daily review', channel: 'cloud-finding', firedAt: 20 * MIN, from: null, body: 'Three findings.', artifacts: [] },
];

describe('the inbox', () => {
  it('lists the latest first with unread counts in all and by channel, and marks a message read when opened', async () => {
    const read = new Set<string>(['INJ-03']);
    const onRead = vi.fn((id: string) => read.add(id));
    const { rerender } = render(<Inbox messages={MESSAGES} read={read} onRead={onRead} />);
    const heading = screen.getByRole('heading', { name: /Inbox/ });
    expect(heading).toHaveAccessibleName('Inbox, 2 unread');
    const filter = screen.getByRole('group', { name: 'Show the channel' });
    expect(within(filter).getByRole('button', { name: 'All, 2 unread' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(filter).getByRole('button', { name: 'Cloud finding, 1 unread' })).toBeInTheDocument();
    expect(within(filter).getByRole('button', { name: 'Chat, 1 unread' })).toBeInTheDocument();
    const titles = [...document.querySelectorAll('.inbox-title')].map((one) => one.textContent);
    expect(titles).toEqual(['Security Hub daily review', 'Chat: the developer wants the bucket gone', 'GuardDuty: bucket policy made public']);

    await userEvent.click(screen.getByText('GuardDuty: bucket policy made public'));
    expect(onRead).toHaveBeenCalledWith('INJ-01');
    rerender(<Inbox messages={MESSAGES} read={new Set(read)} onRead={onRead} />);
    expect(screen.getByRole('heading', { name: /Inbox/ })).toHaveAccessibleName('Inbox, 1 unread');
    // The message and its artifact are readable once open.
    expect(screen.getByText('Policy changed on prod-exports.')).toBeVisible();
    expect(screen.getByText('From AWS GuardDuty')).toBeVisible();
    expect(screen.getByText('The finding')).toBeInTheDocument();

    await userEvent.click(within(filter).getByRole('button', { name: /^Chat/ }));
    expect(screen.queryByText('GuardDuty: bucket policy made public')).not.toBeInTheDocument();
    expect(screen.getByText('Chat: the developer wants the bucket gone')).toBeInTheDocument();
  });

  it('says so when nothing has come in', () => {
    render(<Inbox messages={[]} read={new Set()} onRead={() => {}} />);
    expect(screen.getByText('Nothing has come in for your role yet.')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Show the channel' })).not.toBeInTheDocument();
  });
});

const ACTIONS: RoleAction[] = [
  { id: 'triage', title: 'Triage the GuardDuty finding', phase: 'detection-analysis', phaseTitle: 'Detection and analysis', taken: { by: 'Grace', takenAt: 10 * MIN, completesAt: 15 * MIN } },
  { id: 'query', title: 'Query CloudTrail', phase: 'detection-analysis', phaseTitle: 'Detection and analysis', taken: { by: 'Alan', takenAt: 2 * MIN, completesAt: 4 * MIN } },
  { id: 'block', title: 'Block public access', phase: 'containment', phaseTitle: 'Containment', taken: null },
];

describe('my actions', () => {
  it('shows each action\'s state and who took it, and takes an action once however often it is pressed', async () => {
    let finish: () => void = () => {};
    const onTake = vi.fn(() => new Promise<void>((resolve) => { finish = resolve; }));
    render(<RoleActions actions={ACTIONS} now={12 * MIN} ended={false} currentPhase="containment" onTake={onTake} />);
    expect(screen.getByRole('heading', { name: /My actions/ })).toHaveTextContent('2 of 3 taken');
    expect(screen.getByText(/^In progress: taken by Grace at T\+00:10, 3 min 00 s left$/)).toBeInTheDocument();
    expect(screen.getByText('Done at T+00:04: taken by Alan at T+00:02')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Take action: Triage the GuardDuty finding' })).toBeDisabled();
    const block = screen.getByRole('button', { name: 'Take action: Block public access' });
    await userEvent.dblClick(block);
    expect(onTake).toHaveBeenCalledTimes(1);
    expect(block).toBeDisabled();
    expect(block).toHaveTextContent('Taking…');
    finish();
    await vi.waitFor(() => expect(block).toBeEnabled());
  });
});

describe('my decisions', () => {
  it('counts down in simulated time and answers with the option chosen', async () => {
    const onAnswer = vi.fn(() => Promise.resolve());
    const decisions = [{ id: 'D1', prompt: 'Notify the regulator now?', options: [{ id: 'yes', label: 'Notify now' }, { id: 'no', label: 'Wait' }], openedAt: 30 * MIN, expiresAt: 60 * MIN }];
    const { rerender } = render(<RoleDecisions decisions={decisions} now={40 * MIN} ended={false} onAnswer={onAnswer} />);
    const group = screen.getByRole('group', { name: 'Notify the regulator now?' });
    expect(group).toHaveAccessibleDescription('Put to you at T+00:30 · 20 min 00 s left');
    rerender(<RoleDecisions decisions={decisions} now={57 * MIN} ended={false} onAnswer={onAnswer} />);
    expect(within(group).getByText(/^3 min 00 s left$/)).toHaveClass('soon');
    await userEvent.click(within(group).getByRole('button', { name: 'Notify now' }));
    expect(onAnswer).toHaveBeenCalledWith('D1', 'yes');
  });
});

// A participant's times left tick every second on their laptop. Written "3 min 5 s", then "3 min",
// then "2 min 59 s", the words beside them shifted every second; they are countdowns now, as on
// the console and the projector: the second unit on two digits, shown even at zero.
describe('my times left', () => {
  /** A countdown's text: two units, the second on two digits ("14 min 05 s", "2 h 00 min"), or seconds alone. */
  const COUNTDOWN = /^(\d+ (d|h|min) \d\d (h|min|s)|\d+ s)$/;
  it('count down in a fixed width, second by second, on my decisions and my actions in progress', () => {
    const decisions = [{ id: 'D1', prompt: 'Notify the regulator now?', options: [{ id: 'yes', label: 'Notify now' }], openedAt: 30 * MIN, expiresAt: 2 * 60 * MIN }];
    const actions = [ACTIONS[0]!, { ...ACTIONS[2]!, taken: { by: 'Ada', takenAt: 10 * MIN, completesAt: 60 * MIN } }];
    const page = (now: number) => (
      <>
        <RoleDecisions decisions={decisions} now={now} ended={false} onAnswer={() => Promise.resolve()} />
        <RoleActions actions={actions} now={now} ended={false} currentPhase="containment" onTake={() => Promise.resolve()} />
      </>
    );
    const { rerender } = render(page(11 * MIN));
    const times = () => [
      within(screen.getByRole('group', { name: 'Notify the regulator now?' })).getByText(/ left$/).textContent!,
      ...[...document.querySelectorAll('.action-state')].map((state) => state.textContent!.split(', ').at(-1)!),
    ].map((text) => text.replace(/ left$/, ''));
    // From T+00:11 to T+00:12:30, across the whole minutes where a plain duration drops its seconds.
    for (let second = 0; second <= 90; second++) {
      rerender(page(11 * MIN + second * 1000));
      const now = times();
      expect(now).toHaveLength(3);
      for (const text of now) expect(text).toMatch(COUNTDOWN);
    }
    expect(times()).toEqual(['1 h 47 min', '2 min 30 s', '47 min 30 s']);
  });
});

describe('the bridge channel', () => {
  it('lists the messages in a log and sends one, clearing the line only once the host has it', async () => {
    let accept: (ok: boolean) => void = () => {};
    const onSend = vi.fn(() => new Promise<boolean>((resolve) => { accept = resolve; }));
    render(<BridgeChat me="Grace" disabled={false} onSend={onSend}
      messages={[{ seq: 4, at: 3 * MIN, author: 'Ada', roleTitle: 'Incident Commander', text: 'Who has the bucket?' }]} />);
    expect(within(screen.getByRole('log', { name: 'Bridge messages' })).getByText('Who has the bucket?')).toBeInTheDocument();
    const line = screen.getByRole('textbox', { name: 'Message to the team' });
    await userEvent.type(line, 'I do: blocking public access{Enter}');
    expect(onSend).toHaveBeenCalledWith('I do: blocking public access');
    expect(line).toHaveValue('I do: blocking public access');
    accept(true);
    await vi.waitFor(() => expect(line).toHaveValue(''));
  });

  it('keeps what was typed while a message was on its way', async () => {
    let accept: (ok: boolean) => void = () => {};
    const onSend = vi.fn(() => new Promise<boolean>((resolve) => { accept = resolve; }));
    render(<BridgeChat me="Grace" disabled={false} onSend={onSend} messages={[]} />);
    const line = screen.getByRole('textbox', { name: 'Message to the team' });
    await userEvent.type(line, 'Logs kept.{Enter}');
    await userEvent.type(line, ' Bucket closed at 10:40');
    accept(true);
    await vi.waitFor(() => expect(onSend).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(line).toHaveValue('Bucket closed at 10:40'));
  });
});

describe('drafts', () => {
  it('writes a draft of the chosen document and sends it; the sent ones are listed', async () => {
    const texts: Record<string, string> = {};
    const onText = vi.fn((kind: string, text: string) => { texts[kind] = text; });
    const onSend = vi.fn(() => Promise.resolve(true));
    const sent = [{ seq: 9, at: 50 * MIN, kind: 'holding-statement', author: 'Ada', roleTitle: 'Communications Lead', text: 'We are aware of an issue.' }];
    const { rerender } = render(<Drafts sent={sent} disabled={false} text={texts} onText={onText} onSend={onSend} />);
    expect(screen.getByRole('article', { name: 'Holding statement by Ada' })).toHaveTextContent('We are aware of an issue.');
    await userEvent.click(screen.getByRole('radio', { name: 'Executive briefing' }));
    rerender(<Drafts sent={sent} disabled={false} text={{ 'executive-briefing': 'Exposure contained at 10:40.' }} onText={onText} onSend={onSend} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send the executive briefing' }));
    expect(onSend).toHaveBeenCalledWith('executive-briefing', 'Exposure contained at 10:40.');
    await vi.waitFor(() => expect(onText).toHaveBeenLastCalledWith('executive-briefing', ''));
  });

  it('keeps what was written while a draft was on its way', async () => {
    let accept: (ok: boolean) => void = () => {};
    const onSend = vi.fn(() => new Promise<boolean>((resolve) => { accept = resolve; }));
    const onText = vi.fn();
    const { rerender } = render(<Drafts sent={[]} disabled={false} text={{ 'regulator-notification': 'Notice one.' }} onText={onText} onSend={onSend} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send the regulator notification' }));
    rerender(<Drafts sent={[]} disabled={false} text={{ 'regulator-notification': 'Notice one. And a second paragraph' }} onText={onText} onSend={onSend} />);
    accept(true);
    await vi.waitFor(() => expect(onText).toHaveBeenLastCalledWith('regulator-notification', 'And a second paragraph'));
  });

  it('opens again on the document being written when the page comes back (a reload keeps its text)', () => {
    render(<Drafts sent={[]} disabled={false} text={{ 'holding-statement': 'We are aware of a configuration issue' }} onText={vi.fn()} onSend={vi.fn()} />);
    expect(screen.getByRole('radio', { name: /Holding statement/ })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Holding statement' })).toHaveValue('We are aware of a configuration issue');
  });
});

describe('the evaluator form', () => {
  it('rates an objective P, S, M or U with a reason, and notes observations', async () => {
    const onRate = vi.fn(() => Promise.resolve(true));
    const onNote = vi.fn(() => Promise.resolve(true));
    render(<EvaluatorForm evaluator="Eve" disabled={false} ratings={[]} notes={[]} onRate={onRate} onNote={onNote}
      objectives={[{ id: 'contain', title: 'Contain the exposure', capability: 'Operational coordination' }]} />);
    const objective = screen.getByRole('group', { name: /Contain the exposure/ });
    const rate = within(objective).getByRole('button', { name: 'Rate' });
    expect(rate).toBeDisabled();
    await userEvent.click(within(objective).getByRole('radio', { name: 'S: Performed with some challenges' }));
    expect(rate).toBeDisabled();
    await userEvent.type(within(objective).getByRole('textbox', { name: 'Reason' }), 'Blocked in time, but nobody snapshotted first.');
    await userEvent.click(rate);
    expect(onRate).toHaveBeenCalledWith('contain', 'S', 'Blocked in time, but nobody snapshotted first.');

    await userEvent.type(screen.getByRole('textbox', { name: 'Observation' }), 'IC asked for the logs before acting.');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Objective' }), 'contain');
    await userEvent.click(screen.getByRole('button', { name: 'Note it' }));
    expect(onNote).toHaveBeenCalledWith('IC asked for the logs before acting.', 'contain');
  });

  it('fills each objective with the evaluator\'s own latest rating', () => {
    render(<EvaluatorForm evaluator="Eve" disabled={false} notes={[]} onRate={vi.fn()} onNote={vi.fn()}
      objectives={[{ id: 'contain', title: 'Contain the exposure', capability: 'Operational coordination' }]}
      ratings={[
        { seq: 3, at: MIN, objective: 'contain', rating: 'M', reason: 'slow', evaluator: 'Eve' },
        { seq: 5, at: 2 * MIN, objective: 'contain', rating: 'P', reason: 'fine after all', evaluator: 'Eve' },
        { seq: 6, at: 3 * MIN, objective: 'contain', rating: 'U', reason: 'not mine', evaluator: 'Bob' },
      ]} />);
    expect(screen.getByRole('radio', { name: 'P: Performed without challenges' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Reason' })).toHaveValue('fine after all');
    expect(screen.getByText('Rated P at T+00:02')).toBeInTheDocument();
  });

  it("takes an observation and a reason as long as the journal does (it stopped an observation at 4,000 of the 5,000 characters)", () => {
    render(<EvaluatorForm evaluator="Eve" disabled={false} notes={[]} onRate={vi.fn()} onNote={vi.fn()}
      objectives={[{ id: 'contain', title: 'Contain the exposure', capability: 'Operational coordination' }]} ratings={[]} />);
    expect(screen.getByRole('textbox', { name: 'Observation' })).toHaveAttribute('maxLength', String(TEXT_LIMITS.note));
    expect(screen.getByRole('textbox', { name: 'Reason' })).toHaveAttribute('maxLength', String(MAX_RATING_REASON_CHARS));
  });

  it('takes a bridge message and a draft as long as the journal does (a draft stopped at 10,000 of its 20,000 characters)', () => {
    render(<BridgeChat me="Grace" disabled={false} onSend={vi.fn()} messages={[]} />);
    expect(screen.getByRole('textbox', { name: 'Message to the team' })).toHaveAttribute('maxLength', String(MAX_CHAT_CHARS));
    cleanup();
    render(<Drafts sent={[]} disabled={false} text={{}} onText={vi.fn()} onSend={vi.fn()} />);
    expect(screen.getByRole('textbox')).toHaveAttribute('maxLength', String(MAX_DRAFT_CHARS));
  });
});

describe('a double press on a participant\'s or evaluator\'s button', () => {
  /** A send that waits for the host, as over the network; each call counted. */
  function pendingSend() {
    const waiting: (() => void)[] = [];
    const send = vi.fn(() => new Promise<boolean>((done) => waiting.push(() => done(true))));
    return { send, answer: () => act(async () => waiting.splice(0).forEach((go) => go())) };
  }
  /** Two presses before the page has drawn the first one's answer (a double click, a double tap). */
  const pressTwice = (button: HTMLElement) => act(() => {
    fireEvent.click(button);
    fireEvent.click(button);
  });

  it('sends a chat message, a draft and a decision answer once', async () => {
    const chat = pendingSend();
    render(<BridgeChat me="Grace" disabled={false} onSend={chat.send} messages={[]} />);
    await userEvent.type(screen.getByRole('textbox', { name: /message/i }), 'On it');
    pressTwice(screen.getByRole('button', { name: 'Send' }));
    await chat.answer();
    expect(chat.send).toHaveBeenCalledTimes(1);
    cleanup();

    const draft = pendingSend();
    render(<Drafts sent={[]} disabled={false} text={{ 'regulator-notification': 'Notice one.' }} onText={vi.fn()} onSend={draft.send} />);
    pressTwice(screen.getByRole('button', { name: /^Send the / }));
    await draft.answer();
    expect(draft.send).toHaveBeenCalledTimes(1);
    cleanup();

    const answer = pendingSend();
    render(<RoleDecisions decisions={[{ id: 'D1', prompt: 'Notify now?', options: [{ id: 'yes', label: 'Notify now' }], openedAt: 0, expiresAt: null }]} now={MIN} ended={false} onAnswer={answer.send} />);
    pressTwice(screen.getByRole('button', { name: 'Notify now' }));
    await answer.answer();
    expect(answer.send).toHaveBeenCalledTimes(1);
  });

  it('records an evaluator\'s rating and observation once', async () => {
    const rate = pendingSend();
    const note = pendingSend();
    render(<EvaluatorForm evaluator="Eve" disabled={false} ratings={[]} notes={[]} onRate={rate.send} onNote={note.send}
      objectives={[{ id: 'contain', title: 'Contain the exposure', capability: 'Operational coordination' }]} />);
    const objective = screen.getByRole('group', { name: /Contain the exposure/ });
    await userEvent.click(within(objective).getByRole('radio', { name: 'S: Performed with some challenges' }));
    await userEvent.type(within(objective).getByRole('textbox', { name: 'Reason' }), 'Slow.');
    pressTwice(within(objective).getByRole('button', { name: 'Rate' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Observation' }), 'IC asked for the logs.');
    pressTwice(screen.getByRole('button', { name: 'Note it' }));
    await rate.answer();
    await note.answer();
    expect(rate.send).toHaveBeenCalledTimes(1);
    expect(note.send).toHaveBeenCalledTimes(1);
  });
});
