import { CHART_COLORS, type ReportChartOption } from '../../engine/report/charts.js';
import type { Theme } from '../store/ui-slice.js';

// The report charts are drawn for paper (dark ink on white): the exports keep that look. On a
// dark screen the same options are redrawn with light ink on the page's own background.

/** The paper colours that would vanish on a dark background, and what they become there. */
const ON_DARK: Record<string, string> = {
  [CHART_COLORS.ink]: '#eef1f4',
  [CHART_COLORS.muted]: '#b3bcc6',
  [CHART_COLORS.grid]: '#38414c',
  [CHART_COLORS.target]: '#6b7785',
  [CHART_COLORS.session]: '#8f9bab',
  [CHART_COLORS.observation]: '#a3abb5',
  [CHART_COLORS.labelBackground]: 'rgba(16, 20, 24, 0.85)',
};

function recolour(value: unknown): unknown {
  if (typeof value === 'string') return ON_DARK[value] ?? value;
  if (Array.isArray(value)) return value.map(recolour);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, recolour(inner)]));
  return value;
}

/** The option for the theme on screen: as it is in light, recoloured with a transparent background in dark. */
export function themedChartOption(option: ReportChartOption, theme: Theme): ReportChartOption {
  if (theme === 'light') return option;
  return { ...(recolour(option) as ReportChartOption), backgroundColor: 'transparent' };
}
