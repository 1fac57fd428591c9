// Apps: registrations and enterprise apps, their credentials and their permissions. Decision:
// "who uses / has access to X" (people assigned to an app) is app.lookup — the app's card lists
// its assignments; app.permissions is what the app itself may do.
import { APP_WORD, BE, type IntentRule } from './types.ts';

const APP_TAIL = `[${APP_WORD.slice(1, -1)}]`;
const CRED = '(secret|secrets|client secret|client secrets|certificate|certificates|cert|certs|credential|credentials|key|keys|app secret|app secrets)';
const PERM =
  '(permissions|permission|api permissions|graph permissions|scopes|scope|consents|consent|grants|oauth grants|rights|privileges|app roles|delegated permissions|application permissions)';
const REGISTERED = '(registered|configured|onboarded|integrated|installed|set up|added|present|there|available|in entra|in aad|connected)';

export const APP_RULES: IntentRule[] = [
  {
    intent: 'app.lookup',
    patterns: [
      `(is|are|was) [the] {app} ${APP_TAIL} [still|already] ${REGISTERED} [already|yet|correctly|properly|as an app|as an enterprise app]`,
      `(what|which) ${BE} [the] (appid|object id|owner|owners) (of|for) [the] {app} ${APP_TAIL}`,
      `(has|have) [the] {app} ${APP_TAIL} been ${REGISTERED}`,
      `(is|was) [the] {app} [registered] (an|a) ${APP_WORD} [or [an|a] ${APP_WORD}]`,
      `(is there|do we have|have we got|have we|is there already) [an|a|any] ${APP_WORD} (for|called|named|with the name) [the] {app}`,
      `(do|did) we (have|use|register) [the] {app} (as|as an|as a) ${APP_WORD}`,
      `(do|did) we have [an|a|the] {app} ${APP_WORD}`,
      `(${APP_WORD.slice(1, -1)}|appid) {app}`,
      `${APP_WORD} (details|info|information|owners|owner|status) (for|of|on|about) [the] {app}`,
      `(find|lookup|look up|search for|search|show|get|check|describe|display) [the] ${APP_WORD} {app}`,
      `[all] about [the] {app} ${APP_WORD}`,
      `[the] {app} ${APP_WORD} [details|info|owners|owner|status|registration]`,
      `who (owns|manages|is the owner of|are the owners of|is responsible for|created|registered) [the] {app} ${APP_WORD}`,
      `who (uses|can use|can access|has access to|have access to|is assigned to|are assigned to|is using|got access to|can sign in to|can log in to) [the] {app} ${APP_TAIL}`,
      `(does|did) [the] {app} ${APP_TAIL} exist`,
      '[(what|which) (app|application) is] <guid>',
      '(what|who) is <guid>',
      `[list|show] [all] [the/our] (apps|applications|app registrations|enterprise apps|enterprise applications|registered apps|service principals|registrations)`,
      `(what|which) (apps|applications|app registrations|enterprise apps|enterprise applications|saas apps) (do we have|are registered|exist|are there|have we registered|are in the tenant|are installed)`,
    ],
    cues: [
      [0.78, 'registered|registration|app registration|enterprise app|enterprise apps|service principal|app registrations|enterprise application'],
      [0.6, 'app|apps|application|applications'],
      [0.7, '<guid>'],
    ],
    keeps: ['app'],
    nameSlot: 'app',
  },
  {
    intent: 'app.credentials',
    patterns: [
      `when (does|do|will|did) [the] {app} ${APP_TAIL} ${CRED} expire`,
      `when (does|do|will) [the] ${CRED} (for|of|on) [the] {app} ${APP_TAIL} expire`,
      `[show|list|get|check] [the] {app} ${APP_TAIL} ${CRED} [expiry|expiration|expiration date|expiry date|expiration dates|expiry dates|status|dates|details]`,
      `[show|list|get|check] [the] ${CRED} [expiry|expiration] (for|of|on) [the] {app} ${APP_TAIL}`,
      `(${CRED.slice(1, -1)}|cert expiry|secret expiry|certificate expiry|expiry|expiration) (for|of|on) [the] {app} ${APP_TAIL}`,
      `(is|are|has|have) [the] {app} ${APP_TAIL} ${CRED} (expired|expiring|valid|ok|about to expire|going to expire|still valid)`,
      `(does|do) [the] {app} ${APP_TAIL} have (expiring|expired|any expiring|any expired) ${CRED}`,
    ],
    cues: [
      [0.88, `${CRED.slice(1, -1)} & expire|expires|expiring|expired|expiry|expiration|<days>|renew|renewal|valid|validity|rotate|rotation|due|about to`],
      [0.75, 'secret|secrets|client secret|client secrets|certificate|certificates|certs|credentials|app credentials'],
      [0.85, 'apps|app|applications|application|registrations & expire|expires|expiring'],
    ],
    keeps: ['app', 'days'],
    nameSlot: 'app',
  },
  {
    intent: 'app.permissions',
    patterns: [
      `(what|which) ${PERM} (does|do|did|has|have) [the] {app} ${APP_TAIL} (have|has|got|need|needs|use|uses|request|requests|get|gets) [granted|assigned]`,
      `[list|show|get|check] [the] ${PERM} (for|of|on|granted to|given to|assigned to|consented for|held by) [the] {app} ${APP_TAIL}`,
      `[list|show|get|check] [the] {app} ${APP_TAIL} ${PERM}`,
      `[list|show|get|check] ${PERM} {app}`,
      `who (consented|granted consent|gave consent|approved|consented access) (to|for) [the] {app} ${APP_TAIL}`,
      `what (can|does) [the] {app} ${APP_WORD} (access|read|do|see|touch|have access to)`,
      `(is|are) [the] {app} ${APP_TAIL} (allowed|permitted|authorized|consented|able) to (read|write|send|access|see|modify|delete|use|manage) *`,
    ],
    cues: [
      [0.85, 'permissions|permission|api permissions|scopes|scope|consent|consented|consents|oauth|grants|delegated|application permissions|app roles|high privilege|highly privileged|graph permissions|admin consent'],
      [0.86, 'apps|app|applications|application & read|write|readwrite|send|access|mail|mailbox|mailboxes|files|calendars|calendar|contacts|chats|sites'],
      [0.88, '<scope>'],
    ],
    keeps: ['app'],
    nameSlot: 'app',
  },
];
