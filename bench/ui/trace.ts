// Reads a Chrome trace (browser.startTracing / stopTracing) for what the renderer's main thread
// did: every task's wall time against the CPU time the thread really got (on a busy 2-core
// machine a task can last over 50 ms only because the thread was waiting for a CPU), and what
// took the time in a task (script by function, event dispatch, style, layout, paint, GC; and,
// with the CPU profiler's category, the functions sampled most).

/** Cheap enough to leave on while measuring: one event per task, plus DevTools' timeline events. */
export const LIGHT_TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing'];

/** For a closer look (FIREDRILL_UI_TRACE): V8, GC and the CPU profiler's samples too. */
export const FULL_TRACE_CATEGORIES = [
  ...LIGHT_TRACE_CATEGORIES,
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> & { cpuProfile?: CpuProfileChunk; timeDeltas?: number[] } };
}

interface CpuNode {
  id: number;
  callFrame?: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number };
}

interface CpuProfileChunk {
  nodes?: CpuNode[];
  samples?: number[];
}

/** One task of the page's main thread. Times in ms; start is page time (since navigation start). */
export interface MainTask {
  start: number;
  wall: number;
  /** CPU time the main thread got in the task, if the trace has it. */
  cpu: number | null;
}

export interface TaskPart {
  what: string;
  /** Self time: wall, and CPU when the trace has it. */
  wall: number;
  cpu: number | null;
}

const TASK = 'ThreadControllerImpl::RunTask';

