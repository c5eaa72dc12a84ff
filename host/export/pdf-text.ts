// PDFKit's built-in Helvetica (a standard PDF font, so nothing is embedded and nothing is
// downloaded) covers the Windows-1252 characters only. Text outside them is spelled out in
// ASCII where there is a usual spelling, and shown as "?" otherwise, never as a blank box.

const SPELLED: Record<string, string> = {
  '−': '-', '‐': '-', '‑': '-', '→': '->', '←': '<-', '⇒': '=>', '≥': '>=', '≤': '<=', '≠': '!=', '≈': '~',
  '✓': 'v', '✔': 'v', '✗': 'x', '✘': 'x', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u200b': '',
};

// The Windows-1252 code points above Latin-1's printable range that are not Latin-1 themselves.
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const printable = (ch: string) => {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch) || ch === '\n';
};

/** The text as the standard Helvetica font can show it. */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\t/g, ' ').replace(/\r\n?/g, '\n')) out += printable(ch) ? ch : SPELLED[ch] ?? '?';
  return out;
}
