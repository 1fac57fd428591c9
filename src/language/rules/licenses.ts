// Licenses and directory roles. Decisions:
// - license.summary counts a SKU (or all); license.holders lists who has one. "Does Megan have
//   E5?" is license.holders {sku, user}; "what licenses do I have?" (no SKU) is user.lookup.
// - "Is Megan a global admin?" is role.members {role, user}; "am I an admin?" (no role named)
//   is role.members {user: 'me'}; "who are the admins?" is role.members with no role (all roles).
import type { IntentRule } from './types.ts';

const LICENSE_WORD = '[license|licence|licenses|seat|seats|subscription|plan|sku]';
const LICENSE_NOUNS = 'license|licenses|licensing|seats|seat|sku|skus|subscription|subscriptions';

export const LICENSE_RULES: IntentRule[] = [
  {
    intent: 'license.summary',
    patterns: ['<sku>', '(sku|skus) <sku>', `[the/our] <sku> ${LICENSE_WORD} [count|usage|summary|overview|status]`],
    cues: [
      [0.86, `${LICENSE_NOUNS}|<sku> & how many|left|available|remaining|free|unused|spare|count|usage|used|out of|consumed|total|overview|summary|report|status|numbers|unassigned|capacity|enough|run out|running out|bought|purchased|do we have|have we got|expire|expiring|renewal|breakdown|utilization|utilisation|consumption`],
      [0.75, LICENSE_NOUNS],
      [0.7, '<sku>'],
    ],
    keeps: ['sku'],
  },
  {
    intent: 'license.holders',
    patterns: [
      `(does|do|did) {user} have [a|an|the|any] <sku> ${LICENSE_WORD} [assigned]`,
      `(is|am) {user} (licensed for|assigned|assigned a|assigned an|on|using|licenced for) <sku> ${LICENSE_WORD}`,
      `(has|have) {user} got [a|an] <sku> ${LICENSE_WORD}`,
      `who (uses|is using|has|got|owns|holds|is on) [a|an|the] <sku> ${LICENSE_WORD}`,
      `[list|show|get] [all] [the] <sku> (holders|users|licensees|assignees|assignments|license holders|seat holders)`,
      `[list|show|get] [all] [the] (holders|users|assignees|people|everyone|everybody) (of|with|on|using) [a|an|the] <sku> ${LICENSE_WORD}`,
    ],
    cues: [
      [0.88, 'who|whom|which users|users|people|holders|holder|everyone|everybody|anyone|employees|assignees|assigned to|licensed for|with & <sku>'],
      [0.84, 'who|which users|users|people|everyone|anyone|accounts & unlicensed|no license|without license|without a license|without licenses|not licensed|no licenses|any license|a license'],
      [0.8, 'unlicensed'],
    ],
    keeps: ['sku', 'user'],
  },
  {
    intent: 'role.members',
    patterns: [
      '(is|am|are) {user} [a|an|the|one of the] <role> [role|member]',
      '(does|do|has|have) {user} (have|got|hold|holds|has) [the|a|an] <role> [role]',
      '(is|am|are) {user} [a|an|an azure|a tenant] (admin|administrator|admins|privileged|privileged user)',
      '(does|do) {user} have (admin|administrator|admin rights|admin roles|any admin roles|privileged access|any roles)',
      '[list|show|get] [the] (members|holders|assignees) (of|for) [the] <role> [role]',
      '[the] <role> [role] (members|holders|assignees|assignments)',
    ],
    cues: [
      [0.86, '<role>'],
      [0.8, 'admins|admin|administrators|administrator|roles|role|privileged & who|which|list|show|all|directory|any|everyone|what|our'],
      // "who can reset passwords?": the people whose roles allow it
      [0.78, 'who can|who is allowed to|who has permission to|who has rights to & reset|manage|create|delete|assign|change|add|remove|grant|consent|invite|disable|block|approve|unlock|edit'],
    ],
    keeps: ['role', 'user'],
  },
];
