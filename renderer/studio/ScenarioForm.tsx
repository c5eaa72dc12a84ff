import { useState } from 'react';
import * as Tabs from '@radix-ui/react-tabs';
import type { Plan } from '../../engine/format/plan.js';
import { CHANNELS } from '../../engine/format/scenario.js';
import { parseDuration } from '../../engine/format/duration.js';
import { clockText } from '../../engine/format/time-text.js';
import { ARTIFACT_TEMPLATES } from '../../engine/studio/artifact-templates.js';
import type { DraftEdit } from '../../engine/studio/draft-edit.js';
import { freeId } from '../../engine/studio/starting-points.js';
import { CHANNEL_LABELS } from '../../engine/msel/match-plan.js';
import { ConditionField, MILESTONES, type ConditionChoices } from './ConditionField.js';
import { CheckField, docs, DurationField, IdListField, isDoc, ItemCard, SelectField, text, TextField, texts, type Choice, type Doc } from './fields.js';
import { atOf, InjectTimeline } from './InjectTimeline.js';

// The scenario as a form: its facts, objectives, injects on a timeline with their triggers,
// channels and artifacts, decisions with their options, and the milestones. Ids of the plan
// (roles, actions, playbooks) are picked from the plan the scenario is written for.

interface FormProps {
  value: Doc;
  plan: Plan | undefined;
  edit: (edits: DraftEdit[]) => void;
}

const CHANNEL_CHOICES: Choice[] = CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }));
const QUALITIES: Choice[] = [
  { value: 'best', label: 'Best (full credit)' },
  { value: 'acceptable', label: 'Acceptable (part credit)' },
  { value: 'poor', label: 'Poor (no credit)' },
  { value: 'harmful', label: 'Harmful (counts against)' },
];
const DIFFICULTIES: Choice[] = ['introductory', 'intermediate', 'advanced'].map((difficulty) => ({ value: difficulty, label: difficulty }));
const PROVIDERS: Choice[] = [{ value: 'aws', label: 'AWS' }, { value: 'azure', label: 'Azure' }, { value: 'gcp', label: 'Google Cloud' }];

function planChoices(plan: Plan | undefined) {
  return {
    roles: (plan?.roles ?? []).map((role) => ({ value: role.id, label: role.title })),
    actions: (plan?.actions ?? []).map((action) => ({ value: action.id, label: action.title })),
    threats: (plan?.playbooks ?? []).map((playbook) => ({ value: playbook.threat, label: playbook.title })),
    levels: (plan?.severityLevels ?? []).map((level) => ({ value: String(level.level), label: `Sev ${level.level}: ${level.name}` })),
    duties: (plan?.duties ?? []).map((duty) => ({ value: duty.id, label: duty.title })),
  };
}

function conditionChoices(value: Doc, plan: Plan | undefined): ConditionChoices {
  return {
    action: planChoices(plan).actions,
    milestone: MILESTONES,
    inject: docs(value.injects).map((inject) => ({ value: text(inject.id), label: `${text(inject.id)}: ${text(inject.title)}` })),
    decision: docs(value.decisions).map((decision) => ({ value: text(decision.id), label: `${text(decision.id)}: ${text(decision.prompt).slice(0, 60)}` })),
    severityDeclared: [{ value: 'any', label: 'any severity' }, ...planChoices(plan).levels],
  };
}

/** `at` a time, or `when` a condition holds (and `delay` after it): for an inject or a decision. */
function TimingFields({ item, path, value, plan, edit }: { item: Doc; path: (string | number)[]; value: Doc; plan: Plan | undefined; edit: (edits: DraftEdit[]) => void }) {
  const onTrigger = item.when !== undefined;
  const choices = conditionChoices(value, plan);
  return (
    <div className="timing">
      <fieldset className="radio-row">
        <legend>When it comes</legend>
        <label className="field inline"><input type="radio" name={`${path.join('-')}-timing`} checked={!onTrigger} onChange={() => edit([{ op: 'set', path: [...path, 'when'], value: undefined }, { op: 'set', path: [...path, 'delay'], value: undefined }, { op: 'set', path: [...path, 'at'], value: '0m' }])} /> <span>At a time</span></label>
        <label className="field inline"><input type="radio" name={`${path.join('-')}-timing`} checked={onTrigger} onChange={() => edit([{ op: 'set', path: [...path, 'at'], value: undefined }, { op: 'set', path: [...path, 'when'], value: { action: choices.action[0]?.value ?? '' } }])} /> <span>On a trigger</span></label>
      </fieldset>
      {onTrigger ? (
        <div className="field-row">
          <ConditionField label="Trigger" value={item.when} choices={choices} onChange={(condition) => edit([{ op: 'set', path: [...path, 'when'], value: condition }])} />
          <DurationField label="Delay after the trigger" value={item.delay} onChange={(next) => edit([{ op: 'set', path: [...path, 'delay'], value: next === '' ? undefined : next }])} />
        </div>
      ) : (
        <DurationField label="Time from T+0" value={item.at} onChange={(next) => edit([{ op: 'set', path: [...path, 'at'], value: next }])} />
      )}
    </div>
  );
}

