// The user.lookup card: who the person is, their manager, licenses and sync state — or, when the
// name matched several people or none, the shared "which one?" / "not found" card.
import type { Health } from '../answers/results.ts';
import type { UserLookup } from '../answers/user-lookup.ts';
import type { ViewOptions } from '../catalog.ts';
import { card, container, execute, facts, heading, openUrl, status, subtle, text, type Element, type Tone } from './elements.ts';
import { md, plain } from './escape.ts';
import { ago, utc } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { problem } from './sync-errors.ts';
import { renderUserChoice } from './user-choice.ts';

const TONE: Record<Health, Tone> = { healthy: 'good', warning: 'warning', error: 'attention', off: 'default', unknown: 'default' };
const WORDS: Record<Health, string> = { healthy: 'healthy', warning: 'behind (over 3 hours)', error: 'stalled (over 24 hours)', off: 'off', unknown: 'last sync unknown' };

type Person = Extract<UserLookup, { kind: 'person' }>;

const minutesBetween = (iso: string | undefined, asOf: string) => (iso ? Math.max(0, Math.round((Date.parse(asOf) - Date.parse(iso)) / 60_000)) : undefined);

function syncSection(vm: Person): Element[] {
  const s = vm.sync;
  if (!s.synced) return [status('Cloud-only account', 'default'), subtle('Created in the cloud, not synced from on-premises AD: change it in the Entra admin center.')];
  const out: Element[] = [
    status(`Synced from on-premises AD: ${WORDS[s.health]}`, TONE[s.health]),
    facts([
      ['Last sync', `${ago(s.ageMinutes)} (${utc(s.lastSync)})`],
      ...(s.onPremisesDomain ? ([['On-premises domain', md(s.onPremisesDomain)]] as [string, string][]) : []),
      ...(s.samAccountName ? ([['On-premises account', md(s.samAccountName)]] as [string, string][]) : []),
      ...(s.onPremisesUpn && s.onPremisesUpn.toLowerCase() !== vm.person.upn.toLowerCase() ? ([['On-premises UPN', md(s.onPremisesUpn)]] as [string, string][]) : []),
    ]),
    subtle('Change their name, title or groups in on-premises Active Directory: the cloud copy is overwritten at every sync.'),
  ];
  for (const e of s.errors) {
    out.push(
      text(`⚠ **${md(problem(e.property, e.category))}**: ${md(e.value)}, since ${ago(minutesBetween(e.occurred, vm.asOf))}. Fix the duplicate in on-premises AD; the next sync clears it.`, { color: 'Attention' }),
    );
  }
  return out;
}

function licenseSection(vm: Person): Element[] {
  const l = vm.licenses;
  if (!l.readable) {
    return [
      text(
        l.reason === 'denied'
          ? `I could not read ${vm.self ? 'your' : 'their'} licenses: that needs ${md(l.roles.join(', '))}.`
          : 'Graph did not answer for the licenses; try again later.',
        { isSubtle: true },
      ),
    ];
  }
  if (!l.value.length) return [text('No licenses assigned.')];
  return [text(l.value.map((x) => `- ${md(x.name)}`).join('\r'))];
}

function managerText(vm: Person): string {
  const m = vm.manager;
  if (!m.readable) return m.reason === 'denied' ? 'could not read' : 'not available';
  if (!m.value) return 'none';
  return `${md(m.value.name)}${m.value.jobTitle ? `, ${md(m.value.jobTitle)}` : ''}`;
}

export function renderUserLookup(vm: UserLookup, _view: ViewOptions): Rendered {
  if (vm.kind !== 'person') return renderUserChoice(vm);
  const p = vm.person;
  const guest = p.userType === 'Guest';
  const subtitle = [p.jobTitle, p.department, p.office].filter(Boolean).map((x) => md(x)).join(' · ');
  const accountLine = !p.enabled
    ? status('Account disabled: they cannot sign in', 'attention')
    : guest && p.invitation === 'PendingAcceptance'
      ? status('Guest: has not accepted the invitation yet', 'warning')
      : status(guest ? 'Guest account, enabled' : 'Account enabled', 'good');
  const body: Element[] = [
    heading(md(p.name)),
    ...(subtitle ? [subtle(subtitle)] : []),
    accountLine,
    facts([
      ['User principal name', md(p.upn)],
      ...(p.mail && p.mail.toLowerCase() !== p.upn.toLowerCase() ? ([['Email', md(p.mail)]] as [string, string][]) : []),
      ['User type', md(p.userType)],
      ['Manager', managerText(vm)],
      ...(p.created ? ([['Created', utc(p.created).slice(0, 10)]] as [string, string][]) : []),
    ]),
    container([text('**Directory sync**'), ...syncSection(vm)], { separator: true, spacing: 'Medium' }),
    container([text('**Licenses**'), ...licenseSection(vm)], { separator: true, spacing: 'Medium' }),
  ];
  const groupsQuestion = vm.self ? 'what groups am I in?' : `what groups is ${p.upn || p.name} in?`;
  const actions = [
    openUrl('Open in Entra', links.user(p.id)),
    execute(vm.self ? 'My groups' : 'Their groups', 'choose', { intent: 'user.groups', entities: { user: vm.self ? 'me' : p.upn || p.id }, label: plain(groupsQuestion, 200) }),
  ];
  const lic = vm.licenses.readable ? (vm.licenses.value.length ? vm.licenses.value.map((x) => x.name).join(', ') : 'none') : 'could not be read';
  const fallback = `${p.name} (${p.upn})${p.jobTitle ? `, ${p.jobTitle}` : ''}. ${p.enabled ? 'Enabled' : 'Disabled'} ${p.userType.toLowerCase()} account. ${
    vm.sync.synced ? `Synced from on-premises AD, last sync ${ago(vm.sync.ageMinutes)}.` : 'Cloud-only account.'
  }${vm.sync.errors.length ? ` ${vm.sync.errors.length} provisioning error(s).` : ''} Licenses: ${lic}.`;
  return guard(card(body, actions), fallback);
}
