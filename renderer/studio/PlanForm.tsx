import { useState } from 'react';
import * as Tabs from '@radix-ui/react-tabs';
import { renameInPlan } from '../../engine/studio/plan-renames.js';
import type { DraftEdit } from '../../engine/studio/draft-edit.js';
import { freeId } from '../../engine/studio/starting-points.js';
import { CheckField, docs, DurationField, IdListField, ItemCard, SelectField, text, TextField, texts, type Choice, type Doc } from './fields.js';

// The plan as a form: roles, the severity matrix, the action library, playbooks and the
// communication duties. Every change is one edit of the YAML (comments kept).

interface FormProps {
  value: Doc;
  edit: (edits: DraftEdit[]) => void;
}

export const DUTY_KINDS: Choice[] = [
  { value: 'regulator', label: 'Regulator' },
  { value: 'law-enforcement', label: 'Law enforcement' },
  { value: 'customers', label: 'Customers' },
  { value: 'internal', label: 'Internal' },
  { value: 'provider', label: 'Cloud provider' },
];
export const DUE_FROM: Choice[] = [
  { value: 'detection', label: 'from detection' },
  { value: 'severity-deadline', label: 'from the severity deadline' },
  { value: 'containment', label: 'from containment' },
];

export const roleChoices = (plan: Doc): Choice[] => docs(plan.roles).map((role) => ({ value: text(role.id), label: text(role.title) || text(role.id) }));
export const actionChoices = (plan: Doc): Choice[] => docs(plan.actions).map((action) => ({ value: text(action.id), label: text(action.title) || text(action.id) }));
const phaseChoices = (plan: Doc, framework: string): Choice[] => docs(plan.phases).filter((phase) => phase.framework === framework).map((phase) => ({ value: text(phase.id), label: text(phase.title) }));

/** Which item of each list is open: the one just added, or the one the author opened. */
function useOpen() {
  const [open, setOpen] = useState<Record<string, boolean>>({});
  return { isOpen: (key: string) => open[key] === true, toggle: (key: string) => (value: boolean) => setOpen((all) => (all[key] === value ? all : { ...all, [key]: value })), show: (key: string) => setOpen((all) => ({ ...all, [key]: true })) };
}

function RolesSection({ value, edit }: FormProps) {
  const open = useOpen();
  const roles = docs(value.roles);
  const add = () => {
    const id = freeId('new-role', roles.map((role) => text(role.id)));
    edit([{ op: 'insert', path: ['roles'], value: { id, title: 'New role', responsibilities: ['What this role does in an incident.'] } }]);
    open.show(`role:${roles.length}`);
  };
  return (
    <section aria-label="Roles">
      <p className="hint">Who takes part in a response, and what each is responsible for.</p>
      {roles.map((role, index) => (
        <ItemCard key={index} title={`${text(role.title)} (${text(role.id)})`} open={open.isOpen(`role:${index}`)} onToggle={open.toggle(`role:${index}`)} onRemove={() => edit([{ op: 'delete', path: ['roles', index] }])} removeLabel={`Remove role ${text(role.title)}`}>
          <div className="field-row">
            <TextField label="Title" value={role.title} onChange={(title) => edit([{ op: 'set', path: ['roles', index, 'title'], value: title }])} />
            <TextField label="Id" value={role.id} onChange={(id) => edit(renameInPlan(value, 'role', index, id))} hint="renamed everywhere in this plan; scenarios written for it name it too: change it with care" />
          </div>
          <TextField multiline label="Responsibilities (one per line)" value={texts(role.responsibilities).join('\n')} onChange={(lines) => edit([{ op: 'set', path: ['roles', index, 'responsibilities'], value: lines.split('\n') }])} />
        </ItemCard>
      ))}
      <button type="button" onClick={add}>Add a role</button>
    </section>
  );
}

