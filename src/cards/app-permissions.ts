// The app.permissions card: which apps may do what with the organization's data, high-impact ones
// first and flagged; for one app, everything consented to it, split by who granted it.
import type { AppAccess, GrantedPermission } from '../answers/app-access.ts';
import type { AppPermissions } from '../answers/app-permissions.ts';
import { GRANTS_BOUND } from '../answers/app-permissions.ts';
import type { ViewOptions } from '../catalog.ts';
import { publisherText } from './app-words.ts';
import { actionSet, card, container, execute, facts, heading, openUrl, status, subtle, text, type Action, type Element } from './elements.ts';
import { md, plain } from './escape.ts';
import { count, plural } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { pagedTable } from './list.ts';

const perm = (p: GrantedPermission) => `${p.risky ? '⚠ ' : ''}${p.resource ? `${md(p.resource)}: ` : ''}${md(p.value)}`;
const perms = (list: GrantedPermission[]) => list.map(perm).join(', ');

/** The three ways an app holds permissions, as labelled lines. */
export function accessLines(a: AppAccess): string[] {
  const lines: string[] = [];
  if (a.application.length) lines.push(`**On its own, no user signed in:** ${perms(a.application)}`);
  if (a.delegatedAll.length) lines.push(`**For every user (admin consent):** ${perms(a.delegatedAll)}`);
  if (a.delegatedUsers.permissions.length) lines.push(`**For ${plural(a.delegatedUsers.users, 'user')} who consented:** ${perms(a.delegatedUsers.permissions)}`);
  return lines;
}

const plainLines = (a: AppAccess) =>
  [
    a.application.length ? `on its own: ${a.application.map((p) => p.value).join(', ')}` : '',
    a.delegatedAll.length ? `for every user: ${a.delegatedAll.map((p) => p.value).join(', ')}` : '',
    a.delegatedUsers.permissions.length ? `for ${a.delegatedUsers.users} users: ${a.delegatedUsers.permissions.map((p) => p.value).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');

/** The heading; `esc` is md() on the card and nothing in the plain-text fallback. */
function title(vm: AppPermissions, esc: (s: string) => string = md): string {
  if (vm.mode === 'app') return `Permissions granted to ${esc(vm.apps.length === 1 ? vm.apps[0]!.name : (vm.query ?? 'the app'))}`;
  if (vm.filter.kind === 'risky') return 'Apps with high-impact permissions';
  if (vm.filter.kind === 'permission') return `Apps with access to ${esc(vm.filter.label)}`;
  return 'Apps with access to Microsoft Graph';
}

function oneApp(vm: AppPermissions, a: AppAccess): Rendered {
  const lines = accessLines(a);
  const health = a.risky ? status(`${plural(a.risky, 'high-impact permission')}`, 'attention') : lines.length ? status('No high-impact permissions', 'good') : status('Nothing has been consented for this app', 'default');
  const body: Element[] = [
    heading(title(vm)),
    health,
    facts([
      ['Publisher', a.publisher ? publisherText(a.publisher) : 'Unknown'],
      ...(a.appId ? ([['Application (client) ID', md(a.appId)]] as [string, string][]) : []),
    ]),
    ...(lines.length ? lines.map((l) => text(l)) : [text('No administrator or user has granted this app any permission, and it holds no application permissions.')]),
    subtle('⚠ marks high-impact permissions: mail, files, sites, chats, or changing the directory, roles, consent or credentials.'),
    ...(vm.truncated ? [subtle(`Some grants were not read: there are more than ${count(GRANTS_BOUND)}.`)] : []),
  ];
  const actions: Action[] = a.appId ? [openUrl('Open its permissions', links.enterpriseAppPermissions(a.clientId, a.appId))] : [];
  return guard(card(body, [...actions, openUrl('Consent settings', links.consent())]), `${a.name}: ${plainLines(a) || 'nothing consented'}.`);
}

export function renderAppPermissions(vm: AppPermissions, view: ViewOptions): Rendered {
  if (vm.mode === 'app' && !vm.apps.length) {
    const body: Element[] = [heading(`No enterprise app called “${md(vm.query)}”`), text('Permissions are granted to an app’s enterprise app (service principal) in this tenant, and none has that name or application ID.')];
    if (vm.near.length) {
      body.push(text('**Did you mean:**'), actionSet(vm.near.map((n) => execute(plain(n.name, 60), 'choose', { intent: 'app.permissions', entities: { app: n.appId }, label: plain(`permissions of ${n.name}`, 100) }))));
    }
    return guard(card(body, [openUrl('Enterprise apps', links.enterpriseApps())]), `No enterprise app called "${vm.query ?? ''}".${vm.near.length ? ` Did you mean: ${vm.near.map((n) => n.name).join(', ')}?` : ''}`);
  }
  if (vm.mode === 'app' && vm.apps.length === 1) return oneApp(vm, vm.apps[0]!);

  const risky = vm.apps.filter((a) => a.risky > 0).length;
  const list = pagedTable(
    {
      headers: ['App', 'Publisher', 'What it may do'],
      rows: vm.apps.map((a) => [`${a.risky ? '⚠ ' : ''}${md(a.name)}`, a.publisher ? publisherText(a.publisher) : '—', accessLines(a).join('\n\n')]),
      widths: [3, 2, 6],
      empty: vm.filter.kind === 'all' ? 'No app holds permissions to Microsoft Graph.' : 'No app holds permissions like that.',
    },
    view,
  );
  const body: Element[] = [
    heading(title(vm)),
    risky ? status(`${plural(risky, 'app')} ${risky === 1 ? 'holds' : 'hold'} high-impact permissions`, 'attention') : status(vm.apps.length ? 'No app holds high-impact permissions' : 'Nothing found', 'good'),
    text(`${plural(vm.apps.length, 'app')}${vm.mode === 'tenant' ? ' with permissions to Microsoft Graph' : ''}${vm.filter.kind === 'permission' ? ` that touch ${md(vm.filter.label)}` : ''}, high-impact first.`),
    ...list.elements,
    container([subtle('⚠ marks high-impact permissions: mail, files, sites, chats, or changing the directory, roles, consent or credentials. “On its own” means no user needs to be signed in.')]),
    ...(vm.truncated ? [subtle(`Some grants were not read: there are more than ${count(GRANTS_BOUND)} of one kind.`)] : []),
  ];
  const fallback = vm.apps.length
    ? `${title(vm, String)}: ${vm.apps
        .slice(0, 5)
        .map((a) => `${a.name} (${plainLines(a)})`)
        .join('; ')}${vm.apps.length > 5 ? '; …' : ''}`
    : `${title(vm, String)}: none.`;
  return guard(card(body, [...list.actions, openUrl('Consent settings', links.consent()), openUrl('Enterprise apps', links.enterpriseApps())]), fallback, list.pages);
}
