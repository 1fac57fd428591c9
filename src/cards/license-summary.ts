// The license.summary card: for one license, how many are left in big numbers; for all of them, a
// table with the ones that need attention first and flagged.
import type { LicenseSummary, SkuHealth, SkuRow } from '../answers/license-summary.ts';
import type { ViewOptions } from '../catalog.ts';
import { card, columns, facts, heading, openUrl, status, subtle, text, type Element, type Tone } from './elements.ts';
import { md } from './escape.ts';
import { count, plural } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { pagedTable } from './list.ts';

export const usable = (r: SkuRow) => r.enabled + r.warning;

/** What needs doing about a license, in a few words ('' when nothing). */
export function healthNote(r: SkuRow): string {
  switch (r.health) {
    case 'over':
      return `⛔ Over-assigned by ${count(r.consumed - usable(r))}`;
    case 'exhausted':
      return '⚠ None left';
    case 'suspended':
      return '⛔ Subscription suspended: its licenses do not work';
    case 'grace':
      return `⚠ Subscription expired: ${plural(r.warning, 'license')} in the grace period; renew it`;
    case 'low':
      return `⚠ Only ${count(r.available)} left`;
    default:
      return '';
  }
}

const TONE: Record<SkuHealth, Tone> = { ok: 'good', low: 'warning', exhausted: 'warning', grace: 'warning', over: 'attention', suspended: 'attention' };
const big = (n: number, label: string, color?: string) => ({ items: [text(count(n), { size: 'ExtraLarge', weight: 'Bolder', spacing: 'None', ...(color ? { color } : {}) }), subtle(label)] });

function one(r: SkuRow): Element[] {
  const note = healthNote(r);
  return [
    status(note.replace(/^[⚠⛔] /, '') || `${count(r.available)} available`, TONE[r.health]),
    columns([big(Math.max(0, r.available), 'available', r.available <= 0 ? 'Attention' : r.health === 'ok' ? 'Good' : 'Warning'), big(r.consumed, 'assigned'), big(usable(r), 'paid for')]),
    facts([
      ['Product', md(r.name)],
      ['Part number', md(r.partNumber)],
      ['Subscription status', md(r.capabilityStatus)],
      ...(r.warning ? ([['In grace period', count(r.warning)]] as [string, string][]) : []),
      ...(r.suspended ? ([['Suspended', count(r.suspended)]] as [string, string][]) : []),
      ...(r.lockedOut ? ([['Locked out', count(r.lockedOut)]] as [string, string][]) : []),
      ...(r.appliesTo === 'Company' ? ([['Applies to', 'The whole organization']] as [string, string][]) : []),
    ]),
  ];
}

const line = (r: SkuRow) =>
  `${r.name}: ${count(r.consumed)} assigned of ${count(usable(r))} paid for${r.available >= 0 ? `, ${count(r.available)} available` : ''}${healthNote(r) ? ` (${healthNote(r).replace(/^[⚠⛔] /, '')})` : ''}`;

export function renderLicenseSummary(vm: LicenseSummary, view: ViewOptions): Rendered {
  const actions = [openUrl('Licenses in Entra', links.licenses())];
  if (!vm.notFound && vm.query && vm.skus.length === 1) {
    const r = vm.skus[0]!;
    return guard(card([heading(md(r.name)), ...one(r)], actions), line(r));
  }
  const table = pagedTable(
    {
      headers: ['License', 'Assigned', 'Paid for', 'Available', 'Attention'],
      rows: vm.skus.map((r) => [md(r.name), count(r.consumed), count(usable(r)), count(r.available), healthNote(r)]),
      widths: [4, 2, 2, 2, 4],
      empty: 'This organization has no license subscriptions.',
    },
    view,
  );
  const attention = vm.skus.filter((r) => r.health !== 'ok');
  const body: Element[] = [];
  if (vm.notFound) {
    body.push(heading(`No “${md(vm.query)}” licenses`), text(`This organization has no subscription I can match to “${md(vm.query)}”. These are the licenses it has:`));
  } else if (vm.query) {
    body.push(heading(`“${md(vm.query)}” could be ${plural(vm.skus.length, 'license')}`), text('The organization has each of these; which one did you mean?'));
  } else {
    body.push(heading('Licenses'));
  }
  body.push(
    attention.length ? status(`${plural(attention.length, 'license')} ${attention.length === 1 ? 'needs' : 'need'} attention`, attention.some((r) => TONE[r.health] === 'attention') ? 'attention' : 'warning') : status('Every license has units to spare', 'good'),
    ...table.elements,
    subtle('Paid for counts active units and units in a grace period. Available is paid for minus assigned; below zero means more are assigned than paid for.'),
  );
  const fallback = vm.notFound ? `No "${vm.query}" licenses here. The organization has: ${vm.skus.map((r) => r.name).join(', ')}.` : vm.skus.map(line).join('; ');
  return guard(card(body, [...table.actions, ...actions]), fallback, table.pages);
}
