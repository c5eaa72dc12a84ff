import { describe, expect, it } from 'vitest';
import { documentToMarkdown, markdownText } from '../../../engine/report/document-markdown.js';
import type { ReportDocument } from '../../../engine/report/document.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import { exportAar } from '../../../host/export/aar-export.js';
import { exportScorecard } from '../../../host/export/scorecard-export.js';
import { act, MIN, miniVariant, sessionFrom } from '../../helpers/world.js';

// The Markdown export passed raw HTML (<script>) and links (javascript:) through from titles and
// observations; a wiki or ticket that renders it would run or offer them. Text now goes through
// markdownText: every character still shows, as text.

const SCRIPT = '<script>alert(document.cookie)</script>';
const LINK = '[click me](javascript:alert(1))';
const AUTOLINK = '<javascript:alert(1)>';
const IMAGE = '![x](https://tracker.example/pixel.png)';

/** Markdown constructs that become HTML, links or images when rendered. */
const LIVE = [/(?<!\\)<script/i, /(?<!\\)\[[^\]]*(?<!\\)\]\(/, /(?<!\\)<javascript:/i, /(?<!\\)!(?<!\\)\[/, /(?<!\\)<(?!br>)\/?[a-z]/i]; // <br> is Firedrill's own line break in a table cell

describe('markdownText', () => {
  it.each([
    [SCRIPT, '\\<script\\>alert(document.cookie)\\</script\\>'],
    [LINK, '\\[click me\\](javascript:alert(1))'],
    [AUTOLINK, '\\<javascript:alert(1)\\>'],
    ['*bold* _em_ `code` a|b ~~x~~ back\\slash', '\\*bold\\* \\_em\\_ \\`code\\` a\\|b \\~\\~x\\~\\~ back\\\\slash'],
    ['# not a heading\n- not a list\n> not a quote\n1. not a number\n---', '\\# not a heading\n\\- not a list\n\\> not a quote\n1\\. not a number\n\\---'],
    ['Plain words: T+0:15, 40% & done.', 'Plain words: T+0:15, 40% & done.'],
  ])('%j', (text, escaped) => {
    expect(markdownText(text)).toBe(escaped);
  });
});

describe('every Markdown export', () => {
  const world = miniVariant((raw) => {
    raw.title = `Leak ${SCRIPT}`;
    (raw.injects as { title: string }[])[0]!.title = LINK;
  });
  const card = scoreSession(sessionFrom(world, [
    act(MIN, 'cloud-security-analyst', 'triage-alert'),
    { at: 2 * MIN, by: 'facilitator', input: { type: 'observation.noted', text: `${AUTOLINK} ${IMAGE}\n# heading?`, tag: 'improvement' } },
    { at: 3 * MIN, by: 'facilitator', input: { type: 'session.ended' } },
  ]));

  /** Nothing live, and the hostile texts still shown (escaped). */
  const expectInert = (markdown: string, shown = ['\\<script\\>', '\\[click me\\](javascript:alert(1))']) => {
    for (const live of LIVE) expect(markdown, String(live)).not.toMatch(live);
    for (const text of shown) expect(markdown).toContain(text);
  };

  it('the scorecard', async () => {
    expectInert((await exportScorecard(card, 'md')).toString('utf8'));
  });

  it('the after-action report, with the names given for it', async () => {
    expectInert((await exportAar([card], 'md', { name: `AAR ${IMAGE}`, pointOfContact: SCRIPT })).toString('utf8'), ['\\<script\\>', 'AAR !\\[x\\](https://tracker.example/pixel.png)']);
  });

  it('every kind of block', () => {
    const report: ReportDocument = {
      kind: SCRIPT, title: LINK, subtitle: AUTOLINK, footer: IMAGE,
      blocks: [
        { type: 'heading', level: 2, text: SCRIPT },
        { type: 'paragraph', text: LINK },
        { type: 'paragraph', text: SCRIPT, style: 'note' },
        { type: 'facts', title: IMAGE, items: [{ label: SCRIPT, value: LINK }] },
        { type: 'table', columns: [{ header: SCRIPT, width: 1 }], rows: [[{ text: `${LINK}\n${AUTOLINK}`, tone: 'bad' }]], definition: IMAGE },
        { type: 'table', columns: [{ header: 'x', width: 1 }], rows: [], empty: SCRIPT },
        { type: 'bullets', items: [AUTOLINK, { text: SCRIPT }] },
      ],
    };
    expectInert(documentToMarkdown(report));
  });
});