function SeveritySection({ value, edit }: FormProps) {
  const levels = docs(value.severityLevels);
  const set = (index: number, path: (string | number)[], next: string) => edit([{ op: 'set', path: ['severityLevels', index, ...path], value: next }]);
  return (
    <section aria-label="Severity matrix">
      <p className="hint">The response deadline runs from detection; the targets are the times to detect, contain and recover the scorecard measures against.</p>
      <div className="severity-grid">
        {levels.map((level, index) => (
          <fieldset key={index} className="severity-level">
            <legend>Sev {text(level.level)}: {text(level.name)}</legend>
            <TextField label={`Sev ${text(level.level)} name`} value={level.name} onChange={(next) => set(index, ['name'], next)} />
            <TextField multiline label={`Sev ${text(level.level)} criteria`} value={level.criteria} onChange={(next) => set(index, ['criteria'], next)} />
            <TextField multiline label={`Sev ${text(level.level)} example`} value={level.example} onChange={(next) => set(index, ['example'], next)} />
            <div className="field-row">
              <DurationField label={`Sev ${text(level.level)} response deadline`} value={level.responseDeadline} onChange={(next) => set(index, ['responseDeadline'], next)} />
              <DurationField label={`Sev ${text(level.level)} detect target`} value={(level.targets as Doc | undefined)?.detect} onChange={(next) => set(index, ['targets', 'detect'], next)} />
              <DurationField label={`Sev ${text(level.level)} contain target`} value={(level.targets as Doc | undefined)?.contain} onChange={(next) => set(index, ['targets', 'contain'], next)} />
              <DurationField label={`Sev ${text(level.level)} recover target`} value={(level.targets as Doc | undefined)?.recover} onChange={(next) => set(index, ['targets', 'recover'], next)} />
            </div>
          </fieldset>
        ))}
      </div>
      <IdListField label="Roles that may declare the severity" ids={texts(value.severityDeclaredBy)} choices={roleChoices(value)} onChange={(ids) => edit([{ op: 'set', path: ['severityDeclaredBy'], value: ids }])} />
    </section>
  );
}

function ActionsSection({ value, edit }: FormProps) {
  const open = useOpen();
  const [filter, setFilter] = useState('');
  const actions = docs(value.actions);
  const roles = roleChoices(value);
  const nist = phaseChoices(value, 'nist-800-61r2');
  const csf = phaseChoices(value, 'csf-2.0');
  const add = () => {
    const id = freeId('new-action', actions.map((action) => text(action.id)));
    edit([{ op: 'insert', path: ['actions'], value: { id, title: 'New action', description: 'What the action achieves.', roles: [roles[0]?.value ?? 'incident-commander'], phase: nist[0]?.value ?? 'detection-analysis', function: csf[0]?.value ?? 'respond', duration: '15m' } }]);
    setFilter('');
    open.show(`action:${actions.length}`);
  };
  const shown = actions.map((action, index) => ({ action, index })).filter(({ action }) => filter === '' || `${text(action.title)} ${text(action.id)}`.toLowerCase().includes(filter.toLowerCase()));
  return (
    <section aria-label="Action library">
      <div className="section-tools">
        <label className="field grow"><span>Find an action</span><input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} /></label>
        <button type="button" onClick={add}>Add an action</button>
      </div>
      {shown.map(({ action, index }) => {
        const set = (field: string, next: unknown) => edit([{ op: 'set', path: ['actions', index, field], value: next }]);
        return (
          <ItemCard key={index} title={`${text(action.title)} (${text(action.id)})`} open={open.isOpen(`action:${index}`)} onToggle={open.toggle(`action:${index}`)} onRemove={() => edit([{ op: 'delete', path: ['actions', index] }])} removeLabel={`Remove action ${text(action.title)}`}>
            <div className="field-row">
              <TextField label="Action title" value={action.title} onChange={(next) => set('title', next)} />
              <TextField label="Action id" value={action.id} onChange={(next) => edit(renameInPlan(value, 'action', index, next))} hint="renamed everywhere in this plan" />
              <DurationField label="Duration" value={action.duration} onChange={(next) => set('duration', next)} />
            </div>
            <TextField multiline label="What it achieves" value={action.description} onChange={(next) => set('description', next === '' ? undefined : next)} />
            <div className="field-row">
              <SelectField label="Phase (NIST SP 800-61)" value={action.phase} choices={nist} onChange={(next) => set('phase', next)} />
              <SelectField label="Function (CSF 2.0)" value={action.function} choices={csf} onChange={(next) => set('function', next)} />
              <TextField label="Tool" value={action.tool} onChange={(next) => set('tool', next === '' ? undefined : next)} />
            </div>
            <IdListField label="Owner roles" ids={texts(action.roles)} choices={roles} onChange={(ids) => set('roles', ids)} />
            <IdListField label="Must come after" ids={texts(action.prerequisites)} choices={actionChoices(value).filter((choice) => choice.value !== action.id)} onChange={(ids) => set('prerequisites', ids.length > 0 ? ids : undefined)} />
            <CheckField label="Destroys evidence when taken before those" checked={action.destroysEvidence === true} onChange={(next) => set('destroysEvidence', next ? true : undefined)} />
          </ItemCard>
        );
      })}
    </section>
  );
}

