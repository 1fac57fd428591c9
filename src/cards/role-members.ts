// The role.members card: who holds a directory role (users, groups and apps, each shown as such), or
// every role in use with its holders; always noting that eligible (PIM) assignments are not included.
import type { PrincipalKind, RoleGroup, RoleMembers, RolePrincipal } from '../answers/role-members.ts';
import type { ViewOptions } from '../catalog.ts';
import { GLOBAL_ADMINISTRATOR } from '../knowledge/roles.ts';
import { actionSet, card, columns, execute, heading, openUrl, status, subtle, text, type Element } from './elements.ts';
import { md, plain } from './escape.ts';
import { count, plural } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { pagedTable } from './list.ts';

/** Microsoft's guidance: fewer than five Global Administrators. */
export const GA_ADVISED_MAX = 4;

const KIND: Record<PrincipalKind, string> = { user: 'User', group: 'Group', servicePrincipal: 'App', other: 'Directory object' };
const PIM = 'Active assignments only: people eligible through Privileged Identity Management (PIM) are not included.';

const big = (n: number, label: string) => ({ items: [text(count(n), { size: 'ExtraLarge', weight: 'Bolder', spacing: 'None' }), subtle(label)] });

const nameOf = (p: RolePrincipal) => (p.name ? md(p.name) : `Hidden (${md(p.id)})`);
function detail(p: RolePrincipal): string {
  const parts = [p.upn ? md(p.upn) : p.appId ? `App ID ${md(p.appId)}` : '', p.enabled === false ? '⚠ Disabled' : '', p.scope ? `Scoped to ${md(p.scope)}` : ''];
  return parts.filter(Boolean).join(' · ');
}

function oneRole(vm: RoleMembers, g: RoleGroup, view: ViewOptions): Rendered {
  const isGa = g.roleId.toLowerCase() === GLOBAL_ADMINISTRATOR.templateId;
  const list = pagedTable({ headers: ['Name', 'Type', 'Sign-in name or app'], rows: g.members.map((p) => [nameOf(p), KIND[p.kind], detail(p)]), widths: [3, 2, 4], empty: 'Nobody holds this role right now.' }, view);
  const kinds = (['user', 'group', 'servicePrincipal'] as const).map((k) => [k, g.members.filter((p) => p.kind === k).length] as const).filter(([, n]) => n > 0);
  const body: Element[] = [heading(md(g.name))];
  if (isGa && g.members.length > GA_ADVISED_MAX) body.push(status(`${count(g.members.length)} Global Administrators: Microsoft advises fewer than five`, 'warning'));
  else if (!g.members.length) body.push(status('Nobody holds this role', 'default'));
  body.push(columns([big(g.members.length, g.members.length === 1 ? 'holds this role' : 'hold this role'), ...kinds.map(([k, n]) => big(n, k === 'user' ? 'users' : k === 'group' ? 'groups (their members hold it too)' : 'apps'))]));
  body.push(...list.elements, subtle(PIM));
  if (vm.namesHidden) body.push(subtle(`Names are hidden: Graph lets only ${md(vm.namesHidden.roles.join(', '))} read ${md(vm.namesHidden.what)} here.`));
  if (vm.truncated) body.push(subtle('There are more assignments than I read; open the admin center for all of them.'));
  const fallback = `${g.name}: ${g.members.length ? g.members.map((p) => `${p.name ?? p.id}${p.kind === 'user' ? '' : ` (${KIND[p.kind].toLowerCase()})`}`).join(', ') : 'nobody'}. Active assignments only.`;
  return guard(card(body, [...list.actions, openUrl('Open role members', links.role(g.roleId))]), fallback, list.pages);
}

function summaryCell(g: RoleGroup): string {
  const shown = g.members.slice(0, 5).map((p) => `${nameOf(p)}${p.kind === 'user' || p.kind === 'other' ? '' : ` (${KIND[p.kind].toLowerCase()})`}`);
  return `${shown.join(', ')}${g.members.length > 5 ? ` and ${count(g.members.length - 5)} more` : ''}`;
}

export function renderRoleMembers(vm: RoleMembers, view: ViewOptions): Rendered {
  if (vm.notFound) {
    const body: Element[] = [heading(`No role called “${md(vm.query)}”`), text('No directory role, built-in or custom, has that name.')];
    if (vm.notFound.suggestions.length) {
      body.push(text('**Did you mean:**'), actionSet(vm.notFound.suggestions.map((s) => execute(plain(s.name, 60), 'choose', { intent: 'role.members', entities: { role: s.name }, label: plain(`who has ${s.name}`, 100) }))));
    }
    return guard(card(body, [openUrl('All roles', links.roles())]), `No role called "${vm.query ?? ''}".${vm.notFound.suggestions.length ? ` Did you mean: ${vm.notFound.suggestions.map((s) => s.name).join(', ')}?` : ''}`);
  }
  if (vm.query && vm.roles.length === 1) return oneRole(vm, vm.roles[0]!, view);
  const assignments = vm.roles.reduce((n, g) => n + g.members.length, 0);
  const list = pagedTable({ headers: ['Role', 'Holders', 'Who'], rows: vm.roles.map((g) => [md(g.name), count(g.members.length), summaryCell(g)]), widths: [3, 1, 6], empty: 'No directory role is assigned to anyone.' }, view);
  const ga = vm.roles.find((g) => g.roleId.toLowerCase() === GLOBAL_ADMINISTRATOR.templateId);
  const body: Element[] = [heading('Admin roles and who holds them'), columns([big(vm.roles.length, 'roles in use'), big(assignments, 'assignments'), big(ga?.members.length ?? 0, 'Global Administrators')])];
  if (ga && ga.members.length > GA_ADVISED_MAX) body.push(status(`${count(ga.members.length)} Global Administrators: Microsoft advises fewer than five`, 'warning'));
  body.push(...list.elements, subtle(`${PIM} Ask “who has the User Administrator role?” for one role’s full list.`));
  if (vm.namesHidden) body.push(subtle(`Names are hidden: Graph lets only ${md(vm.namesHidden.roles.join(', '))} read ${md(vm.namesHidden.what)} here.`));
  if (vm.truncated) body.push(subtle('There are more assignments than I read; open the admin center for all of them.'));
  const fallback = `${plural(vm.roles.length, 'role')} in use: ${vm.roles
    .slice(0, 8)
    .map((g) => `${g.name} (${g.members.length})`)
    .join(', ')}${vm.roles.length > 8 ? ' and more' : ''}. Active assignments only.`;
  return guard(card(body, [...list.actions, openUrl('All roles', links.roles())]), fallback, list.pages);
}