function InjectsSection({ value, plan, edit }: FormProps) {
  const [open, setOpen] = useState<number | null>(null);
  const [template, setTemplate] = useState(ARTIFACT_TEMPLATES[0]!.id);
  const injects = docs(value.injects);
  const choices = planChoices(plan);
  const timeLimit = parseDuration(text((value.end as Doc | undefined)?.timeLimit)) ?? 2 * 3_600_000;
  const startsAt = text(value.startsAt);
  const add = () => {
    const last = Math.max(0, ...injects.map((inject) => atOf(inject) ?? 0));
    const id = freeId(`INJ-${String(injects.length + 1).padStart(2, '0')}`, injects.map((inject) => text(inject.id)));
    edit([{ op: 'insert', path: ['injects'], value: { id, title: 'New inject', at: `${Math.round(last / 60_000) + 10}m`, to: [choices.roles[0]?.value ?? ''], channel: 'email', from: 'Someone', body: 'What the players read.' } }]);
    setOpen(injects.length);
  };
  return (
    <section aria-label="Injects">
      <InjectTimeline injects={value.injects} timeLimit={timeLimit} onRetime={(index, at) => edit([{ op: 'set', path: ['injects', index, 'at'], value: at }])} />
      {injects.map((inject, index) => {
        const path = ['injects', index];
        const set = (field: string, next: unknown) => edit([{ op: 'set', path: [...path, field], value: next }]);
        const at = atOf(inject);
        const artifacts = docs(inject.artifacts);
        const addArtifact = () => {
          const chosen = ARTIFACT_TEMPLATES.find((candidate) => candidate.id === template)!;
          const moment = Date.parse(startsAt) + (at ?? 0);
          edit([{ op: 'insert', path: [...path, 'artifacts'], value: chosen.build(Number.isNaN(moment) ? '2025-01-01T00:00:00Z' : new Date(moment).toISOString()) }]);
        };
        const when = at !== undefined ? clockText(at) : 'on a trigger';
        return (
          <ItemCard key={index} title={`${text(inject.id)} · ${when} · ${text(inject.title)}`} open={open === index} onToggle={(isOpen) => setOpen(isOpen ? index : open === index ? null : open)} onRemove={() => edit([{ op: 'delete', path }])} removeLabel={`Remove inject ${text(inject.id)}`}>
            <div className="field-row">
              <TextField label="Inject title" value={inject.title} onChange={(next) => set('title', next)} />
              <TextField label="Inject id" value={inject.id} onChange={(next) => set('id', next)} />
            </div>
            <TimingFields item={inject} path={path} value={value} plan={plan} edit={edit} />
            <CheckField label="A contingency: skip it if something has happened" checked={inject.unless !== undefined} onChange={(on) => set('unless', on ? { action: choices.actions[0]?.value ?? '' } : undefined)} />
            {inject.unless !== undefined && <ConditionField label="Skip it if" value={inject.unless} choices={conditionChoices(value, plan)} onChange={(condition) => set('unless', condition)} />}
            <div className="field-row">
              <SelectField label="Channel" value={inject.channel} choices={CHANNEL_CHOICES} onChange={(next) => set('channel', next)} />
              <TextField label="From" value={inject.from} onChange={(next) => set('from', next === '' ? undefined : next)} />
            </div>
            <IdListField label="Sent to" ids={texts(inject.to)} choices={choices.roles} onChange={(ids) => set('to', ids)} />
            <TextField multiline label="Message" value={inject.body} onChange={(next) => set('body', next)} />
            <IdListField label="Expected actions" ids={texts(inject.expects)} choices={choices.actions} onChange={(ids) => set('expects', ids.length > 0 ? ids : undefined)} />
            <fieldset className="artifacts">
              <legend>Artifacts</legend>
              <ul>
                {artifacts.map((artifact, artifactIndex) => (
                  <li key={artifactIndex}>
                    {text(artifact.title)} <span className="hint">({text(artifact.kind)})</span>{' '}
                    <button type="button" onClick={() => edit([{ op: 'delete', path: [...path, 'artifacts', artifactIndex] }])} aria-label={`Remove artifact ${text(artifact.title)}`}>Remove</button>
                  </li>
                ))}
                {artifacts.length === 0 && <li className="empty">No artifact</li>}
              </ul>
              <div className="inline-form">
                <label className="field">
                  <span>Template</span>
                  <select value={template} onChange={(event) => setTemplate(event.target.value)}>
                    {ARTIFACT_TEMPLATES.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.label}</option>)}
                  </select>
                </label>
                <button type="button" onClick={addArtifact}>Add the artifact</button>
              </div>
            </fieldset>
            <TextField multiline label="Notes for the facilitator" value={inject.facilitatorNotes} onChange={(next) => set('facilitatorNotes', next === '' ? undefined : next)} />
          </ItemCard>
        );
      })}
      <button type="button" onClick={add}>Add an inject</button>
    </section>
  );
}

