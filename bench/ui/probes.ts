// What the bench installs in the page before any of the app's scripts run (page.addInitScript):
// observers of long tasks and long animation frames (buffered, so nothing before the observer is
// lost), and a minimal React DevTools hook that counts React commits (react-dom calls
// onCommitFiberRoot on every commit, production build included, when the hook exists).
// installProbes is serialized into the page: it must not use anything from outside itself.

export interface LongTaskRecord {
  start: number;
  duration: number;
}

export interface FrameScript {
  invoker: string;
  invokerType: string;
  sourceURL: string;
  sourceFunctionName: string;
  sourceCharPosition: number;
  duration: number;
  forcedStyleAndLayoutDuration: number;
}

/** A long animation frame (over 50 ms) and what ran in it. */
export interface LongFrameRecord {
  start: number;
  duration: number;
  blockingDuration: number;
  /** Time spent in rendering (rAF callbacks, style, layout, paint) at the end of the frame. */
  renderDuration: number;
  styleAndLayoutDuration: number;
  scripts: FrameScript[];
}

export interface Probes {
  longTasks: LongTaskRecord[];
  longFrames: LongFrameRecord[];
  /** performance.now() of every React commit. */
  commits: number[];
}

export function installProbes(): void {
  const probes: Probes = { longTasks: [], longFrames: [], commits: [] };
  (window as unknown as { __benchProbes: Probes }).__benchProbes = probes;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the figures say so (no observer, no entries).
  }
  interface ScriptTiming { invoker: string; invokerType: string; sourceURL: string; sourceFunctionName: string; sourceCharPosition: number; duration: number; forcedStyleAndLayoutDuration: number }
  interface FrameTiming { startTime: number; duration: number; blockingDuration: number; renderStart: number; styleAndLayoutStart: number; scripts: ScriptTiming[] }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as FrameTiming[]) {
        const end = entry.startTime + entry.duration;
        probes.longFrames.push({
          start: entry.startTime,
          duration: entry.duration,
          blockingDuration: entry.blockingDuration,
          renderDuration: entry.renderStart > 0 ? end - entry.renderStart : 0,
          styleAndLayoutDuration: entry.styleAndLayoutStart > 0 ? end - entry.styleAndLayoutStart : 0,
          scripts: entry.scripts.map((script) => ({
            invoker: script.invoker,
            invokerType: script.invokerType,
            sourceURL: script.sourceURL,
            sourceFunctionName: script.sourceFunctionName,
            sourceCharPosition: script.sourceCharPosition,
            duration: script.duration,
            forcedStyleAndLayoutDuration: script.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No Long Animation Frames API (Chromium before 123).
  }
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: object }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberRoot: () => void probes.commits.push(performance.now()),
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
  };
}
