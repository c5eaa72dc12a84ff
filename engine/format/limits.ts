// The largest texts, lists and durations a plan, scenario or script may hold. Each is far above
// anything a real drill needs (the bundled library uses a tenth of them or less) and small
// enough that no accepted file can stall validation, a session or an export: a title of 100,000
// characters once took a PDF writer 38 s, a chain of 20,000 injects took validation 97 s.
// docs/concepts.md lists them for authors.

/** Characters of a message on the team's bridge channel. */
export const MAX_CHAT_CHARS = 2_000;
/** Characters of a draft (a regulator notification, a holding statement, an executive briefing). */
export const MAX_DRAFT_CHARS = 20_000;
/** Characters of an evaluator's reason for a rating. */
export const MAX_RATING_REASON_CHARS = 2_000;

/** Characters of text, per kind of field. */
export const TEXT_LIMITS = {
  /** Titles and names shown on one line: a scenario, an inject, a role, an action. */
  title: 200,
  /** Short descriptive lines: an option's label, a capability, a tool, a sender, a reference. */
  line: 500,
  /** A decision's question. */
  prompt: 2_000,
  /** Notes: facilitator notes, rationales, an effect's note, an observation, a script's description. */
  note: 5_000,
  /** Bodies: an inject's body, a summary, a narrative, a description, a document artifact. */
  body: 20_000,
} as const;

/** Items per list. */
export const COUNT_LIMITS = {
  injects: 2_000,
  decisions: 500,
  options: 20,
  artifacts: 20,
  actionEffects: 2_000,
  objectives: 100,
  stateVariables: 500,
  /** Roles, ids and references listed in one field (to, expects, fires, prerequisites...). */
  references: 100,
  /** The items of one all/any condition. */
  conditions: 100,
  roles: 100,
  severityLevels: 20,
  phases: 100,
  actions: 2_000,
  playbooks: 200,
  playbookSteps: 500,
  duties: 200,
  scriptSteps: 20_000,
  /** Lines of a log-lines artifact. */
  logLines: 1_000,
} as const;

/**
 * What a live session's view carries (engine/protocol/view.ts). The view is sent to every page at
 * every change: a drill with thousands of observations would send them all each second. The
 * journal, the scorecard and the debrief keep every one.
 */
export const VIEW_LIMITS = {
  /** The newest observations shown in the console; the view counts them all. */
  observations: 200,
} as const;

/** An artifact's data as JSON, in characters (a CloudTrail event is about 2,000). */
export const MAX_ARTIFACT_CHARS = 50_000;

/** The longest simulated duration or offset: a year. */
export const MAX_DURATION_MS = 365 * 86_400_000;
