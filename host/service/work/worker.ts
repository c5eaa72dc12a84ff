// The entry of a host worker thread (bundled as firedrill-worker.js beside every serving bundle).
import { setPriority } from 'node:os';
import { serveTasks } from './serve-tasks.js';
import { hostTasks } from './tasks.js';

/** How much the workers yield the CPU: on a busy machine the thread serving clients comes first. */
const WORKER_NICE = 10;

// On Linux a thread's nice value is its own (elsewhere it is the whole process's: left alone).
if (process.platform === 'linux') {
  try {
    setPriority(WORKER_NICE);
  } catch {
    // Not allowed here: the worker runs at the process's priority.
  }
}

serveTasks(hostTasks);
