// @vitest-environment jsdom
import './setup.js';
import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';
import { MIN } from '../helpers/world.js';

const played = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../renderer/facilitator/decision-chime.js', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  playChime: () => void played.count++,
}));

const { chimeWav } = await import('../../renderer/facilitator/decision-chime.js');
const { ConsoleView } = await import('../../renderer/facilitator/ConsoleView.js');

describe('the decision chime', () => {
  it('is a short PCM WAV written in memory (nothing fetched)', () => {
    const wav = new DataView(chimeWav());
    const text = (at: number) => String.fromCharCode(...[0, 1, 2, 3].map((i) => wav.getUint8(at + i)));
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(wav.getUint16(20, true)).toBe(1); // PCM
    const seconds = wav.getUint32(40, true) / wav.getUint32(28, true);
    expect(seconds).toBeGreaterThan(0.2);
    expect(seconds).toBeLessThan(1);
  });

  it('sounds for a new decision only once the facilitator turned it on (off by default)', async () => {
    const client = fakeClient();
    const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
    const { store } = renderWithApp(<ConsoleView sessionId={sessionId} />, client);
    await screen.findByRole('heading', { name: /Left open overnight/, level: 1 });
    expect(store.getState().decisionSound).toBe(false);
    act(() => client.advance(46 * MIN));
    await screen.findByRole('group', { name: 'New decision' });
    expect(played.count).toBe(0);
    act(() => store.getState().setDecisionSound(true));
    // The next decision: the researcher's e-mail at 1h30m opens one for the Communications Lead.
    act(() => client.advance(50 * MIN));
    await vi.waitFor(() => expect(played.count).toBe(1));
  });
});
