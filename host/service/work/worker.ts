// The entry of a host worker thread (bundled as firedrill-worker.js beside every serving bundle).
import { lowerWorkerPriority } from '../../threads/lower-priority.js';
import { serveTasks } from './serve-tasks.js';
import { hostTasks } from './tasks.js';

lowerWorkerPriority();
serveTasks(hostTasks);
