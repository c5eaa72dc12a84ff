import { describe, expect, it } from 'vitest';
import { CHART_COLORS, timelineChartOption } from '../../engine/report/charts.js';
import { scoreSession } from '../../engine/scoring/score.js';
import { themedChartOption } from '../../renderer/views/chart-theme.js';
import { MIN, startSession, tinyWorld } from '../helpers/world.js';

// The report charts are drawn for paper; on a dark screen they must not stay dark ink on white (bug 9).
describe('the charts on screen', () => {
  const session = startSession(tinyWorld(), { speed: 60 });
  session.advanceTo(50 * MIN);
  const option = timelineChartOption(scoreSession(session));
  const text = (value: unknown) => JSON.stringify(value);

  it('keep the exports\' look in the light theme', () => {
    expect(themedChartOption(option, 'light')).toBe(option);
  });

  it('take light ink and a transparent background in the dark theme, the data colours unchanged', () => {
    const dark = themedChartOption(option, 'dark');
    expect(dark.backgroundColor).toBe('transparent');
    for (const paperInk of [CHART_COLORS.ink, CHART_COLORS.muted, CHART_COLORS.grid]) expect(text(dark)).not.toContain(paperInk);
    expect(text(dark)).toContain(CHART_COLORS.inject);
    expect(text(option)).toContain(CHART_COLORS.ink);
  });
});
