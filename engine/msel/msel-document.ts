import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import type { Block, ReportDocument } from '../report/document.js';
import { idWords, providersText } from '../report/figures.js';
import { mselTable } from './export-msel.js';
import { formatTPlus } from './msel-time.js';
import { conditionWords } from './trigger-text.js';
import type { Condition } from '../format/condition.js';

// The controllers' MSEL as a printable handout: the scenario's facts, then every inject in
// order with when it is delivered (a time, or its trigger), to whom, how, what it says, the
// response expected and the notes for the controller. Drawn by the report renderers (PDF).

export function mselDocument(scenario: Scenario, plan: Plan): ReportDocument {
  const table = mselTable(scenario, plan);
  const index = new Map(table.columns.map((c, i) => [c.header, i]));
  const actionTitle = new Map(plan.actions.map((action) => [action.id, action.title]));
  const blocks: Block[] = [
    {
      type: 'facts',
      items: [
        { label: 'Plan', value: `${plan.title} (${plan.id})` },
        { label: 'Threat', value: idWords(scenario.threat) },
        { label: 'Clouds', value: providersText(scenario.providers) },
        { label: 'Starts (T+0)', value: scenario.startsAt },
        { label: 'Expected severity', value: `${scenario.expectedSeverity}` },
        { label: 'Time limit', value: formatTPlus(scenario.end.timeLimit) },
        { label: 'Injects', value: String(scenario.injects.length) },
      ],
    },
    { type: 'paragraph', style: 'note', text: 'For controllers and facilitators only: it holds what the players must not see before it is delivered. Times are simulated time from T+0; a triggered inject is delivered when its trigger holds (after its delay), a contingency inject is skipped when its "unless" holds.' },
    {
      type: 'table',
      columns: [
        { header: '#', width: 0.8 },
        { header: 'When', width: 2.2 },
        { header: 'To / how', width: 1.8 },
        { header: 'Inject', width: 5.4 },
        { header: 'Expected response', width: 2.4 },
      ],
      rows: table.rows.map((row, position) => {
        const cell = (header: string) => row[index.get(header)!] ?? '';
        const inject = scenario.injects[position]!;
        const words = (condition: Condition) => conditionWords(condition, { action: (id) => actionTitle.get(id) ?? id });
        return [
          { text: cell('Event #'), bold: true },
          [cell('Scenario Time') || (inject.when ? `when ${words(inject.when)}` : ''), cell('Delay') && `after ${cell('Delay')}`, inject.unless ? `unless ${words(inject.unless)}` : ''].filter(Boolean).join('\n'),
          [cell('To'), cell('Inject Mode'), cell('From') && `from ${cell('From')}`].filter(Boolean).join('\n'),
          [cell('Title'), cell('Message'), cell('Notes') && `Controller notes: ${cell('Notes')}`, cell('Event Type') === 'Contingency inject' ? '(contingency inject)' : ''].filter(Boolean).join('\n\n'),
          cell('Expected Participant Response').replace(/; /g, '\n') || { text: '—', tone: 'muted' as const },
        ];
      }),
    },
  ];
  return {
    kind: 'Master scenario events list (MSEL)',
    title: scenario.title,
    subtitle: `${plan.title} · threat: ${idWords(scenario.threat)} · ${scenario.injects.length} injects · controllers' handout`,
    footer: `MSEL of scenario ${scenario.id} · for controllers only`,
    blocks,
  };
}
