// UI benchmarks, measured in Chromium (Debian's, through playwright-core) against the built app
// served by `firedrill serve`. Prints its figures; exits non-zero only if it cannot measure them
// (a crash, no Chromium), never because a target is missed: a missed target prints FAIL.
//
//  1. serve start -> library interactive: wall time from spawning `firedrill serve` (fresh data
//     folder) to the page at its address showing the "Scenario library" heading with an enabled
//     "Set up ..." button, split into serve printing its address, then the page loading to
//     interactive. 5 runs, each with a fresh server, data folder and browser context (cold cache).
//  2. The initial JavaScript: the scripts the page loads up to interactive (first run), each
//     gzipped with zlib level 9, summed; target under 150 KB (150,000 bytes): the library's code only.
//  3. Long tasks while the busiest bundled scenario plays at 600x for 60 wall seconds (or until
//     it ends), started and driven through the UI; target none over 50 ms. Also counts the
//     session.update pushes and the React commits, and attributes the long frames (Long
//     Animation Frames API) to the scripts that ran in them. A light Chrome trace of the play
//     gives each long task's main-thread CPU time next to its wall time: on a busy machine a
//     task is often long only because the thread waited for a CPU, which the Long Tasks API
//     cannot tell apart. FIREDRILL_UI_TRACE=1 (or =file.json) traces V8 and the CPU profiler too,
//     prints the functions sampled most and keeps the trace (dist/bench/ui-trace.json).
//
// It measures what is built, not the sources: dist/cli.js (the server) and dist/renderer (the
// app). If either is missing it runs `npm run prepare` (which builds both) first; if both are
// there it uses them as they are, and prints when dist/renderer was built: run `npm run prepare`
// yourself first to measure the current sources. CHROMIUM_PATH overrides /usr/bin/chromium;
// FIREDRILL_UI_BENCH=load prints the start-up figures (1 and 2) only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type * as Playwright from 'playwright-core';
import type { Browser, Page, Response } from 'playwright-core';
import type { Plan } from '../engine/format/plan.js';
import { loadBundledLibrary } from '../host/library/load.js';
import { packageRoot } from '../host/library/bundled.js';
import { describeBusiest, rankScenarios, type ScenarioLoad } from './ui/busiest.js';
import { installProbes, type LongFrameRecord, type Probes } from './ui/probes.js';
import { startServe } from './ui/serve.js';
import { FULL_TRACE_CATEGORIES, LIGHT_TRACE_CATEGORIES, TraceReading, type MainTask } from './ui/trace.js';

// playwright-core finds its own files from __dirname, so it cannot go into the ESM bundle:
// it is loaded from node_modules at run time (esbuild leaves this require alone). `performance`
// is the global one throughout: the functions given to page.evaluate run in the page as written.
const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof Playwright;

const LOAD_RUNS = 5;
const JS_TARGET_BYTES = 150_000;
const PLAY_SPEED = 600;
const PLAY_WALL_MS = 60_000;
const LONG_TASK_MS = 50;

