import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { saveDialogOptions } from '../../electron/main/save-dialog.js';

// The desktop app's Save dialog never replaces a file without asking: Windows and macOS ask by
// themselves, Linux's dialog only when told to.

describe('the Save dialog', () => {
  it('asks before replacing a file of the same name, on every system', () => {
    expect(saveDialogOptions('/home/ana/Documents', 'report.json').properties).toContain('showOverwriteConfirmation');
    expect(saveDialogOptions('/home/ana/Documents', 'report.pdf', [{ name: 'PDF', extensions: ['pdf'] }]).properties).toContain('showOverwriteConfirmation');
  });

  it('offers the documents folder and the suggested name, never a folder the page names', () => {
    expect(saveDialogOptions('/home/ana/Documents', '../../etc/report.json').defaultPath).toBe(join('/home/ana/Documents', 'report.json'));
    expect(saveDialogOptions('/d', 'r.pdf', [{ name: 'PDF', extensions: ['pdf'] }]).filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
  });
});
