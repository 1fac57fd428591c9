// The app.lookup card: what the app is in this tenant (registration, enterprise app or both), in
// plain words, then the facts an admin checks — publisher, audience, assignment, owners, credentials.
import type { AppLookup, AppMatch, EnterpriseApp, NearApp, Owner, Registration } from '../answers/app-lookup.ts';
import { OWNERS_EXPANDED } from '../answers/app-lookup.ts';
import type { ViewOptions } from '../catalog.ts';
import { audienceText, credentialLine, day, publisherText } from './app-words.ts';
import { actionSet, card, container, execute, facts, heading, openUrl, status, subtle, text, type Action, type Element, type Tone } from './elements.ts';
import { md, plain } from './escape.ts';
import { count } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';

const KIND_SHORT: Record<NearApp['kind'], string> = { registration: 'app registration', enterprise: 'enterprise app', both: 'registered here' };

/** What the app is, in one colored line. */
export function kindLine(m: AppMatch): { label: string; tone: Tone } {
  if (m.kind === 'both') return { label: 'Registered in this tenant, with its enterprise app here', tone: 'good' };
  if (m.kind === 'registration') return { label: 'App registration only: there is no enterprise app for it in this tenant, so nobody here signs in to it yet', tone: 'warning' };
  const origin = m.enterpriseApp?.publisher.origin;
  if (origin === 'microsoft') return { label: 'A Microsoft app, present here as an enterprise app', tone: 'accent' };
  if (origin === 'this-tenant') return { label: 'Enterprise app of an app registered in this tenant (the registration itself is not listed)', tone: 'warning' };
  const who = m.enterpriseApp?.publisher.verified;
  return { label: `Enterprise app from ${who ? md(who) : 'another publisher'}: a third-party or gallery app used in this tenant, registered by its publisher`, tone: 'accent' };
}

function ownersText(list: Owner[] | undefined, hidden: boolean): string {
  if (hidden || !list) return 'Not shown: your account may not read other people’s profiles';
  if (!list.length) return '⚠ None: nobody is responsible for this app';
  const names = list.map((o) => `${md(o.name)}${o.kind === 'servicePrincipal' ? ' (app)' : ''}`).join(', ');
  return list.length >= OWNERS_EXPANDED ? `${names} and possibly more` : names;
}

function registrationFacts(r: Registration, hidden: boolean): [string, string][] {
  return [
    ['Publisher', publisherText(r.publisher)],
    ['Who can sign in', audienceText(r.signInAudience)],
    ['Created', day(r.createdDateTime)],
    ['Owners', ownersText(r.owners, hidden)],
    ['Secrets and certificates', credentialLine(r.credentials)],
  ];
}

function enterpriseFacts(e: EnterpriseApp, withPublisher: boolean, hidden: boolean): [string, string][] {
  return [
    ...(withPublisher ? ([['Publisher', publisherText(e.publisher)]] as [string, string][]) : []),
    ['Assignment required', e.assignmentRequired ? 'Yes: only assigned users and groups can sign in' : 'No: anyone in the organization can sign in'],
    ['Enabled for sign-in', e.enabled ? 'Yes' : '⚠ No: sign-in is blocked'],
    ...(e.singleSignOn ? ([['Single sign-on', md(e.singleSignOn.toUpperCase() === 'SAML' ? 'SAML' : e.singleSignOn)]] as [string, string][]) : []),
    ['In My Apps', e.visibleToUsers ? 'Visible to users' : 'Hidden'],
    ...(withPublisher ? ([['Who can sign in', audienceText(e.signInAudience)]] as [string, string][]) : []),
    ...(e.owners?.length || withPublisher ? ([['Owners', ownersText(e.owners, hidden)]] as [string, string][]) : []),
    ...(e.credentials.count ? ([['Signing certificates', credentialLine(e.credentials)]] as [string, string][]) : []),
  ];
}

