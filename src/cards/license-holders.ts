// The license.holders card: who holds a license (count first, then the people, paged), or one
// person's licenses with the services each one switches on.
import type { Holder, LicenseHolders, PersonLicense, SkuHolders } from '../answers/license-holders.ts';
import type { UserCandidate } from '../answers/resolve-user.ts';
import type { ServiceState } from '../answers/license-plans.ts';
import type { ViewOptions } from '../catalog.ts';
import { actionSet, card, columns, container, execute, facts, heading, openUrl, status, subtle, text, type Action, type Element } from './elements.ts';
import { md, plain } from './escape.ts';
import { count, plural } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { pagedTable } from './list.ts';

/** Buttons offered at most: Teams allows five actions in an action set. */
const BUTTONS = 5;

const big = (n: number, label: string, color?: string) => ({ items: [text(count(n), { size: 'ExtraLarge', weight: 'Bolder', spacing: 'None', ...(color ? { color } : {}) }), subtle(label)] });

const account = (h: Holder) => [h.enabled ? '' : '⚠ Disabled, still licensed', h.guest ? 'Guest' : ''].filter(Boolean).join(' · ');

const STATUS: Record<string, string> = { Success: 'On', Disabled: 'Off for this person', PendingInput: 'Being set up', PendingActivation: 'Being set up', PendingProvisioning: 'Being set up', Error: '⚠ Error' };
const serviceFacts = (list: ServiceState[]): [string, string][] => list.map((s) => [md(s.service), STATUS[s.status] ?? md(s.status)]);

const personButton = (c: UserCandidate, sku: string | undefined): Action =>
  execute(plain(`${c.name}${c.upn ? ` (${c.upn})` : ''}`, 60), 'choose', { intent: 'license.holders', entities: { user: c.upn || c.id, ...(sku ? { sku } : {}) }, label: plain(`licenses of ${c.name}`, 100) });

function holders(vm: Extract<LicenseHolders, { view: 'holders' }>, view: ViewOptions): Rendered {
  const several = vm.skus.length > 1;
  const rows = vm.skus.flatMap((s: SkuHolders) => s.users.map((u) => [...(several ? [md(s.name)] : []), md(u.name), md(u.upn), account(u)]));
  const list = pagedTable({ headers: [...(several ? ['License'] : []), 'Name', 'User principal name', 'Account'], rows, widths: several ? [3, 3, 4, 2] : [3, 4, 2], empty: 'Nobody holds it.' }, view);
  const body: Element[] = [heading(several ? `Who has “${md(vm.query)}”` : `Who has ${md(vm.skus[0]!.name)}`)];
  if (several) body.push(text(`“${md(vm.query)}” matches ${plural(vm.skus.length, 'license')} here: ${vm.skus.map((s) => md(s.name)).join(' and ')}.`));
  for (const s of vm.skus) {
    const left = s.paidFor - s.assigned;
    body.push(
      ...(several ? [text(`**${md(s.name)}**`)] : []),
      columns([big(s.holders, 'people hold it'), big(s.paidFor, 'paid for'), big(left, left < 0 ? 'over-assigned' : 'available', left <= 0 ? 'Attention' : undefined)]),
    );
  }
  const disabled = vm.skus.reduce((n, s) => n + s.users.filter((u) => !u.enabled).length, 0);
  if (disabled) body.push(status(`${plural(disabled, 'disabled account')} among those shown still ${disabled === 1 ? 'holds' : 'hold'} a license`, 'warning'));
  body.push(...list.elements);
  const partial = vm.skus.filter((s) => s.users.length < s.holders);
  if (partial.length) body.push(subtle(partial.map((s) => `Showing the first ${count(s.users.length)} of ${count(s.holders)} ${md(s.name)} holders, by name.`).join(' ')));
  body.push(subtle('Holders include licenses assigned through groups.'));
  const fallback = vm.skus.map((s) => `${s.name}: ${s.holders} people (${s.users.slice(0, 10).map((u) => u.name).join(', ')}${s.users.length > 10 ? ', …' : ''})`).join('; ');
  return guard(card(body, [...list.actions, openUrl('Licenses in Entra', links.licenses())]), fallback, list.pages);
}

