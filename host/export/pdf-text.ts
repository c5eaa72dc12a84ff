// PDFKit's built-in Helvetica (a standard PDF font, so nothing is embedded and nothing is
// downloaded) covers the Windows-1252 characters only. Text outside them is spelled out in
// ASCII where there is a usual spelling, and shown as "?" otherwise, never as a blank box.

const SPELLED: Record<string, string> = {
  '−': '-', '‐': '-', '‑': '-', '→': '->', '←': '<-', '⇒': '=>', '≥': '>=', '≤': '<=', '≠': '!=', '≈': '~',
  '✓': 'v', '✔': 'v', '✗': 'x', '✘': 'x', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u200b': '',
};

// What Helvetica cannot show: outside printable ASCII and Latin-1, and not one of the
// Windows-1252 code points above Latin-1's printable range. One regular expression over the
// text, not a string built character by character (a 1 MB text spent seconds collecting garbage).
const NOT_PRINTABLE = /[^\n\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/gu;

/** The text as the standard Helvetica font can show it. */
export function pdfText(text: string): string {
  return text.replace(/\t/g, ' ').replace(/\r\n?/g, '\n').replace(NOT_PRINTABLE, (ch) => SPELLED[ch] ?? '?');
}

/**
 * The text with every word wider than `width` cut into pieces that fit, one per line. PDFKit
 * cuts such a word itself, but measures the whole rest of the word again after each piece:
 * quadratic in the word's length (a title of 100,000 "A"s took 38 s). Here each character is
 * measured once (`charWidth`, cached per character), so any text costs time in proportion to
 * its length. `widest` bounds any one character's width: a word shorter than width / widest
 * fits without being measured.
 */
export function breakLongWords(text: string, width: number, charWidth: (ch: string) => number, widest: number): string {
  const shortest = Math.floor(width / widest);
  // Kerning may make a word a little narrower than its characters' sum, never much wider: a small
  // margin keeps each piece inside the line.
  const room = width * 0.97;
  const widths = new Map<string, number>();
  const measure = (ch: string) => {
    let w = widths.get(ch);
    if (w === undefined) widths.set(ch, (w = charWidth(ch)));
    return w;
  };
  return text.replace(/[^\s]+/g, (word) => {
    if (word.length <= shortest) return word;
    const pieces: string[] = [];
    let start = 0;
    let used = 0;
    for (let i = 0; i < word.length; i++) {
      const w = measure(word[i]!);
      if (used + w > room && i > start) {
        pieces.push(word.slice(start, i));
        start = i;
        used = 0;
      }
      used += w;
    }
    pieces.push(word.slice(start));
    return pieces.join('\n');
  });
}