function matchElements(m: AppMatch, hidden: boolean, first: boolean, showName: boolean): Element[] {
  const k = kindLine(m);
  const items: Element[] = [];
  if (showName) items.push(text(`**${md(m.name)}**`, { size: 'Medium' }));
  items.push(status(k.label, k.tone));
  items.push(facts([['Application (client) ID', md(m.appId)]]));
  if (m.registration) {
    items.push(subtle('App registration'));
    items.push(facts(registrationFacts(m.registration, hidden)));
  }
  if (m.enterpriseApp) {
    items.push(subtle('Enterprise app'));
    items.push(facts(enterpriseFacts(m.enterpriseApp, !m.registration, hidden)));
  }
  const buttons: Action[] = [];
  if (m.registration) buttons.push(openUrl('Open app registration', links.appRegistration(m.appId)));
  if (m.enterpriseApp) buttons.push(openUrl('Open enterprise app', links.enterpriseApp(m.enterpriseApp.id, m.appId)));
  if (!showName) return [container(items)];
  return [container([...items, actionSet(buttons)], { separator: !first, spacing: first ? 'Default' : 'Large' })];
}

const choose = (n: NearApp): Action => execute(plain(`${n.name} (${KIND_SHORT[n.kind]})`, 60), 'choose', { intent: 'app.lookup', entities: { app: n.appId }, label: plain(`the app ${n.name}`, 100) });

function summary(m: AppMatch): string {
  const what = m.kind === 'both' ? 'registered in this tenant, with an enterprise app' : m.kind === 'registration' ? 'an app registration only (no enterprise app here)' : `an enterprise app from ${m.enterpriseApp?.publisher.origin === 'microsoft' ? 'Microsoft' : (m.enterpriseApp?.publisher.verified ?? 'another publisher')}`;
  const assignment = m.enterpriseApp ? (m.enterpriseApp.assignmentRequired ? ' Assignment is required.' : ' Anyone in the organization can sign in.') : '';
  return `${m.name} (${m.appId}) is ${what}${what.endsWith('.') ? '' : '.'}${assignment}`;
}

export function renderAppLookup(vm: AppLookup, _view: ViewOptions): Rendered {
  const browse = [openUrl('Enterprise apps', links.enterpriseApps()), openUrl('App registrations', links.appRegistrations())];
  if (vm.by === 'none' || !vm.query) {
    return guard(
      card([heading('Which app?'), text('Tell me the app’s name or its application (client) ID, for example “is Salesforce registered?” or “app 00000003-0000-0000-c000-000000000000”.')], browse),
      'Which app? Give its name or application (client) ID.',
    );
  }
  const hidden = vm.ownersHidden !== undefined;
  const note = vm.ownersHidden ? [subtle(`Owners are not shown: Graph lets only ${md(vm.ownersHidden.roles.join(', '))} read ${md(vm.ownersHidden.what)} here.`)] : [];
  if (!vm.matches.length) {
    const where = vm.by === 'appId' ? `No app registration or enterprise app in this tenant has the application (client) ID ${md(vm.query)}.` : `Nothing in this tenant’s app registrations or enterprise apps is named exactly “${md(vm.query)}”.`;
    const body: Element[] = [heading(vm.by === 'appId' ? 'No app with that ID' : `No app called “${md(vm.query)}”`), status('Not found in this tenant', 'default'), text(where)];
    if (vm.near.length) body.push(text('**Did you mean:**'), actionSet(vm.near.map(choose)));
    const fallback = `No app ${vm.by === 'appId' ? `with application ID ${vm.query}` : `called "${vm.query}"`} in this tenant.${vm.near.length ? ` Did you mean: ${vm.near.map((n) => n.name).join(', ')}?` : ''}`;
    return guard(card(body, browse), fallback);
  }
  if (vm.matches.length === 1) {
    const m = vm.matches[0]!;
    const actions: Action[] = [];
    if (m.registration) actions.push(openUrl('Open app registration', links.appRegistration(m.appId)));
    if (m.enterpriseApp) actions.push(openUrl('Open enterprise app', links.enterpriseApp(m.enterpriseApp.id, m.appId)));
    return guard(card([heading(md(m.name)), ...matchElements(m, hidden, true, false), ...note], actions), summary(m));
  }
  const body: Element[] = [
    heading(`${count(vm.matches.length)}${vm.more ? '+' : ''} apps are called “${md(vm.query)}”`),
    text(vm.more ? `Showing the first ${count(vm.matches.length)}; open the admin center for all of them.` : 'They are different apps with the same name; the application (client) ID tells them apart.'),
    ...vm.matches.flatMap((m, i) => matchElements(m, hidden, i === 0, true)),
    ...note,
  ];
  return guard(card(body, browse), vm.matches.map(summary).join(' '));
}
