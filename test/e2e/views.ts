import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import type { CommandParamsInput, CommandResult, CommandType, Reply } from '../../engine/protocol/index.js';
import type { Served } from './browser.js';

// What the end-to-end tests do to every view: axe-core in both themes, and screenshots at the
// sizes a facilitator's laptop, a desktop screen and a projector have. And a protocol client
// beside the page, and the console's tabs.

export const SHOTS = 'test-results/screenshots';
export const SIZES = [{ width: 1024, height: 640 }, { width: 1280, height: 720 }, { width: 1920, height: 1080 }];

/** Shows a console panel by its tab (the panels share panes; only the chosen one is on screen). */
export async function showTab(page: Page, name: 'Inject feed' | 'MSEL' | 'Observations' | 'Decisions' | 'Severity' | 'Actions' | 'Duties'): Promise<void> {
  const tab = page.getByRole('tab', { name: new RegExp(`^${name}( \\(\\d+\\))?$`) });
  // From 1500 px wide the inject feed has a column of its own, with no tab.
  if (name === 'Inject feed' && (await tab.count()) === 0) return;
  await tab.click();
}

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** axe-core's serious and critical violations on the page as it is (WCAG 2 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function setTheme(page: Page, theme: 'light' | 'dark') {
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  if ((await toggle.getAttribute('aria-pressed') === 'true') !== (theme === 'dark')) await toggle.click();
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, theme);
}

/**
 * Checks one view with axe in both themes and writes its screenshots at both sizes. `open`
 * opens a modal dialog once the theme is set (it would block the theme button), closed after;
 * `fullPage` photographs the whole page rather than the screen.
 */
export async function checkView(page: Page, name: string, options: { open?: () => Promise<void>; fullPage?: boolean } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  const problems: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    if (options.open) await options.open();
    problems.push(...(await seriousViolations(page)).map((p) => `${name}, ${theme}: ${p}`));
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/${name}-${theme}-${size.width}x${size.height}.png`, fullPage: options.fullPage ?? false });
    }
    if (options.open) {
      await page.keyboard.press('Escape');
      // A question that loses something is an alertdialog, the others (shortcuts, archive) dialogs.
      await page.getByRole('dialog').or(page.getByRole('alertdialog')).waitFor({ state: 'detached' });
    }
  }
  await page.setViewportSize(SIZES[0]!);
  await setTheme(page, 'light');
  expect(problems).toEqual([]);
}

export interface ProtocolClient {
  send<T extends CommandType>(type: T, params: CommandParamsInput<T>): Promise<CommandResult<T>>;
  close(): void;
}

/** One protocol connection to the served app, as a second client beside the page. */
export function protocolClient(served: Served): ProtocolClient {
  const url = new URL(served.url);
  const socket: Socket = io(url.origin, { query: { token: url.searchParams.get('token') ?? '' }, transports: ['websocket'], extraHeaders: { origin: url.origin } });
  let id = 0;
  return {
    send: (type, params) => new Promise((resolve, reject) => {
      socket.emit('command', { id: ++id, type, params }, (reply: Reply<typeof type>) => (reply.ok ? resolve(reply.result) : reject(new Error(`${type}: ${reply.error.message}`))));
    }),
    close: () => void socket.close(),
  };
}
