import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../engine/protocol/messages.js';

// msel.import names the file it carries: every name the MSEL reader reads (Excel's Unicode Text
// is a .txt, a tab-separated sheet a .tsv, a macro workbook an .xlsm) passes the protocol, so the
// reader, not the message check, says what is in it.

const mselImport = (fileName: string) => parseRequest({ id: 1, type: 'msel.import', params: { fileName, base64: '', planId: 'cloud-cirp' } });

describe('msel.import file names', () => {
  it.each(['sheet.csv', 'unicode.txt', 'sheet.tsv', 'workbook.xlsx', 'macros.XLSM'])('%s is sent to the reader', (fileName) => {
    expect(mselImport(fileName)).toMatchObject({ ok: true });
  });

  it.each(['old.xls', 'folder/sheet.csv', 'notes.md'])('%s is refused at the protocol', (fileName) => {
    expect(mselImport(fileName)).toMatchObject({ ok: false, reply: { error: { code: 'bad-request' } } });
  });
});
