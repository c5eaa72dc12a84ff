import type { Plan } from '../format/plan.js';
import { CHANNELS, type Channel } from '../format/scenario.js';
import { closestId } from '../validate/references.js';
import type { Read } from './msel-time.js';

// What an MSEL's words mean in the plan: recipients to roles (by title or id), inject modes to
// channels, expected responses to plan actions (by title, where they can be).

/** Words as compared: lower case, punctuation as spaces (an "&" kept: Legal & Compliance). */
export const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9&]+/g, ' ').trim();

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

/** Recipients that mean the whole team. */
const EVERYONE = new Set(['all', 'all roles', 'everyone', 'all players', 'all participants', 'whole team', 'all teams', 'players']);

/** Splits a recipients cell: commas, semicolons and lines separate roles ("/" and "&" are kept: a title may have them). */
export const splitList = (text: string) => text.split(/[,;\n\r]+/).map((part) => part.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim()).filter((part) => part !== '');

export class PlanWords {
  private readonly roles = new Map<string, string>();
  private readonly actions = new Map<string, string>();
  private readonly actionTitles: { words: string; id: string }[];
  /** Recipients no role of the plan is called, as the sheet writes them: the app offers a role for each. */
  readonly unknownRecipients = new Set<string>();

  constructor(
    readonly plan: Plan,
    private readonly mapping: { roles?: Record<string, string>; channels?: Record<string, Channel>; actions?: Record<string, string> } = {},
  ) {
    for (const role of plan.roles) {
      this.roles.set(words(role.id), role.id);
      this.roles.set(words(role.title), role.id);
    }
    for (const [text, id] of Object.entries(mapping.roles ?? {})) this.roles.set(words(text), id);
    for (const action of plan.actions) {
      this.actions.set(words(action.id), action.id);
      this.actions.set(words(action.title), action.id);
    }
    for (const [text, id] of Object.entries(mapping.actions ?? {})) this.actions.set(words(text), id);
    // Longest first, so "revoke the IAM access key" is found before "revoke".
    this.actionTitles = plan.actions.map((action) => ({ words: words(action.title), id: action.id })).filter((a) => a.words.split(' ').length >= 3).sort((a, b) => b.words.length - a.words.length);
  }

  roleTitle(id: string): string {
    return this.plan.roles.find((role) => role.id === id)?.title ?? id;
  }

  actionTitle(id: string): string {
    return this.plan.actions.find((action) => action.id === id)?.title ?? id;
  }

  /** The role ids a recipients cell names. */
  recipients(text: string): Read<string[]> {
    const ids: string[] = [];
    for (const part of splitList(text)) {
      const key = words(part);
      if (EVERYONE.has(key)) {
        ids.push(...this.plan.roles.map((role) => role.id));
        continue;
      }
      const id = this.roles.get(key);
      if (id === undefined) {
        for (const other of splitList(text)) if (!EVERYONE.has(words(other)) && !this.roles.has(words(other))) this.unknownRecipients.add(other);
        const hint = closestId(part, this.plan.roles.flatMap((role) => [role.title, role.id]));
        const titles = this.plan.roles.map((role) => role.title).join(', ');
        return fail(`${JSON.stringify(part)} is not a role of plan "${this.plan.id}"${hint ? ` (did you mean "${hint}"?)` : ''}: its roles are ${titles}; write a role's title or id, or map the name to a role (its Recipients choice in the app, or "roles": { ${JSON.stringify(part)}: "<role id>" } in a mapping file)`);
      }
      ids.push(id);
    }
    if (ids.length === 0) return fail('names no role: write who receives the inject (a role title or id)');
    return ok([...new Set(ids)]);
  }

  /** The plan action a text names exactly (its id, its title, or as the mapping file says). */
  action(text: string): string | undefined {
    return this.actions.get(words(text));
  }

  /**
   * The plan actions an expected response names: each item (a line, or a part between ";") is
   * matched by the action's title or id, or by containing a title of three words or more.
   * Items that match nothing are kept as text for the facilitator.
   */
  expectedActions(text: string): { actions: string[]; unmatched: string[] } {
    const actions: string[] = [];
    const unmatched: string[] = [];
    for (const item of text.split(/[;\n\r]+/).map((part) => part.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim()).filter((part) => part !== '')) {
      const exact = this.action(item);
      const contained = exact ?? this.actionTitles.find((action) => ` ${words(item)} `.includes(` ${action.words} `))?.id;
      if (contained) actions.push(contained);
      else unmatched.push(item);
    }
    return { actions: [...new Set(actions)], unmatched };
  }

  /** The channel an inject mode names; `guessed` when it is a mode Firedrill has no channel for. */
  channel(text: string): Read<{ channel: Channel; guessed?: string }> {
    const key = words(text);
    for (const [mapped, channel] of Object.entries(this.mapping.channels ?? {})) if (words(mapped) === key) return ok({ channel });
    const direct = CHANNELS.find((channel) => words(channel) === key || words(CHANNEL_LABELS[channel]) === key);
    if (direct) return ok({ channel: direct });
    const synonym = CHANNEL_WORDS.find(([pattern]) => pattern.test(key));
    if (synonym) return ok({ channel: synonym[1] });
    const nearest = NEAREST.find(([pattern]) => pattern.test(key));
    if (nearest) return ok({ channel: nearest[1], guessed: `"${text}" has no channel of its own: read as ${CHANNEL_LABELS[nearest[1]].toLowerCase()}` });
    return fail(`${JSON.stringify(text)} is not an inject mode Firedrill knows: use ${CHANNELS.map((channel) => CHANNEL_LABELS[channel]).join(', ')}, or map it in the mapping file ("channels": { ${JSON.stringify(text)}: "email" })`);
  }
}

/** The channels as a controller reads them in an MSEL. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  'siem-alert': 'SIEM alert',
  'cloud-finding': 'Cloud finding',
  email: 'Email',
  chat: 'Chat',
  'phone-call': 'Phone call',
  news: 'News',
  'regulator-letter': 'Regulator letter',
  ticket: 'Ticket',
};

const CHANNEL_WORDS: [RegExp, Channel][] = [
  [/^(e ?mail|mail|email message|outlook|memo|e mail message)$/, 'email'],
  [/^(chat|slack|teams|ms teams|microsoft teams|instant message|im|sms|text|text message|whatsapp|signal|chat message)$/, 'chat'],
  [/^(phone|call|phone call|telephone|voicemail|voice|conference call|mobile)$/, 'phone-call'],
  [/^(siem|alert|siem alert|splunk|qradar|sentinel|sentinel alert|security alert|soc alert)$/, 'siem-alert'],
  [/^(finding|cloud finding|guardduty|guard duty|security hub|defender|defender for cloud|security command center|scc|cloud alert|console|cloud console)$/, 'cloud-finding'],
  [/^(news|media|press|tv|television|social media|twitter|x|newspaper|radio|press release|news article|website|blog)$/, 'news'],
  [/^(regulator|letter|regulator letter|official letter|regulatory notice|regulator notice|legal letter)$/, 'regulator-letter'],
  [/^(ticket|jira|servicenow|service now|helpdesk|help desk|service desk|incident ticket|itsm)$/, 'ticket'],
];

/** HSEEP modes with no channel of their own, read as the nearest one (and said so in the draft). */
const NEAREST: [RegExp, Channel][] = [
  [/^(verbal|in person|face to face|spoken|briefing|controller|simcell|sim cell|facilitator|paper|handout|hand out|document|other)$/, 'chat'],
];
