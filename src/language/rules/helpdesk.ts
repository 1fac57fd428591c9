// The helpdesk side and the bot's own commands. Triage is mostly recognised by ../triage.ts
// (problem words plus what does not work); the patterns here are the explicit requests.
import type { TicketFilter } from '../intents.ts';
import type { IntentRule } from './types.ts';

export const HELPDESK_RULES: IntentRule[] = [
  {
    intent: 'triage',
    patterns: [
      '(diagnose|troubleshoot|triage|investigate|debug) [the] [sign in|log in|access|account|mfa|password] [issue|issues|problem|problems|trouble|failures] [for|of|with] {user}',
      "{user} 's (sign ins|sign in|log ins|log in|sign in logs|sign in problems|sign in issues|sign in errors|sign in failures|access problems|login problems|account problems)",
      '(sign in|log in|sign ins|log ins|access) (logs|problems|issues|errors|failures|trouble) (for|of) {user}',
      'why (is|are|am) {user} (locked out|blocked|locked|unable to sign in|unable to log in|getting errors|getting mfa prompts)',
      '(is|are|am) {user} [still] (locked out|blocked|locked|blocked from signing in|blocked from sign in)',
    ],
    cues: [],
    keeps: ['user', 'app'],
    aboutAsker: true,
  },
  {
    intent: 'ticket.list',
    patterns: [],
    cues: [
      [0.85, 'ticket|tickets|escalation|escalations|helpdesk queue|queue|incidents|support requests|support cases|cases|backlog'],
      [0.7, 'unassigned|my queue'],
    ],
    keeps: [],
  },
  {
    intent: 'helpdesk.here',
    patterns: ['[this is] [the/our] helpdesk channel [here|now]', 'this channel is [for] [the] (helpdesk|escalations|tickets) [channel]'],
    cues: [
      [0.92, 'channel & this|here & helpdesk|tickets|ticket|escalations|escalation|support|help|notifications|alerts|triage'],
      [0.92, 'send|post|route|deliver|put|drop|notify|forward|direct & tickets|escalations|alerts|notifications & here|this channel'],
      [0.9, 'helpdesk channel'],
    ],
    keeps: [],
  },
  {
    intent: 'signout',
    patterns: [
      '(sign|log) (out|off) [(of|from) [the/this] [bot|app|tenantdesk|account]] [now|please]',
      '(sign|log) me (out|off) [(of|from) [the/this] [bot|app|tenantdesk|account]] [now|please]',
      'disconnect [me|my account|my login|the bot|this bot|account]',
      '(switch|change) (account|accounts|user|users|identity)',
      '(forget|clear|reset) (me|my login|my credentials|my token|my tokens|my account|who i am|my sign in|my session)',
      '(sign|log) in as (someone else|another user|a different user|a different account|another account|somebody else)',
      '(revoke|end) my (token|session|sign in)',
    ],
    cues: [[0.8, 'sign out|log out|log off|sign off']],
    keeps: [],
  },
  {
    intent: 'help',
    patterns: [
      'help [me|please|menu|pls]',
      '(what|how) can you (do|help [me] [with])',
      'what (do|can) you do [for me|here]',
      'what you can do',
      '[list|show] [the/your] commands',
      '(how|what) (do|does|should|can) (i|we) (use|ask) (this|you|it|the bot|this bot|tenantdesk) [bot]',
      'how (does|do) (this|it|the bot|this bot|tenantdesk|you) work',
      'how to use [this|the] [bot|thing|app]',
      'what (can|should|do) (i|we) (ask|type|say) [you|here]',
      '[some] (examples|example questions|sample questions)',
      '(show|give) [me] [some] (examples|example questions|sample questions)',
      '(menu|usage|capabilities|features|options|manual|docs|documentation|getting started|get started|start|intro)',
      '(who|what) are you',
      'what is this [bot|thing]',
      '(what|which) (questions|things|stuff) can you (answer|help with|do|help me with)',
      'what are your (commands|capabilities|features|options)',
      'what (does|do|can) (this|this bot|this thing|tenantdesk|you|it|the bot) do',
      '[tell me] about (yourself|you|tenantdesk|this bot|the bot)',
      'what is tenantdesk',
    ],
    cues: [[0.6, 'help'], [0.7, 'what & can & you & do|answer']],
    keeps: [],
  },
];

/** Which tickets: mine ("my tickets"), unassigned, all (including closed), else open. */
export function ticketFilter(norms: readonly string[]): TicketFilter {
  const has = (...words: string[]) => words.some((w) => norms.includes(w));
  if (has('unassigned', 'unclaimed', 'nobody', 'untaken', 'unowned') || /\b(not|no one|noone) (assigned|picked|taken)/.test(norms.join(' '))) return 'unassigned';
  if (has('my', 'mine', 'me', 'i')) return 'mine';
  if (has('all', 'every', 'closed', 'resolved', 'everything', 'history')) return 'all';
  return 'open';
}