function DecisionsSection({ value, plan, edit }: FormProps) {
  const [open, setOpen] = useState<number | null>(null);
  const decisions = docs(value.decisions);
  const choices = planChoices(plan);
  const add = () => {
    const id = freeId(`DEC-${String(decisions.length + 1).padStart(2, '0')}`, decisions.map((decision) => text(decision.id)));
    edit([{ op: 'insert', path: ['decisions'], value: { id, prompt: 'What does the team decide?', role: choices.roles[0]?.value ?? '', at: '30m', options: [{ id: 'option-a', label: 'The right call', quality: 'best' }, { id: 'option-b', label: 'A poor call', quality: 'poor' }] } }]);
    setOpen(decisions.length);
  };
  return (
    <section aria-label="Decisions">
      {decisions.map((decision, index) => {
        const path = ['decisions', index];
        const set = (field: string, next: unknown) => edit([{ op: 'set', path: [...path, field], value: next }]);
        const options = docs(decision.options);
        return (
          <ItemCard key={index} title={`${text(decision.id)} · ${text(decision.prompt)}`} open={open === index} onToggle={(isOpen) => setOpen(isOpen ? index : open === index ? null : open)} onRemove={() => edit([{ op: 'delete', path }])} removeLabel={`Remove decision ${text(decision.id)}`}>
            <div className="field-row">
              <TextField label="Decision id" value={decision.id} onChange={(next) => set('id', next)} />
              <SelectField label="Who decides" value={decision.role} choices={choices.roles} onChange={(next) => set('role', next)} />
            </div>
            <TextField multiline label="Question put to the team" value={decision.prompt} onChange={(next) => set('prompt', next)} />
            <TimingFields item={decision} path={path} value={value} plan={plan} edit={edit} />
            <ol className="options">
              {options.map((option, optionIndex) => {
                const setOption = (field: string, next: unknown) => edit([{ op: 'set', path: [...path, 'options', optionIndex, field], value: next }]);
                return (
                  <li key={optionIndex} className="field-row">
                    <TextField label={`Option ${optionIndex + 1}`} value={option.label} onChange={(next) => setOption('label', next)} />
                    <TextField label={`Option ${optionIndex + 1} id`} value={option.id} onChange={(next) => setOption('id', next)} />
                    <SelectField label={`Option ${optionIndex + 1} credit`} value={option.quality} choices={QUALITIES} onChange={(next) => setOption('quality', next)} />
                    {options.length > 2 && <button type="button" onClick={() => edit([{ op: 'delete', path: [...path, 'options', optionIndex] }])}>Remove option {optionIndex + 1}</button>}
                  </li>
                );
              })}
            </ol>
            <button type="button" onClick={() => edit([{ op: 'insert', path: [...path, 'options'], value: { id: freeId('option', options.map((option) => text(option.id))), label: 'Another choice', quality: 'acceptable' } }])}>Add an option</button>
          </ItemCard>
        );
      })}
      <button type="button" onClick={add}>Add a decision</button>
    </section>
  );
}

function MilestonesSection({ value, plan, edit }: FormProps) {
  const milestones = isDoc(value.milestones) ? value.milestones : {};
  const end = isDoc(value.end) ? value.end : {};
  const choices = conditionChoices(value, plan);
  return (
    <section aria-label="Milestones">
      <p className="hint">The moments the metrics measure (time to detect, contain, recover): each reached when its condition first holds.</p>
      {MILESTONES.map(({ value: milestone }) => {
        const rule = isDoc(milestones[milestone]) ? (milestones[milestone] as Doc) : {};
        return <ConditionField key={milestone} label={`Milestone ${milestone}`} value={rule.when} choices={choices} onChange={(condition) => edit([{ op: 'set', path: ['milestones', milestone, 'when'], value: condition }])} />;
      })}
      <div className="field-row">
        <DurationField label="Time limit" value={end.timeLimit} onChange={(next) => edit([{ op: 'set', path: ['end', 'timeLimit'], value: next }])} />
      </div>
      {end.when !== undefined && <ConditionField label="The exercise is complete when" value={end.when} choices={choices} onChange={(condition) => edit([{ op: 'set', path: ['end', 'when'], value: condition }])} />}
    </section>
  );
}