function licenseBlock(l: PersonLicense, first: boolean): Element {
  const off = l.disabledPlans ? [subtle(`${plural(l.disabledPlans, 'service plan')} of this license ${l.disabledPlans === 1 ? 'is' : 'are'} switched off for this person.`)] : [];
  return container([text(`**${md(l.name)}**`), ...(l.services.length ? [facts(serviceFacts(l.services))] : [subtle('No main service in this license (add-on or capacity).')]), ...off], { separator: !first, spacing: 'Medium' });
}

function person(vm: Extract<LicenseHolders, { view: 'person' }>): Rendered {
  const who = vm.person.self ? 'You' : vm.person.name;
  const body: Element[] = [heading(vm.person.self ? 'Your licenses' : `${md(vm.person.name)}’s licenses`)];
  if (!vm.person.self) body.push(subtle(md(vm.person.upn)));
  if (vm.sku) {
    body.push(vm.sku.held.length ? status(`${vm.person.self ? 'You have' : 'Has'} ${vm.sku.held.map(md).join(' and ')}`, 'good') : status(`No “${md(vm.sku.query)}” license`, 'attention'));
  }
  if (!vm.licenses.length) {
    body.push(status('No licenses', 'attention'), text(`${md(who)} ${vm.person.self ? 'have' : 'has'} no license, so Exchange, SharePoint, Teams and the Office apps are not available${vm.person.self ? ' to you' : ''}.`));
  } else {
    body.push(text(`${plural(vm.licenses.length, 'license')}, with the main services each one switches on:`), ...vm.licenses.map((l, i) => licenseBlock(l, i === 0)));
  }
  const fallback = `${who}: ${vm.licenses.length ? vm.licenses.map((l) => `${l.name} (${l.services.map((s) => s.service).join(', ') || 'no main services'})`).join('; ') : 'no licenses'}.`;
  return guard(card(body, [openUrl(vm.person.self ? 'My account' : 'Open in Entra', vm.person.self ? 'https://myaccount.microsoft.com/' : links.user(vm.person.id))]), fallback);
}

export function renderLicenseHolders(vm: LicenseHolders, view: ViewOptions): Rendered {
  switch (vm.view) {
    case 'holders':
      return holders(vm, view);
    case 'person':
      return person(vm);
    case 'skuNotFound': {
      const buttons = vm.tenantSkus.slice(0, BUTTONS).map((s) => execute(plain(s.name, 60), 'choose', { intent: 'license.holders', entities: { sku: s.partNumber }, label: plain(`who has ${s.name}`, 100) }));
      const body: Element[] = [
        heading(`No “${md(vm.query)}” licenses here`),
        text(vm.tenantSkus.length ? `This organization has no subscription I can match to “${md(vm.query)}”. It has: ${vm.tenantSkus.map((s) => md(s.name)).join(', ')}.` : 'This organization has no license subscriptions.'),
        ...(buttons.length ? [actionSet(buttons)] : []),
      ];
      return guard(card(body, [openUrl('Licenses in Entra', links.licenses())]), `No "${vm.query}" licenses here. The organization has: ${vm.tenantSkus.map((s) => s.name).join(', ')}.`);
    }
    case 'whichPerson': {
      const body: Element[] = [heading(`Which “${md(vm.query)}”?`), text(`${plural(vm.candidates.length, 'person', 'people')}${vm.more ? ' or more' : ''} match. Whose licenses?`), actionSet(vm.candidates.slice(0, BUTTONS).map((c) => personButton(c, vm.sku)))];
      if (vm.candidates.length > BUTTONS) body.push(subtle(`Also: ${vm.candidates.slice(BUTTONS).map((c) => md(c.name)).join(', ')}. Ask with their user principal name.`));
      return guard(card(body), `Several people match "${vm.query}": ${vm.candidates.map((c) => `${c.name} (${c.upn})`).join(', ')}.`);
    }
    case 'personNotFound': {
      const body: Element[] = [heading(`No one called “${md(vm.query)}”`), text('Nobody in the directory has that name or user principal name.')];
      if (vm.suggestions.length) body.push(text('**Did you mean:**'), actionSet(vm.suggestions.slice(0, BUTTONS).map((c) => personButton(c, vm.sku))));
      return guard(card(body), `No one called "${vm.query}".${vm.suggestions.length ? ` Did you mean: ${vm.suggestions.map((c) => c.name).join(', ')}?` : ''}`);
    }
  }
}
