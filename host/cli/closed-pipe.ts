import type { EventEmitter } from 'node:events';

/**
 * Output piped into a reader that stops early (`firedrill list | head`) closes the pipe under
 * the command: Node then raises EPIPE on stdout, by default as an uncaught error with a stack.
 * The reader has what it wanted, so the command stops there, quietly, as Unix tools do.
 * Any other error on the stream is left to fail as it would.
 */
export function stopQuietlyOnClosedPipe(stream: EventEmitter, exit: (code: number) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(0);
    else throw error;
  });
}
