// @vitest-environment jsdom
import './setup.js';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromCallback, fromPromise } from 'xstate';
import { JoinScreen } from '../../renderer/participant/JoinScreen.js';
import { joinMachine, type JoinEvent, type JoinFailure } from '../../renderer/participant/join-machine.js';

// The join screen over the join machine on the page's own clock (fake timers here, never a
// sleep): what a participant sees after too many wrong codes, second by second.

const LOCKED: JoinFailure = { kind: 'rate-limited', message: 'too many wrong join codes from this address: try again in 30 s', retryAfterMs: 30_000 };

function startJoin() {
  const machine = joinMachine.provide({
    actors: {
      hostLink: fromCallback<JoinEvent>(({ sendBack }) => {
        sendBack({ type: 'host.connected' });
        return () => {};
      }),
      checkCode: fromPromise(() => Promise.reject(LOCKED)),
    },
  });
  const actor = createActor(machine, { input: { seat: null } }).start();
  render(<JoinScreen actor={actor} />);
  return actor;
}

describe('the join screen', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts the rate limit\'s wait down each second, and opens the form again when it is over', async () => {
    startJoin();
    fireEvent.change(screen.getByLabelText('Join code'), { target: { value: 'WRONG1' } });
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Grace' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await act(async () => {});
    expect(screen.getByRole('alert')).toHaveTextContent(/^Too many wrong join codes from this address\.$/);
    expect(screen.getByRole('timer')).toHaveTextContent('Try again in 30 s');
    expect(screen.getByRole('button', { name: 'Continue' })).toBeDisabled();
    act(() => void vi.advanceTimersByTime(1_000));
    expect(screen.getByRole('timer')).toHaveTextContent('Try again in 29 s');
    act(() => void vi.advanceTimersByTime(18_000));
    expect(screen.getByRole('timer')).toHaveTextContent('Try again in 11 s');
    act(() => void vi.advanceTimersByTime(10_999));
    expect(screen.getByRole('timer')).toHaveTextContent('Try again in 1 s');
    expect(screen.getByRole('button', { name: 'Continue' })).toBeDisabled();
    act(() => void vi.advanceTimersByTime(1));
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('You may try a code again now.');
    expect(screen.getByRole('button', { name: 'Continue' })).toBeEnabled();
  });
});