const short = (url: unknown) => String(url ?? '').replace(/^.*\//, '').replace(/\?.*$/, '');

function describe(event: TraceEvent): string {
  const data = event.args?.data ?? {};
  switch (event.name) {
    case 'FunctionCall': return `FunctionCall ${String(data.functionName || '(anonymous)')} ${short(data.url)}:${String(data.lineNumber ?? '')}:${String(data.columnNumber ?? '')}`;
    case 'EventDispatch': return `EventDispatch ${String(data.type ?? '')}`;
    case 'TimerFire': return `TimerFire ${String(data.timerId ?? '')}`;
    case 'EvaluateScript': return `EvaluateScript ${short(data.url)}`;
    default: return event.name;
  }
}

export class TraceReading {
  private readonly offset: number;
  private readonly complete: TraceEvent[];
  private readonly runTasks: TraceEvent[];
  private readonly samples: { ts: number; what: string }[] = [];
  private readonly sampleMs: number;

  /** syncMark: a performance.mark made in the page while tracing, to line the two clocks up. */
  constructor(buffer: Buffer, syncMark: { name: string; startTime: number }) {
    const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    const mark = events.find((event) => event.name === syncMark.name && event.cat.includes('blink.user_timing'));
    if (!mark) throw new Error(`the trace has no "${syncMark.name}" mark`);
    this.offset = mark.ts - syncMark.startTime * 1000;
    // The mark is made on the page's main thread (CrRendererMain of its renderer process).
    this.complete = events.filter((event) => event.pid === mark.pid && event.tid === mark.tid && event.ph === 'X' && event.dur !== undefined);
    // A task of the thread: 'ThreadControllerImpl::RunTask' (toplevel), which the timeline's
    // 'RunTask' (disabled-by-default-devtools.timeline) wraps at the same time when both are on.
    this.runTasks = this.complete.filter((event) => event.name === TASK);

    const nodes = new Map<number, CpuNode>();
    const clocks = new Map<string, number>();
    for (const event of events) {
      if (event.pid !== mark.pid || !event.id) continue;
      if (event.name === 'Profile') clocks.set(event.id, Number(event.args?.data?.startTime ?? event.ts));
      if (event.name !== 'ProfileChunk') continue;
      const chunk = event.args?.data?.cpuProfile;
      for (const node of chunk?.nodes ?? []) nodes.set(node.id, node);
      let at = clocks.get(event.id) ?? event.ts;
      const deltas = event.args?.data?.timeDeltas ?? [];
      (chunk?.samples ?? []).forEach((id, index) => {
        at += deltas[index] ?? 0;
        const frame = nodes.get(id)?.callFrame;
        const what = frame ? `${frame.functionName || '(anonymous)'}${frame.url ? ` ${short(frame.url)}:${(frame.lineNumber ?? 0) + 1}:${(frame.columnNumber ?? 0) + 1}` : ''}` : '?';
        this.samples.push({ ts: at, what });
      });
      clocks.set(event.id, at);
    }
    this.samples.sort((a, b) => a.ts - b.ts);
    const span = this.samples.length > 1 ? this.samples[this.samples.length - 1]!.ts - this.samples[0]!.ts : 0;
    this.sampleMs = this.samples.length > 1 ? span / (this.samples.length - 1) / 1000 : 0;
  }

  private task(event: TraceEvent): MainTask {
    return { start: (event.ts - this.offset) / 1000, wall: event.dur! / 1000, cpu: event.tdur !== undefined ? event.tdur / 1000 : null };
  }

  /** The main thread's tasks that started between two page times (ms). */
  tasks(from: number, to: number): MainTask[] {
    const low = this.offset + from * 1000;
    const high = this.offset + to * 1000;
    return this.runTasks.filter((event) => event.ts >= low && event.ts <= high).map((event) => this.task(event));
  }

  private runTaskAt(start: number, duration: number): TraceEvent | undefined {
    const from = this.offset + start * 1000;
    const to = from + duration * 1000;
    return this.runTasks.filter((event) => event.ts < to && event.ts + event.dur! > from).sort((a, b) => b.dur! - a.dur!)[0];
  }

  /** The traced task behind a long task the page observed (its start and duration in page ms). */
  taskAt(start: number, duration: number): MainTask | undefined {
    const event = this.runTaskAt(start, duration);
    return event && this.task(event);
  }

  /** What took the time in a task: the biggest events by self time, and the hottest sampled functions. */
  breakdown(task: MainTask): { parts: TaskPart[]; hot: { what: string; ms: number }[] } {
    const from = this.offset + task.start * 1000;
    const to = from + task.wall * 1000;
    const inside = this.complete
      .filter((event) => event.ts >= from && event.ts + event.dur! <= to + 1 && !((event.name === TASK || event.name === 'RunTask') && Math.abs(event.ts - from) < 1))
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<TraceEvent, { wall: number; cpu: number | null }>();
    const stack: TraceEvent[] = [];
    for (const event of inside) {
      while (stack.length && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur! <= event.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) {
        const own = self.get(parent)!;
        self.set(parent, { wall: own.wall - event.dur!, cpu: own.cpu !== null && event.tdur !== undefined ? own.cpu - event.tdur : own.cpu });
      }
      self.set(event, { wall: event.dur!, cpu: event.tdur ?? null });
      stack.push(event);
    }
    const byWhat = new Map<string, { wall: number; cpu: number | null }>();
    for (const [event, own] of self) {
      const what = describe(event);
      const sum = byWhat.get(what);
      byWhat.set(what, sum ? { wall: sum.wall + own.wall, cpu: sum.cpu !== null && own.cpu !== null ? sum.cpu + own.cpu : null } : own);
    }
    const parts = [...byWhat]
      .map(([what, own]) => ({ what, wall: own.wall / 1000, cpu: own.cpu === null ? null : own.cpu / 1000 }))
      .filter((part) => (part.cpu ?? part.wall) >= 0.5)
      .sort((a, b) => (b.cpu ?? b.wall) - (a.cpu ?? a.wall))
      .slice(0, 8);
    const hotMap = new Map<string, number>();
    for (const sample of this.samples) {
      if (sample.ts >= from && sample.ts <= to) hotMap.set(sample.what, (hotMap.get(sample.what) ?? 0) + this.sampleMs);
    }
    const hot = [...hotMap].map(([what, ms]) => ({ what, ms })).sort((a, b) => b.ms - a.ms).slice(0, 8);
    return { parts, hot };
  }
}
