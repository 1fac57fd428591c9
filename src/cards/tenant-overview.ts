// The tenant.overview card: which tenant this is, the Entra ID directory behind it, its domains,
// whether it syncs from on-premises AD, how many people it holds, and where to manage it.
import type { Health } from '../answers/results.ts';
import type { TenantOverview } from '../answers/tenant-overview.ts';
import type { ViewOptions } from '../catalog.ts';
import { card, columns, container, facts, heading, openUrl, status, subtle, text, type Element, type Tone } from './elements.ts';
import { md } from './escape.ts';
import { ago, count, utc } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';

const TONE: Record<Health, Tone> = { healthy: 'good', warning: 'warning', error: 'attention', off: 'default', unknown: 'default' };
const WORDS: Record<Health, string> = { healthy: 'healthy', warning: 'behind (over 3 hours)', error: 'stalled (over 24 hours)', off: 'off', unknown: 'last run unknown' };

const big = (n: number, label: string) => ({ items: [text(count(n), { size: 'ExtraLarge', weight: 'Bolder', spacing: 'None' }), subtle(label)] });

export function renderTenantOverview(vm: TenantOverview, _view: ViewOptions): Rendered {
  const domainLines = vm.domains.map((d) => {
    const tags = [d.isDefault ? 'default' : '', d.isInitial ? 'initial' : '', d.type === 'Federated' ? 'federated' : ''].filter(Boolean);
    return `- ${md(d.name)}${tags.length ? ` (${tags.join(', ')})` : ''}`;
  });
  const sync: Element[] = vm.sync.enabled
    ? [status(`Synced from on-premises AD: ${WORDS[vm.sync.health]}`, TONE[vm.sync.health]), subtle(`Last directory sync ${ago(vm.sync.ageMinutes)} (${utc(vm.sync.lastSync)}).`)]
    : [status('Cloud-only: no sync from on-premises AD', 'default'), subtle('Every account is created and managed in the cloud.')];
  const u = vm.users;
  const people: Element[] = u.readable
    ? [
        columns([big(u.value.total, 'users in all'), big(u.value.members, 'members'), big(u.value.guests, 'guests')]),
        columns([big(u.value.synced, 'synced from AD'), big(u.value.cloudOnly, 'cloud-only members'), { items: [] }], { spacing: 'Small' }),
      ]
    : [subtle(u.reason === 'denied' ? `I could not count the users: your account may not list ${md(u.what)} (a ${md(u.roles.join(', '))} may).` : 'Graph did not answer when I counted the users; try again later.')];
  const body: Element[] = [
    heading(md(vm.name)),
    subtle('Microsoft 365 tenant · Microsoft Entra ID directory'),
    text(
      `Your Microsoft 365 tenant **${md(vm.name)}** is one Microsoft Entra ID directory: its people, groups, apps and domains live there, and Teams, Exchange and SharePoint sign everyone in through it.`,
    ),
    facts([
      ['Tenant ID', md(vm.id)],
      ['Initial domain', md(vm.initialDomain ?? '—')],
      ['Default domain', md(vm.defaultDomain ?? '—')],
      ...(vm.createdDateTime ? ([['Created', utc(vm.createdDateTime).slice(0, 10)]] as [string, string][]) : []),
      ...(vm.country ? ([['Country or region', md(vm.country)]] as [string, string][]) : []),
    ]),
    container(sync, { separator: true, spacing: 'Medium' }),
    container(people, { spacing: 'Medium' }),
    container([text(`**Verified domains (${count(vm.domains.length)})**`), text(domainLines.join('\r')) ], { separator: true, spacing: 'Medium' }),
    subtle('Manage users, groups, apps and sync in the Microsoft Entra admin center; billing and Microsoft 365 services in the Microsoft 365 admin center.'),
  ];
  const fallback = [
    `${vm.name} (tenant ID ${vm.id}) is a Microsoft 365 tenant backed by one Microsoft Entra ID directory.`,
    `Initial domain ${vm.initialDomain ?? 'unknown'}, default domain ${vm.defaultDomain ?? 'unknown'}; verified domains: ${vm.domains.map((d) => d.name).join(', ')}.`,
    vm.sync.enabled ? `It syncs from on-premises AD; last sync ${ago(vm.sync.ageMinutes)}.` : 'It does not sync from on-premises AD.',
    u.readable ? `${count(u.value.total)} users: ${count(u.value.members)} members, ${count(u.value.guests)} guests, ${count(u.value.synced)} synced, ${count(u.value.cloudOnly)} cloud-only members.` : 'Users could not be counted.',
  ].join(' ');
  return guard(card(body, [openUrl('Entra admin center', links.tenantOverview()), openUrl('Microsoft 365 admin center', links.m365Admin()), openUrl('Domains', links.domains())]), fallback);
}
