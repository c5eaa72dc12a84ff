import { SingleBar } from 'cli-progress';

// A progress bar on the terminal for long work: many journals (history, after-action reports),
// many simulated drills.
// Drawn on stderr and only when stderr is a terminal: piped or captured output stays clean.

export interface Progress {
  /** One more item done; `label` names it (a session id). */
  tick(label: string): void;
  /** This many items done in all (for work counted in blocks: simulated runs). */
  update(done: number): void;
  stop(): void;
}

const SILENT: Progress = { tick: () => undefined, update: () => undefined, stop: () => undefined };

/** Below this many items the work is over before a bar could be read. */
const MIN_ITEMS = 3;

export function progressBar(what: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < MIN_ITEMS) return SILENT;
  const bar = new SingleBar({
    stream,
    format: `${what} [{bar}] {value}/{total} {label}`,
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    barCompleteChar: '#',
    barIncompleteChar: '-',
  });
  bar.start(total, 0, { label: '' });
  return {
    tick: (label) => bar.increment(1, { label }),
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
