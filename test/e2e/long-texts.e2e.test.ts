import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { servedApp } from './browser.js';
import { protocolClient, SHOTS, showTab, SIZES } from './views.js';

// What a facilitator types can be one long word: a session named by a ticket reference or a
// path, a participant by an e-mail address, an observation that is a pasted URL. The page must
// break it, never grow wider than the screen (the Sessions table once pushed its Resume and
// Debrief buttons off a laptop's screen, and the debrief's subtitle ran past its edge).

const app = servedApp();
const WORD = 'INC-2026-0412-harbour-fintech-ransomware-tabletop-board-session-' + 'x'.repeat(90);
const PERSON = 'ada.lovelace.incident-commander.harbour-fintech-group@example-holdings-international.com';
const URL_NOTE = 'https://wiki.example.com/incident-response/playbooks/ransomware/' + 'evidence-'.repeat(20);

/** How far the page is wider than the window, in px (0 when nothing overflows). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('long words typed by the facilitator', () => {
  it('break inside the Sessions list, the console and the debrief at 1024 px: the page never scrolls sideways', async () => {
    const client = protocolClient(app.served);
    const { sessionId } = await client.send('session.create', {
      scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 60, name: WORD, participants: { 'incident-commander': PERSON },
    });
    await client.send('session.input', { sessionId, actor: 'facilitator', input: { type: 'observation.noted', text: URL_NOTE, tag: 'note' } });
    const context = await app.browser.newContext({ viewport: SIZES[0] });
    const page = await context.newPage();
    mkdirSync(SHOTS, { recursive: true });
    try {
      const base = app.served.url;
      await page.goto(`${base}#/sessions`);
      await page.getByRole('row', { name: new RegExp(sessionId) }).waitFor();
      expect(await overflow(page)).toBe(0);
      await page.screenshot({ path: `${SHOTS}/long-texts-sessions.png` });

      await page.goto(`${base}#/session/${encodeURIComponent(sessionId)}`);
      await page.getByRole('heading', { name: /^Left open overnight/, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Pause' }).click();
      await showTab(page, 'Observations');
      await page.getByRole('region', { name: /^Observations noted/ }).getByText(URL_NOTE).waitFor();
      expect(await overflow(page)).toBe(0);
      await page.screenshot({ path: `${SHOTS}/long-texts-console.png` });

      await client.send('session.end', { sessionId, reason: 'ended by the facilitator' });
      await page.goto(`${base}#/debrief/${encodeURIComponent(sessionId)}`);
      await page.getByRole('heading', { name: /^Debrief/ }).waitFor();
      await page.getByRole('region', { name: 'Facilitator observations' }).waitFor();
      expect(await overflow(page)).toBe(0);
      await page.screenshot({ path: `${SHOTS}/long-texts-debrief.png` });
    } finally {
      await context.close();
      client.close();
    }
  });
});
