// The app.credentials card: how many secrets and certificates end soon or have ended, then each one,
// soonest first, linked to the page where it is renewed.
import type { AppCredentials, DueCredential } from '../answers/app-credentials.ts';
import { APPS_BOUND } from '../answers/app-credentials.ts';
import type { ViewOptions } from '../catalog.ts';
import { day, dueText, kindWord } from './app-words.ts';
import { card, columns, heading, openUrl, status, subtle, text, type Element } from './elements.ts';
import { md } from './escape.ts';
import { count, plural } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { PAGE_SIZE, pagedTable } from './list.ts';

const big = (n: number, label: string, color?: string) => ({ items: [text(count(n), { size: 'ExtraLarge', weight: 'Bolder', spacing: 'None', ...(color && n > 0 ? { color } : {}) }), subtle(label)] });

/** Where this credential is renewed: the registration's Certificates & secrets, or the enterprise app's single sign-on page. */
export const renewLink = (r: DueCredential) => (r.owner === 'application' ? links.appCredentials(r.appId) : links.enterpriseAppSignOn(r.objectId, r.appId));

function credentialCell(r: DueCredential): string {
  const name = r.name ? ` “${md(r.name)}”` : '';
  const hint = r.hint ? ` (${md(r.hint)}…)` : '';
  const where = r.owner === 'servicePrincipal' ? ' · enterprise app' : '';
  return `${kindWord(r.kind)}${name}${hint}${where}`;
}

function statusCell(r: DueCredential): string {
  if (!r.expired) return `${r.days <= 7 ? '⚠ ' : ''}${dueText(r)[0]!.toUpperCase()}${dueText(r).slice(1)}`;
  const replaced = r.replacedUntil ? `; a newer one is valid until ${day(r.replacedUntil)}` : '';
  return `${r.replacedUntil ? '' : '⛔ '}Expired ${dueText(r).replace(/^expired /, '')}${replaced}`;
}

/**
 * Each row's app cell opens the page where that credential is renewed (a TableCell selectAction:
 * no markdown links in text, which Teams would also render for names that only look like links).
 */
function linkRows(elements: Element[], rows: DueCredential[], view: ViewOptions): void {
  const tableEl = elements.find((e) => e.type === 'Table') as { rows?: { cells: Record<string, unknown>[] }[] } | undefined;
  if (!tableEl?.rows) return;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(Math.max(0, view.page), pages - 1);
  const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  tableEl.rows.slice(1).forEach((row, i) => {
    const r = shown[i];
    if (r && row.cells[0]) row.cells[0].selectAction = openUrl(r.owner === 'application' ? 'Certificates & secrets' : 'Single sign-on', renewLink(r));
  });
}

export function renderAppCredentials(vm: AppCredentials, view: ViewOptions): Rendered {
  const title = vm.days === 0 ? 'Expired app secrets and certificates' : `App secrets and certificates ending within ${plural(vm.days, 'day')}`;
  const list = pagedTable(
    {
      headers: ['App', 'Credential', 'Ends', 'Status'],
      rows: vm.rows.map((r) => [md(r.appName), credentialCell(r), day(r.endDateTime), statusCell(r)]),
      widths: [3, 3, 2, 3],
      empty: vm.days === 0 ? 'No app secret or certificate has expired.' : `No app secret or certificate ends within ${plural(vm.days, 'day')}, and none has expired.`,
    },
    view,
  );
  linkRows(list.elements, vm.rows, view);
  const total = vm.expiring + vm.expired;
  const health =
    vm.expired > 0 ? status(`${plural(vm.expired, 'credential')} already expired`, 'attention') : vm.expiring > 0 ? status(`${plural(vm.expiring, 'credential')} to renew soon`, 'warning') : status('Nothing to renew', 'good');
  const scanned = `Checked ${plural(vm.scanned.applications, 'app registration')} and ${plural(vm.scanned.servicePrincipals, 'enterprise app')}.${
    vm.scanned.truncated ? ` There are more than ${count(APPS_BOUND)} of one kind; only the first ${count(APPS_BOUND)} were checked.` : ''
  }`;
  const shown = vm.rows.length < total ? [subtle(`Showing the ${count(vm.rows.length)} most urgent of ${count(total)}.`)] : [];
  const body = [
    heading(title),
    health,
    columns([...(vm.days > 0 ? [big(vm.expiring, `ending within ${plural(vm.days, 'day')}`, 'Warning')] : []), big(vm.expired, 'already expired', 'Attention'), big(vm.apps, 'apps affected')]),
    ...list.elements,
    ...shown,
    subtle(`${scanned} Select an app to open the page where its credential is renewed.`),
  ];
  const first = vm.rows.slice(0, 5).map((r) => `${r.appName} (${kindWord(r.kind).toLowerCase()} ${dueText(r)})`);
  const fallback =
    total === 0
      ? `${title}: none. ${scanned}`
      : `${title}: ${vm.days > 0 ? `${count(vm.expiring)} ending soon, ` : ''}${count(vm.expired)} expired, in ${plural(vm.apps, 'app')}. ${first.join('; ')}${vm.rows.length > 5 ? '; …' : ''}`;
  return guard(card(body, [...list.actions, openUrl('App registrations', links.appRegistrations())]), fallback, list.pages);
}
