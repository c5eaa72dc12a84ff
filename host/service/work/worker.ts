// The entry of a host worker thread (bundled as firedrill-worker.js beside every serving bundle).
import { serveTasks } from './serve-tasks.js';
import { hostTasks } from './tasks.js';

serveTasks(hostTasks);
