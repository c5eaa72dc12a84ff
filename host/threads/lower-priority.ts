import { setPriority } from 'node:os';

/** How much a worker yields the CPU: on a busy machine the thread serving clients comes first. */
const WORKER_NICE = 10;

/** Lowers the calling worker thread's priority. On Linux a thread's nice value is its own (elsewhere it is the whole process's: left alone). */
export function lowerWorkerPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(WORKER_NICE);
  } catch {
    // Not allowed here: the worker runs at the process's priority.
  }
}