type Print = (line: string) => void;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const max = (values: number[]) => Math.max(...values);
const ms = (value: number) => `${value.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const sleep = (wait: number) => new Promise((done) => setTimeout(done, wait));

function ensureBuilt(root: string, print: Print): void {
  const needed = [join(root, 'dist/cli.js'), join(root, 'dist/renderer/index.html')];
  const missing = needed.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    print(`missing ${missing.map((file) => file.slice(root.length + 1)).join(' and ')}: running npm run prepare`);
    const built = spawnSync('npm', ['run', 'prepare'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0 || needed.some((file) => !existsSync(file))) throw new Error('npm run prepare failed: the app could not be built');
  } else {
    const builtAt = statSync(join(root, 'dist/renderer/index.html')).mtime;
    print(`measuring the existing build: dist/renderer built ${builtAt.toISOString()}, dist/cli.js ${statSync(needed[0]!).mtime.toISOString()} (npm run prepare rebuilds both)`);
  }
}

function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Resolves with the page's performance.now() once the library is interactive. */
async function libraryInteractive(page: Page, timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(() => {
    const heading = [...document.querySelectorAll('h1')].some((h1) => h1.textContent === 'Scenario library');
    const setUp = document.querySelector<HTMLButtonElement>('button[aria-label^="Set up "]');
    return heading && setUp && !setUp.disabled ? performance.now() : false;
  }, undefined, { polling: 'raf', timeout });
  return (await handle.jsonValue()) as number;
}

/** The same state as the people using it see it, by accessible names: the first click is possible. */
async function checkInteractive(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Scenario library', level: 1 }).waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: /^Set up / }).first().click({ trial: true, timeout: 10_000 });
}

interface LoadRun {
  serveMs: number;
  pageMs: number;
  totalMs: number;
  /** In the page, from navigation start. */
  domContentLoadedMs: number;
  interactiveMs: number;
  /** library.list sent -> its reply, as the socket's frames pass (this process's clock). */
  libraryListMs: number | null;
  /** The responses up to interactive, with their bodies (read while the page was open). */
  scripts: { url: string; body: Buffer }[];
  others: { type: string; bytes: number }[];
}

async function measureLoad(browser: Browser, root: string): Promise<LoadRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const responses: Response[] = [];
  let interactive = false;
  page.on('response', (response) => { if (!interactive) responses.push(response); });
  let listSentAt: number | undefined;
  let listRepliedAt: number | undefined;
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      if (listSentAt === undefined && String(payload).includes('"library.list"')) listSentAt = performance.now();
    });
    socket.on('framereceived', ({ payload }) => {
      if (listSentAt !== undefined && listRepliedAt === undefined && String(payload).startsWith('43')) listRepliedAt = performance.now();
    });
  });
  const served = await startServe(root);
  try {
    await page.goto(served.url, { waitUntil: 'commit' });
    const interactiveInPage = await libraryInteractive(page);
    const interactiveAt = performance.now();
    interactive = true;
    await checkInteractive(page);
    const domContentLoadedMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    const bodies = await Promise.all(responses.map((response) => response.body().catch(() => Buffer.alloc(0))));
    const loaded = responses.map((response, index) => ({ url: response.url(), type: response.request().resourceType(), body: bodies[index]! }));
    return {
      serveMs: served.urlAt - served.spawnedAt,
      pageMs: interactiveAt - served.urlAt,
      totalMs: interactiveAt - served.spawnedAt,
      domContentLoadedMs,
      interactiveMs: interactiveInPage,
      libraryListMs: listSentAt !== undefined && listRepliedAt !== undefined ? listRepliedAt - listSentAt : null,
      scripts: loaded.filter((one) => one.type === 'script').map(({ url, body }) => ({ url, body })),
      others: loaded.filter((one) => one.type !== 'script').map(({ type, body }) => ({ type, bytes: body.length })),
    };
  } finally {
    await context.close();
    await served.stop();
  }
}

function printJavaScript(run: LoadRun, print: Print): void {
  let raw = 0;
  let gzipped = 0;
  const files: string[] = [];
  for (const { url, body } of run.scripts) {
    const gz = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzipped += gz;
    files.push(`${new URL(url).pathname.replace(/^\//, '')} (${kb(body.length)} raw, ${kb(gz)} gzipped)`);
  }
  print(`initial JavaScript: ${run.scripts.length} script${run.scripts.length === 1 ? '' : 's'} loaded up to interactive: ${files.join('; ')}`);
  print(`initial JavaScript gzipped (zlib level 9): ${kb(gzipped)} (${gzipped} bytes; ${kb(raw)} raw): ${gzipped < JS_TARGET_BYTES ? 'PASS' : 'FAIL'} (target < ${kb(JS_TARGET_BYTES)})`);
  const others = new Map<string, { count: number; bytes: number }>();
  for (const { type, bytes } of run.others) {
    const entry = others.get(type) ?? { count: 0, bytes: 0 };
    others.set(type, { count: entry.count + 1, bytes: entry.bytes + bytes });
  }
  print(`also loaded up to interactive: ${[...others].map(([type, { count, bytes }]) => `${count} ${type} (${kb(bytes)} raw)`).join(', ')}`);
}

