// People and groups. Decisions:
// - A yes/no question about one person's membership goes to the collection's intent with both
//   names ("is Lee in Sales?" → group.members {group, user}); the answer checks that one person.
// - A person's own properties (synced? guest? licenses? roles? manager?) are user.lookup.
import { BE, GROUP_NOUN, GROUP_TAIL, type IntentRule } from './types.ts';

const PROPERTY =
  '(manager|boss|title|job title|job|department|email|email address|mail|phone|phone number|mobile|details|info|information|profile|account|upn|username|user name|office|location|licenses|license|roles|role|status|last sign in|last log in|sign in activity|id|object id|display name|name|employee id|company|city|country)';
const GROUPS =
  '(groups|group|teams|team|dls|dl|distribution lists|distribution list|distribution groups|security groups|m365 groups|office groups|memberships|membership|group memberships|group membership|lists|channels|sites)';
/** What only a person has: "licenses for lee" is about Lee, "details for Workday" may not be. */
const PERSON_PROPERTY =
  '(licenses|license|licences|roles|role|manager|boss|title|job title|department|email|email address|phone|phone number|mobile|upn|office|location|mfa|mfa status|sign in activity|last sign in|profile|direct reports|reports)';
const GROUPS_TERSE = '(groups|teams|dls|memberships|group memberships|group membership|distribution lists|security groups)';
const STATE =
  '(synced|syncing|synchronized|sync|a guest|guest|an external user|external|a guest user|a member|member|enabled|disabled|active|inactive|licensed|unlicensed|cloud only|hybrid|a synced user|an employee|deleted|still there|still active|mfa registered|registered for mfa)';

export const PEOPLE_RULES: IntentRule[] = [
  {
    intent: 'user.lookup',
    patterns: [
      'who (is|am) {user} [again]',
      `[who is|what is|show|get] {user} 's ${PROPERTY}`,
      `(what|which) ${BE} {user} 's ${PROPERTY}`,
      `(what|which|who) ${BE} [the] ${PROPERTY} (of|for) {user}`,
      `${PROPERTY} (of|for) (user|person|employee) {user}`,
      `[show|list|get|check] [the] ${PERSON_PROPERTY} (of|for) {user}`,
      '(user|person|employee|colleague|staff member|account|upn) {user}',
      '(look up|lookup|find|search [for]|show|get|check|describe|display) [the] (user|person|employee|colleague|account|profile [for|of]) {user}',
      '(info|details|information|profile) (on|for|about|of) (user|person|employee|account) {user}',
      `(is|am) [user|person|account|employee|colleague] {user} [still] [being] ${STATE} [(from|with|to|in) [the] (onprem|ad|aad|entra|cloud|azure)] [user|account] [or [a|an] (member|guest|external user|external|cloud only|synced|disabled|enabled)]`,
      `{user} [is] ${STATE} [or ${STATE}]`,
      `(is|am) [user|person|account|employee|colleague] {user} ('s account|'s user account|'s user|account) ${STATE}`,
      '(what|which) (licenses|license|roles|role|directory roles|admin roles|subscriptions) (does|do|did) {user} (have|hold|own|got) [assigned]',
      '(does|do) {user} have [a|an|any] (license|licenses|manager|mailbox|mfa|phone|roles|admin roles)',
      'who (does|do) {user} (report|reports) to',
      '(when|what time) (did|does|was) {user} [last] (sign|log|signed|logged) (in|on) [last]',
      '(when|what time) (was|did) {user} last (active|seen|online|sign in|log in|signed in|logged in)',
      '(last sign in|last log in|last activity|last seen|sign in activity) [(for|of|by)] {user}',
      '(what|which) (department|office|location|city|country|building|site|company) (is|does) {user} [work|belong] [in|at|based in|to|from]',
      `[show|get|check] {me} ${PROPERTY}`,
      `(what|which|who) ${BE} {me} ${PROPERTY}`,
      '<email>',
    ],
    cues: [
      [0.65, '<email>'],
      [0.7, 'manager|job title|department|phone number|upn & who|what|which|is'],
    ],
    keeps: ['user'],
    nameSlot: 'user',
    aboutAsker: true,
  },
  {
    intent: 'user.groups',
    patterns: [
      `(what|which) [distribution|security|m365|office] ${GROUPS} ${BE} {user} (in|on|part of|a member of|member of|a part of|added to|under|a member in|an owner of|owner of)`,
      `(what|which) [distribution|security|m365|office] ${GROUPS} (does|do) {user} (belong to|have|own|manage|sit in|participate in|have access to)`,
      `[list|show|get|check] [the/all] ${GROUPS_TERSE} [(for|of)] {user}`,
      `[list|show|get|check] [all] {user} 's ${GROUPS}`,
      `[list|show|get|check] [all] {me} ${GROUPS}`,
      `(is|am) {user} in any ${GROUPS}`,
      `<email> ${GROUPS_TERSE}`,
      `where (is|am) {user} a member`,
    ],
    cues: [
      [0.75, 'memberships|group membership|group memberships'],
      [0.75, 'what|which|where & member of|belong to|belongs to'],
    ],
    keeps: ['user'],
    nameSlot: 'user',
    aboutAsker: true,
  },
  {
    intent: 'group.members',
    patterns: [
      `who ${BE} [all] (in|on|part of|inside) [the] {group} ${GROUP_TAIL}`,
      `who ${BE} [the] (members|member|people|users|folks|owners|owner) (of|in|on) [the] {group} ${GROUP_TAIL}`,
      `[list|show|get|display] [all] [the] (members|member|membership|people|users|roster|owners|owner|member list) (of|in|on|for) [the] {group} ${GROUP_TAIL}`,
      `(members|member|membership|roster|memberlist|member list) [of|in|for] [the] {group} ${GROUP_TAIL}`,
      `[list|show|get|display] [all] [the] {group} ${GROUP_TAIL} (members|membership|roster|member list|owners)`,
      `[list|show|get|display] [all] [the] {group} ${GROUP_NOUN}`,
      `how many (people|users|members|folks|employees|persons) (are|is) (in|on) [the] {group} ${GROUP_TAIL}`,
      `how many members (does|do) [the] {group} ${GROUP_TAIL} have`,
      `who (belongs|belong) to [the] {group} ${GROUP_TAIL}`,
      `who ${BE} [a|the] (member|members|part) (of|in) [the] {group} ${GROUP_TAIL}`,
      `${GROUP_NOUN} {group}`,
      `(is|am|are) {user} (in|on|part of|a member of|member of|a part of|a member in|an owner of) [the] {group} ${GROUP_TAIL}`,
      `who (owns|manages|runs) [the] {group} ${GROUP_NOUN}`,
      `(everyone|everybody|all users|all members|all people|people) (in|on|from) [the] {group} ${GROUP_TAIL}`,
      `(does|do) [the] {group} ${GROUP_TAIL} (include|contain|have) {user}`,
    ],
    cues: [[0.72, 'members|membership|roster']],
    keeps: ['group', 'user'],
    nameSlot: 'group',
  },
];
