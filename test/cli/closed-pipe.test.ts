import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { stopQuietlyOnClosedPipe } from '../../host/cli/closed-pipe.js';

// `firedrill list | head`: the reader closing the pipe ends the command quietly, not with a stack.

describe('a closed output pipe', () => {
  it('stops the command with exit code 0 when the reader has gone (EPIPE)', () => {
    const stdout = new EventEmitter();
    const exits: number[] = [];
    stopQuietlyOnClosedPipe(stdout, (code) => exits.push(code));
    stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exits).toEqual([0]);
  });

  it('leaves any other error on the stream to fail as it would', () => {
    const stdout = new EventEmitter();
    const exits: number[] = [];
    stopQuietlyOnClosedPipe(stdout, (code) => exits.push(code));
    expect(() => stdout.emit('error', Object.assign(new Error('write ENOSPC'), { code: 'ENOSPC' }))).toThrow('ENOSPC');
    expect(exits).toEqual([]);
  });
});
