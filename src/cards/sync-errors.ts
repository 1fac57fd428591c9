// The sync.errors card: how many users and groups Entra Connect could not provision, each error
// (what conflicts, with which value, held by whom, since when), and what to do about it.
import type { SyncErrorRow, SyncErrors } from '../answers/sync-errors.ts';
import type { ViewOptions } from '../catalog.ts';
import { card, columns, container, heading, openUrl, status, subtle, text, type Element } from './elements.ts';
import { md } from './escape.ts';
import { ago, count, plural } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { pagedTable } from './list.ts';

const big = (n: number, label: string) => ({ items: [text(count(n), { size: 'ExtraLarge', weight: 'Bolder', spacing: 'None', color: n ? 'Attention' : 'Default' }), subtle(label)] });

/** What the conflict is, in words. */
export function problem(property: string, category: string): string {
  if (property === 'ProxyAddress') return 'Email address already in use';
  if (property === 'UserPrincipalName') return 'Sign-in name (UPN) already in use';
  return `${category}: ${property}`;
}

/** What to do, per kind of conflict present. */
const ADVICE: Record<string, string> = {
  ProxyAddress:
    '**Duplicate email address.** In on-premises Active Directory, remove the address from one of the two objects (its proxyAddresses or mail). Entra Connect clears the error on its next sync (every 30 minutes).',
  UserPrincipalName:
    '**Duplicate sign-in name (UPN).** In on-premises Active Directory, give one of the two accounts a unique userPrincipalName. Until then Entra gives the new account a fallback …onmicrosoft.com name; the next sync clears the error.',
};
const OTHER_ADVICE = '**Other errors.** Open the object in the Entra admin center and fix the value in on-premises Active Directory; the next sync retries it.';

const minutesBetween = (iso: string | undefined, asOf: string) => (iso ? Math.max(0, Math.round((Date.parse(asOf) - Date.parse(iso)) / 60_000)) : undefined);

function heldBy(r: SyncErrorRow): string {
  if (r.heldBy === undefined) return '—';
  if (r.heldBy === null) return 'no one now (clears on next sync)';
  return `${md(r.heldBy.name)}${r.heldBy.upn ? ` (${md(r.heldBy.upn)})` : r.heldBy.kind === 'group' ? ' (group)' : ''}`;
}

export function renderSyncErrors(vm: SyncErrors, view: ViewOptions): Rendered {
  const objects = vm.users + vm.groups;
  const list = pagedTable(
    {
      headers: ['Object', 'Problem', 'Conflicting value', 'Held by', 'Since'],
      rows: vm.rows.map((r) => [
        // The object's own page in Entra: its name is escaped, the URL is ours (object id, encoded).
        `[${md(r.name)}](${r.kind === 'group' ? links.group(r.id) : links.user(r.id)})${r.address ? ` (${md(r.address)})` : ''}${r.kind === 'group' ? ' · group' : ''}`,
        md(problem(r.error.property, r.error.category)),
        md(r.error.value),
        heldBy(r),
        ago(minutesBetween(r.error.occurred, vm.asOf)),
      ]),
      widths: [3, 2, 3, 3, 2],
      empty: 'No user or group has a provisioning error.',
    },
    view,
  );
  const kinds = [...new Set(vm.rows.map((r) => r.error.property))];
  const advice = kinds.map((k) => ADVICE[k] ?? OTHER_ADVICE).filter((a, i, all) => all.indexOf(a) === i);
  const syncNote: Element[] = vm.sync
    ? vm.sync.enabled
      ? [subtle(`Directory sync last ran ${ago(vm.sync.ageMinutes)}.`)]
      : [subtle('This tenant does not sync from on-premises AD, so Entra Connect reports no errors here.')]
    : [];
  const body: Element[] = [
    heading('Directory sync errors'),
    objects
      ? status(`${plural(objects, 'object')} could not be provisioned by Entra Connect`, 'attention')
      : status('No provisioning errors', 'good'),
    ...syncNote,
    columns([big(vm.users, 'users with errors'), big(vm.groups, 'groups with errors')]),
    ...list.elements,
    ...(vm.truncated ? [subtle(`Showing the errors of the first ${count(new Set(vm.rows.map((r) => r.id)).size)} objects by name; Entra Connect Health lists them all.`)] : []),
    ...(advice.length ? [container([text('**What to do**'), ...advice.map((a) => text(a, { spacing: 'Small' }))], { separator: true, spacing: 'Medium' })] : []),
  ];
  const fallback = objects
    ? `${plural(vm.users, 'user')} and ${plural(vm.groups, 'group')} have directory sync provisioning errors: ${vm.rows
        .slice(0, 10)
        .map((r) => `${r.name}: ${problem(r.error.property, r.error.category)} (${r.error.value})${r.heldBy ? ` held by ${r.heldBy.name}` : ''}`)
        .join('; ')}${vm.rows.length > 10 ? '; …' : ''}. Fix the duplicate in on-premises AD; the next sync clears it.`
    : 'No user or group has a directory sync provisioning error.';
  return guard(card(body, [...list.actions, openUrl('Sync errors in Entra', links.syncErrors()), openUrl('Entra Connect', links.connect())]), fallback, list.pages);
}