function printLoads(runs: LoadRun[], print: Print): void {
  const figure = (values: number[]) => `median ${ms(median(values))}, max ${ms(max(values))}`;
  print(`serve start -> library interactive (${runs.length} runs, fresh server, data folder and browser context each): ${figure(runs.map((run) => run.totalMs))}`);
  print(`  serve spawned -> address printed: ${figure(runs.map((run) => run.serveMs))}`);
  print(`  address printed -> library interactive: ${figure(runs.map((run) => run.pageMs))}`);
  print(`    in the page, navigation start -> DOMContentLoaded (HTML, CSS, JS loaded and run): ${figure(runs.map((run) => run.domContentLoadedMs))}`);
  const lists = runs.map((run) => run.libraryListMs).filter((value): value is number => value !== null);
  if (lists.length > 0) print(`    library.list sent -> its reply (the server reads and validates the library): ${figure(lists)}`);
  print(`    in the page, navigation start -> interactive: ${figure(runs.map((run) => run.interactiveMs))}`);
  print(`  runs (total ms): ${runs.map((run) => run.totalMs.toFixed(0)).join(', ')}`);
}

// --- 3. long tasks while a scenario plays at 600x ------------------------------------------------

interface Step {
  at: number;
  name: string;
  /** Resolves 'nothing to do' when the step found nothing to act on (no decision pending, say). */
  run: (page: Page) => Promise<void | 'nothing to do'>;
}

/** Shows a console panel by its tab (the panels share panes; the feed has a column of its own from 1500 px). */
async function showTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name: new RegExp(`^${name}( \\(\\d+\\))?$`) });
  if ((await tab.count()) > 0) await tab.click();
}

/** Clicks an action's Take button, opening its phase group first if it is closed (an action is taken once: a taken one is nothing to do). */
async function takeAction(page: Page, role: string, title: string): Promise<void | 'nothing to do'> {
  await page.getByRole('combobox', { name: 'Acting as' }).selectOption(role);
  await showTab(page, 'Actions');
  const button = page.getByRole('button', { name: `Take action: ${title}`, exact: true });
  if (!(await button.isVisible())) {
    await page.locator('details.phase-group', { has: page.locator(`button[aria-label="Take action: ${title.replaceAll('"', '\\"')}"]`) }).locator('summary').click();
  }
  if (await button.isDisabled()) return 'nothing to do';
  await button.click();
}

function playSteps(load: ScenarioLoad): Step[] {
  const { scenario, plan } = load;
  const effects = [...scenario.actionEffects].sort((a, b) => b.fires.length - a.fires.length);
  const actions = effects
    .map((effect) => plan.actions.find((action) => action.id === effect.action))
    .filter((action): action is Plan['actions'][number] => action !== undefined);
  const act = (index: number): Step['run'] => async (page) => {
    const action = actions[index % Math.max(1, actions.length)];
    if (action) return takeAction(page, action.roles[0]!, action.title);
  };
  const declare = (level: number): Step['run'] => async (page) => {
    await page.getByRole('combobox', { name: 'Acting as' }).selectOption(plan.severityDeclaredBy[0]!);
    await showTab(page, 'Severity');
    await page.getByRole('combobox', { name: 'Level' }).selectOption(String(level));
    await page.getByRole('button', { name: 'Declare severity' }).click();
  };
  const observe = (text: string): Step['run'] => async (page) => {
    await showTab(page, 'Observations');
    await page.getByRole('textbox', { name: 'Note' }).fill(text);
    await page.getByRole('button', { name: 'Note observation' }).click();
  };
  const answer: Step['run'] = async (page) => {
    await showTab(page, 'Decisions');
    const option = page.getByRole('region', { name: 'Pending decisions' }).getByRole('button').first();
    if (!(await option.isVisible())) return 'nothing to do';
    await option.click();
  };
  const release: Step['run'] = async (page) => {
    await showTab(page, 'MSEL');
    const button = page.getByRole('button', { name: /^Release .* now$/ }).first();
    if (!(await button.isVisible())) return 'nothing to do';
    await button.click();
  };
  const click = (name: string): Step['run'] => async (page) => {
    const button = page.getByRole('button', { name, exact: true });
    if (!(await button.isEnabled())) return 'nothing to do';
    await button.click();
  };
  return [
    { at: 2_000, name: `take action ${actions[0]?.id}`, run: act(0) },
    { at: 6_000, name: 'declare severity', run: declare(scenario.expectedSeverity) },
    { at: 10_000, name: 'note an observation', run: observe('The team split containment and evidence collection early.') },
    { at: 14_000, name: 'answer a pending decision', run: answer },
    { at: 18_000, name: `take action ${actions[1]?.id}`, run: act(1) },
    { at: 22_000, name: 'pause', run: click('Pause') },
    { at: 25_000, name: 'resume', run: click('Resume') },
    { at: 28_000, name: 'jump to the next event', run: click('Jump to next event') },
    { at: 32_000, name: 'release an inject from the MSEL', run: release },
    { at: 36_000, name: `take action ${actions[2]?.id}`, run: act(2) },
    { at: 42_000, name: 'answer a pending decision', run: answer },
    { at: 46_000, name: `take action ${actions[3]?.id}`, run: act(3) },
    { at: 50_000, name: 'note an observation', run: observe('Legal was told before the regulator deadline.') },
    { at: 54_000, name: `take action ${actions[4]?.id}`, run: act(4) },
  ];
}