function PlaybooksSection({ value, edit }: FormProps) {
  const open = useOpen();
  const playbooks = docs(value.playbooks);
  const roles = roleChoices(value);
  const actions = actionChoices(value);
  return (
    <section aria-label="Playbooks">
      <p className="hint">One playbook per threat type: the steps the team is expected to take, each done by any one of its actions.</p>
      {playbooks.map((playbook, index) => {
        const steps = docs(playbook.steps);
        const addStep = () => edit([{ op: 'insert', path: ['playbooks', index, 'steps'], value: { id: freeId('new-step', playbooks.flatMap((other) => docs(other.steps).map((step) => text(step.id)))), title: 'New step', actions: [actions[0]?.value ?? ''], owner: roles[0]?.value ?? '' } }]);
        return (
          <ItemCard key={index} title={`${text(playbook.title)} (threat: ${text(playbook.threat)})`} open={open.isOpen(`playbook:${index}`)} onToggle={open.toggle(`playbook:${index}`)}>
            <div className="field-row">
              <TextField label="Playbook title" value={playbook.title} onChange={(next) => edit([{ op: 'set', path: ['playbooks', index, 'title'], value: next }])} />
              <TextField label="Threat type" value={playbook.threat} onChange={(next) => edit([{ op: 'set', path: ['playbooks', index, 'threat'], value: next }])} />
            </div>
            <ol className="steps">
              {steps.map((step, stepIndex) => {
                const set = (field: string, next: unknown) => edit([{ op: 'set', path: ['playbooks', index, 'steps', stepIndex, field], value: next }]);
                const due = step.due as Doc | undefined;
                return (
                  <li key={stepIndex} className="step">
                    <div className="field-row">
                      <TextField label="Step" value={step.title} onChange={(next) => set('title', next)} />
                      <SelectField label="Owner" value={step.owner} choices={roles} onChange={(next) => set('owner', next)} />
                      <SelectField label="Due" value={due?.from} choices={DUE_FROM} blank="no deadline" onChange={(next) => set('due', next === '' ? undefined : { from: next, within: text(due?.within) || '1h' })} />
                      {due && <DurationField label="Within" value={due.within} onChange={(next) => edit([{ op: 'set', path: ['playbooks', index, 'steps', stepIndex, 'due', 'within'], value: next }])} />}
                    </div>
                    <IdListField label={`Actions that do "${text(step.title)}"`} ids={texts(step.actions)} choices={actions} onChange={(ids) => set('actions', ids)} />
                    <button type="button" className="danger" onClick={() => edit([{ op: 'delete', path: ['playbooks', index, 'steps', stepIndex] }])}>Remove step {text(step.title)}</button>
                  </li>
                );
              })}
            </ol>
            <button type="button" onClick={addStep}>Add a step</button>
          </ItemCard>
        );
      })}
    </section>
  );
}

