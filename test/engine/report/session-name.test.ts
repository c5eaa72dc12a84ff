import { describe, expect, it } from 'vitest';
import { afterActionReport } from '../../../engine/report/aar.js';
import { aarDocument } from '../../../engine/report/aar-document.js';
import { documentToMarkdown } from '../../../engine/report/document-markdown.js';
import { scorecardDocument } from '../../../engine/report/scorecard-document.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import { end, loadMini, MIN, sessionFrom } from '../../helpers/world.js';

// The name a facilitator gives a session ("Board tabletop, blue team") is how the Sessions list
// and the History know it: the scorecard and the after-action report name it too, beside its id.

const NAME = 'Board tabletop, blue team';
const named = () => sessionFrom(loadMini(), [{ at: 0, by: 'facilitator', input: { type: 'session.renamed', name: NAME } }, end(30 * MIN)]);

describe('a named session in its reports', () => {
  it('is named in the scorecard, its subtitle and the after-action report, with its id', () => {
    const card = scoreSession(named());
    expect(card.sessionName).toBe(NAME);
    const subtitle = scorecardDocument(card).subtitle;
    expect(subtitle).toContain(`session "${NAME}" (${card.sessionId})`);
    const report = documentToMarkdown(aarDocument(afterActionReport([card]), [card]));
    expect(report).toContain(`"${NAME}" (${card.sessionId})`);
  });

  it('is named by its id alone when it was given no name, and the scorecard carries no name', () => {
    const card = scoreSession(sessionFrom(loadMini(), [end(30 * MIN)]));
    expect(card).not.toHaveProperty('sessionName');
    expect(scorecardDocument(card).subtitle).toContain(`session ${card.sessionId} ·`);
  });
});