function OverviewSection({ value, plan, edit }: FormProps) {
  const choices = planChoices(plan);
  const set = (field: string, next: unknown) => edit([{ op: 'set', path: [field], value: next }]);
  const objectives = docs(value.objectives);
  return (
    <section aria-label="Overview">
      <div className="field-row">
        <TextField label="Scenario title" value={value.title} onChange={(next) => set('title', next)} />
        <TextField label="Scenario id" value={value.id} onChange={(next) => set('id', next)} hint="lower case words with dashes" />
      </div>
      <TextField multiline label="Summary" value={value.summary} onChange={(next) => set('summary', next)} />
      <div className="field-row">
        <SelectField label="Threat (playbook)" value={value.threat} choices={choices.threats} onChange={(next) => set('threat', next)} />
        <SelectField label="Expected severity" value={value.expectedSeverity} choices={choices.levels} onChange={(next) => set('expectedSeverity', Number(next))} />
        <SelectField label="Difficulty" value={value.difficulty} choices={DIFFICULTIES} onChange={(next) => set('difficulty', next)} />
      </div>
      <div className="field-row">
        <TextField label="Starts at (T+0)" value={value.startsAt} onChange={(next) => set('startsAt', next)} hint="date, time and offset: 2025-06-10T09:00:00+08:00" />
        <DurationField label="Estimated duration" value={value.estimatedDuration} onChange={(next) => set('estimatedDuration', next)} />
        <TextField label="ATT&CK techniques" value={texts(value.attack).join(', ')} onChange={(next) => set('attack', next.split(/[,\s]+/).filter(Boolean))} hint="ids like T1078, T1530" />
      </div>
      <IdListField label="Clouds" ids={texts(value.providers)} choices={PROVIDERS} onChange={(ids) => set('providers', ids)} />
      <IdListField label="Communication duties that apply" ids={texts(value.duties)} choices={choices.duties} onChange={(ids) => set('duties', ids.length > 0 ? ids : undefined)} />
      <h3>Objectives</h3>
      <ol className="objectives">
        {objectives.map((objective, index) => (
          <li key={index} className="field-row">
            <TextField label={`Objective ${index + 1}`} value={objective.title} onChange={(next) => edit([{ op: 'set', path: ['objectives', index, 'title'], value: next }])} />
            <TextField label={`Objective ${index + 1} capability`} value={objective.capability} onChange={(next) => edit([{ op: 'set', path: ['objectives', index, 'capability'], value: next }])} />
            <CheckField label="Measured by the severity" checked={objective.severity === true} onChange={(next) => edit([{ op: 'set', path: ['objectives', index, 'severity'], value: next ? true : undefined }])} />
            {objectives.length > 1 && <button type="button" onClick={() => edit([{ op: 'delete', path: ['objectives', index] }])}>Remove objective {index + 1}</button>}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => edit([{ op: 'insert', path: ['objectives'], value: { id: freeId(`OBJ-${objectives.length + 1}`, objectives.map((objective) => text(objective.id))), title: 'A new objective', capability: 'Operational Coordination' } }])}>Add an objective</button>
    </section>
  );
}

const SECTIONS = [
  { id: 'overview', title: 'Overview' },
  { id: 'injects', title: 'Injects' },
  { id: 'decisions', title: 'Decisions' },
  { id: 'milestones', title: 'Milestones' },
] as const;

export function ScenarioForm(props: FormProps) {
  return (
    <Tabs.Root defaultValue="overview" className="studio-tabs">
      <Tabs.List aria-label="Parts of the scenario" className="tab-list">
        {SECTIONS.map((section) => <Tabs.Trigger key={section.id} value={section.id}>{section.title}</Tabs.Trigger>)}
      </Tabs.List>
      <Tabs.Content value="overview"><OverviewSection {...props} /></Tabs.Content>
      <Tabs.Content value="injects"><InjectsSection {...props} /></Tabs.Content>
      <Tabs.Content value="decisions"><DecisionsSection {...props} /></Tabs.Content>
      <Tabs.Content value="milestones"><MilestonesSection {...props} /></Tabs.Content>
    </Tabs.Root>
  );
}