interface UpdateFrame {
  view: { now: number; ended: { at: number; reason: string } | null };
}

function describeFrame(frame: LongFrameRecord, playStart: number): string {
  const scripts = [...frame.scripts].sort((a, b) => b.duration - a.duration).slice(0, 3).map((script) => {
    const source = script.sourceURL ? `${basename(new URL(script.sourceURL).pathname)}:${script.sourceCharPosition}` : 'no source';
    const name = script.sourceFunctionName ? ` ${script.sourceFunctionName}` : '';
    const forced = script.forcedStyleAndLayoutDuration > 0 ? `, forced style/layout ${ms(script.forcedStyleAndLayoutDuration)}` : '';
    return `${script.invokerType} "${script.invoker}"${name} at ${source}: ${ms(script.duration)}${forced}`;
  });
  return `${ms(frame.duration)} frame at +${((frame.start - playStart) / 1000).toFixed(1)} s (style+layout ${ms(frame.styleAndLayoutDuration)}, rendering ${ms(frame.renderDuration)}): ${scripts.join('; ') || 'no script'}`;
}

/** FIREDRILL_UI_TRACE=1 (or a file path): trace with V8 and the CPU profiler too, and keep the trace. */
function traceFile(root: string): string | undefined {
  const wanted = process.env.FIREDRILL_UI_TRACE;
  if (!wanted || wanted === '0') return undefined;
  return wanted === '1' ? join(root, 'dist/bench/ui-trace.json') : resolve(wanted);
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

/** A traced task and what took its time, on two lines. */
function printTask(reading: TraceReading, task: MainTask, label: string, print: Print): void {
  const { parts, hot } = reading.breakdown(task);
  const cpu = (value: number | null) => (value === null ? '' : `/${value.toFixed(1)}`);
  print(`  ${label}: ${ms(task.wall)} wall, ${task.cpu === null ? 'CPU unknown' : `${ms(task.cpu)} CPU`}; self time wall/CPU ms: ${parts.map((part) => `${part.what} ${part.wall.toFixed(1)}${cpu(part.cpu)}`).join('; ') || 'no traced event'}`);
  if (hot.length > 0) print(`    sampled most: ${hot.map((one) => `${one.what} ${one.ms.toFixed(1)} ms`).join('; ')}`);
}

async function measurePlay(browser: Browser, root: string, load: ScenarioLoad, print: Print): Promise<void> {
  const { scenario } = load;
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  let pushes = 0;
  let pushBytes = 0;
  let last: UpdateFrame | undefined;
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => {
    const text = String(payload);
    if (!text.startsWith('42["session.update"')) return;
    pushes++;
    pushBytes += text.length;
    last = (JSON.parse(text.slice(2)) as [string, UpdateFrame])[1];
  }));
  // The trace (light unless FIREDRILL_UI_TRACE) gives each task's CPU time next to its wall time.
  const tracePath = traceFile(root);
  await browser.startTracing(page, { categories: tracePath ? FULL_TRACE_CATEGORIES : LIGHT_TRACE_CATEGORIES });
  let tracing = true;
  const served = await startServe(root);
  try {
    await page.goto(served.url);
    await libraryInteractive(page);
    await page.getByRole('button', { name: `Set up ${scenario.title}`, exact: true }).click();
    await page.getByRole('heading', { name: `Set up: ${scenario.title}` }).waitFor();
    await page.getByRole('combobox', { name: 'Clock speed' }).selectOption(String(PLAY_SPEED));
    await page.getByRole('button', { name: 'Start the session' }).click();
    await page.waitForURL(/#\/session\/./);
    await page.getByRole('heading', { name: scenario.title, level: 1, exact: true }).waitFor();

    const { startTime: playStart } = await page.evaluate(() => performance.mark('bench:play').toJSON() as { startTime: number });
    const loadAtStart = loadavg();
    const pushesAtStart = pushes;
    const bytesAtStart = pushBytes;
    const started = performance.now();
    const windows: { name: string; from: number; to: number; error?: string; idle?: boolean }[] = [];
    for (const step of playSteps(load)) {
      const wait = started + step.at - performance.now();
      if (wait > 0) await sleep(wait);
      if (last?.view.ended) break;
      const from = await page.evaluate(() => performance.now());
      let error: string | undefined;
      let idle = false;
      try {
        idle = (await step.run(page)) === 'nothing to do';
      } catch (failure) {
        error = (failure as Error).message.split('\n')[0];
      }
      windows.push({ name: step.name, from, to: await page.evaluate(() => performance.now()), idle, ...(error ? { error } : {}) });
    }
    while (performance.now() - started < PLAY_WALL_MS && !last?.view.ended) await sleep(250);
    const playEnd = await page.evaluate(() => performance.now());
    const loadAtEnd = loadavg();
    const probes = await page.evaluate(() => (window as unknown as { __benchProbes: Probes }).__benchProbes);
    const trace = await browser.stopTracing();
    tracing = false;
    const reading = new TraceReading(trace, { name: 'bench:play', startTime: playStart });

    const played = (playEnd - playStart) / 1000;
    const inPlay = <T extends { start: number }>(items: T[]) => items.filter((item) => item.start >= playStart && item.start <= playEnd);
    const at = (start: number) => `${start >= playStart ? '+' : ''}${((start - playStart) / 1000).toFixed(1)} s`;
    const tasks = inPlay(probes.longTasks).filter((task) => task.duration > LONG_TASK_MS);
    const before = probes.longTasks.filter((task) => task.start < playStart && task.duration > LONG_TASK_MS);
    const stepAt = (start: number) => windows.find((window) => start >= window.from && start <= window.to);
    const duringSteps = tasks.filter((task) => stepAt(task.start));
    const commits = probes.commits.filter((time) => time >= playStart && time <= playEnd).length;
    const stepErrors = windows.filter((window) => window.error);
    const idleSteps = windows.filter((window) => window.idle);

    print(`played ${scenario.id} at ${PLAY_SPEED}x for ${played.toFixed(1)} wall s (simulated T+${((last?.view.now ?? 0) / 3_600_000).toFixed(2)} h${last?.view.ended ? `, ended: ${last.view.ended.reason}` : ', not ended'}); ${windows.length - stepErrors.length - idleSteps.length} of ${windows.length} UI steps done${idleSteps.length ? `, ${idleSteps.length} with nothing to do (${idleSteps.map((window) => window.name).join(', ')})` : ''}${stepErrors.length ? ` (${stepErrors.map((window) => `${window.name}: ${window.error}`).join('; ')})` : ''}`);
    print(`machine: ${cpus().length} CPUs, load average ${loadAtStart[0]!.toFixed(2)} at the start of the play, ${loadAtEnd[0]!.toFixed(2)} at its end (1 min)`);
    const updates = pushes - pushesAtStart;
    print(`session.update pushes: ${updates} (${(updates / played).toFixed(1)}/s, ${kb((pushBytes - bytesAtStart) / Math.max(1, updates))} each on average); React commits: ${commits} (${(commits / played).toFixed(1)}/s)`);
    const longest = tasks.length ? max(tasks.map((task) => task.duration)) : 0;
    print(`long tasks over ${LONG_TASK_MS} ms while playing: ${tasks.length} (longest ${ms(longest)}, total ${ms(tasks.reduce((sum, task) => sum + task.duration, 0))}; ${duringSteps.length} of them during the bench's own UI steps, ${tasks.length - duringSteps.length} between them): ${tasks.length === 0 ? 'PASS' : 'FAIL'} (target 0)`);

    // Wall time against CPU time: the task the trace has at each long task's place.
    const traced = tasks.map((task) => ({ task, main: reading.taskAt(task.start, task.duration) }));
    if (tasks.length > 0) {
      print(`  each (wall ms / main-thread CPU ms, when): ${traced.map(({ task, main }) => `${task.duration.toFixed(0)}/${main?.cpu?.toFixed(1) ?? '?'} at ${at(task.start)}${stepAt(task.start) ? ` (step: ${stepAt(task.start)!.name})` : ''}`).join(', ')}`);
      const known = traced.filter(({ main }) => main?.cpu !== null && main?.cpu !== undefined);
      const busy = known.filter(({ main }) => main!.cpu! > LONG_TASK_MS);
      print(`  with over ${LONG_TASK_MS} ms of CPU on the main thread: ${busy.length} of ${known.length} traced; the rest were long in wall time only: the thread was runnable but waiting for a CPU`);
    }
    for (const frame of inPlay(probes.longFrames).sort((a, b) => b.duration - a.duration).slice(0, 3)) print(`  long animation frame: ${describeFrame(frame, playStart)}`);

    const all = reading.tasks(playStart, playEnd);
    const cpuTimes = all.map((task) => task.cpu).filter((cpu): cpu is number => cpu !== null);
    if (cpuTimes.length > 0) {
      const total = cpuTimes.reduce((sum, cpu) => sum + cpu, 0);
      print(`main thread while playing: ${all.length} tasks; CPU per task median ${cpuTimes.length ? percentile(cpuTimes, 0.5).toFixed(2) : '?'} ms, p99 ${percentile(cpuTimes, 0.99).toFixed(1)} ms, max ${max(cpuTimes).toFixed(1)} ms; ${(total / played).toFixed(0)} ms of CPU per wall second`);
      const byCpu = [...all].sort((a, b) => (b.cpu ?? 0) - (a.cpu ?? 0)).slice(0, 3);
      for (const task of byCpu) printTask(reading, task, `task by CPU at ${at(task.start)}${stepAt(task.start) ? ` (step: ${stepAt(task.start)!.name})` : ''}`, print);
    }
    print(`long tasks over ${LONG_TASK_MS} ms before playing (library load, set-up, starting): ${before.length}${before.length ? ` (${before.map((task) => `${task.duration.toFixed(0)} ms/${reading.taskAt(task.start, task.duration)?.cpu?.toFixed(0) ?? '?'} ms CPU`).join(', ')})` : ''}`);
    const worstBefore = before.sort((a, b) => b.duration - a.duration)[0];
    const worstTask = worstBefore && reading.taskAt(worstBefore.start, worstBefore.duration);
    if (worstTask) printTask(reading, worstTask, `the longest before playing, at ${at(worstTask.start)}`, print);
    if (pageErrors.length > 0) print(`page errors: ${pageErrors.join('; ')}`);
    if (tracePath) {
      mkdirSync(dirname(tracePath), { recursive: true });
      writeFileSync(tracePath, trace);
      print(`trace written to ${tracePath} (${kb(trace.length)}; open it in Chrome DevTools' Performance panel)`);
    }
  } finally {
    if (tracing) await browser.stopTracing().catch(() => undefined);
    await context.close();
    await served.stop();
  }
}

export async function runUiBench(print: Print): Promise<void> {
  const root = packageRoot();
  ensureBuilt(root, print);
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: install Debian's chromium or set CHROMIUM_PATH`);
  const browser = await launch(executablePath);
  try {
    print(`browser: Chromium ${browser.version()}`);
    const runs: LoadRun[] = [];
    for (let i = 0; i < LOAD_RUNS; i++) runs.push(await measureLoad(browser, root));
    printLoads(runs, print);
    printJavaScript(runs[0]!, print);

    // FIREDRILL_UI_BENCH=load: the start-up figures only (to compare two builds quickly).
    if (process.env.FIREDRILL_UI_BENCH === 'load') return;
    const ranked = rankScenarios(loadBundledLibrary());
    print(describeBusiest(ranked));
    await measurePlay(browser, root, ranked[0]!, print);
  } finally {
    await browser.close();
  }
}

if (/ui\.[jt]s$/.test(process.argv[1] ?? '')) {
  runUiBench((line) => console.log(line)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