function DutiesSection({ value, edit }: FormProps) {
  const open = useOpen();
  const duties = docs(value.duties);
  const roles = roleChoices(value);
  const actions = actionChoices(value);
  const add = () => {
    const id = freeId('new-duty', duties.map((duty) => text(duty.id)));
    edit([{ op: 'insert', path: ['duties'], value: { id, title: 'New communication duty', kind: 'regulator', owner: roles[0]?.value ?? '', actions: [actions[0]?.value ?? ''], due: { from: 'detection', within: '72h' } } }]);
    open.show(`duty:${duties.length}`);
  };
  return (
    <section aria-label="Communication duties">
      <p className="hint">Who must be told, by whom, by when, and under which law, contract or policy.</p>
      {duties.map((duty, index) => {
        const set = (path: (string | number)[], next: unknown) => edit([{ op: 'set', path: ['duties', index, ...path], value: next }]);
        const due = (duty.due as Doc | undefined) ?? {};
        return (
          <ItemCard key={index} title={`${text(duty.title)} (${text(duty.id)})`} open={open.isOpen(`duty:${index}`)} onToggle={open.toggle(`duty:${index}`)} onRemove={() => edit([{ op: 'delete', path: ['duties', index] }])} removeLabel={`Remove duty ${text(duty.title)}`}>
            <div className="field-row">
              <TextField label="Duty title" value={duty.title} onChange={(next) => set(['title'], next)} />
              <TextField label="Duty id" value={duty.id} onChange={(next) => set(['id'], next)} />
              <SelectField label="Who is told" value={duty.kind} choices={DUTY_KINDS} onChange={(next) => set(['kind'], next)} />
            </div>
            <div className="field-row">
              <SelectField label="Duty owner" value={duty.owner} choices={roles} onChange={(next) => set(['owner'], next)} />
              <SelectField label="Deadline runs" value={due.from} choices={DUE_FROM} onChange={(next) => set(['due', 'from'], next)} />
              <DurationField label="Duty deadline" value={due.within} onChange={(next) => set(['due', 'within'], next)} />
            </div>
            <TextField label="Legal basis" value={duty.reference} onChange={(next) => set(['reference'], next === '' ? undefined : next)} />
            <IdListField label="Actions that discharge it" ids={texts(duty.actions)} choices={actions} onChange={(ids) => set(['actions'], ids)} />
          </ItemCard>
        );
      })}
      <button type="button" onClick={add}>Add a duty</button>
    </section>
  );
}

const SECTIONS = [
  { id: 'general', title: 'General' },
  { id: 'roles', title: 'Roles' },
  { id: 'severity', title: 'Severity matrix' },
  { id: 'actions', title: 'Actions' },
  { id: 'playbooks', title: 'Playbooks' },
  { id: 'duties', title: 'Duties' },
] as const;

export function PlanForm(props: FormProps) {
  const { value, edit } = props;
  return (
    <Tabs.Root defaultValue="general" className="studio-tabs">
      <Tabs.List aria-label="Parts of the plan" className="tab-list">
        {SECTIONS.map((section) => <Tabs.Trigger key={section.id} value={section.id}>{section.title}</Tabs.Trigger>)}
      </Tabs.List>
      <Tabs.Content value="general">
        <div className="field-row">
          <TextField label="Plan title" value={value.title} onChange={(next) => edit([{ op: 'set', path: ['title'], value: next }])} />
          <TextField label="Plan id" value={value.id} onChange={(next) => edit([{ op: 'set', path: ['id'], value: next }])} hint="lower case words with dashes; scenarios name their plan by it" />
          <TextField label="Version" value={value.version} onChange={(next) => edit([{ op: 'set', path: ['version'], value: next }])} />
        </div>
        <TextField label="Organisation" value={value.organisation} onChange={(next) => edit([{ op: 'set', path: ['organisation'], value: next === '' ? undefined : next }])} />
        <TextField multiline label="Description" value={value.description} onChange={(next) => edit([{ op: 'set', path: ['description'], value: next === '' ? undefined : next }])} />
      </Tabs.Content>
      <Tabs.Content value="roles"><RolesSection {...props} /></Tabs.Content>
      <Tabs.Content value="severity"><SeveritySection {...props} /></Tabs.Content>
      <Tabs.Content value="actions"><ActionsSection {...props} /></Tabs.Content>
      <Tabs.Content value="playbooks"><PlaybooksSection {...props} /></Tabs.Content>
      <Tabs.Content value="duties"><DutiesSection {...props} /></Tabs.Content>
    </Tabs.Root>
  );
}
