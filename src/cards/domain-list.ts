// The domain.list card: every domain with how people sign in with it (Managed or Federated),
// verified, default, initial, and what it is used for — federated first; or one domain in detail.
import type { Domain, DomainList } from '../answers/domain-list.ts';
import type { ViewOptions } from '../catalog.ts';
import { card, facts, heading, openUrl, status, subtle, text, type Element } from './elements.ts';
import { md } from './escape.ts';
import { count, plural } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { pagedTable } from './list.ts';

/** supportedServices values as the admin center names them. */
const SERVICES: Record<string, string> = {
  Email: 'Email',
  OfficeCommunicationsOnline: 'Teams and Skype',
  Intune: 'Intune',
  Yammer: 'Viva Engage',
  SharePoint: 'SharePoint',
  OrgIdAuthentication: 'Sign-in',
  EmailInternalRelayOnly: 'Email (internal relay)',
  FullRedelegation: 'DNS redelegation',
  SharePointPublic: 'SharePoint public site',
};

const federated = (d: Domain) => d.authenticationType.toLowerCase() === 'federated';
const services = (d: Domain) => (d.services.length ? d.services.map((s) => SERVICES[s] ?? s).join(', ') : 'none');
const signIn = (d: Domain) => (federated(d) ? 'Federated' : md(d.authenticationType));
function roles(d: Domain): string {
  return [d.verified ? 'Verified' : '⚠ Not verified', d.isDefault ? 'default' : '', d.isInitial ? 'initial' : ''].filter(Boolean).join(', ');
}

const SIGN_IN_WORDS = {
  federated: 'People with this domain sign in at the organization’s own identity provider (for example AD FS), not with a password Entra checks.',
  managed: 'Entra ID checks the password itself (cloud-only, or with password hash sync or pass-through authentication).',
};

export function renderDomainList(vm: DomainList, view: ViewOptions): Rendered {
  if (vm.kind === 'notFound') {
    const body: Element[] = [heading('Not one of our domains'), text(`“${md(vm.query)}” is not among the ${count(vm.total)} domains of this tenant.`)];
    if (vm.suggestions.length) body.push(text(`Did you mean: ${vm.suggestions.map((s) => md(s)).join(', ')}?`));
    else body.push(subtle('Ask “list our domains” to see them all.'));
    return guard(card(body, [openUrl('Domains in Entra', links.domains())]), `"${vm.query}" is not a domain of this tenant.${vm.suggestions.length ? ` Did you mean: ${vm.suggestions.join(', ')}?` : ''}`);
  }
  if (vm.kind === 'one') {
    const d = vm.domain;
    const body: Element[] = [
      heading(md(d.name)),
      d.verified ? status('Verified', 'good') : status('Not verified: add the DNS TXT record shown in the Entra admin center, then verify it', 'warning'),
      facts([
        ['Sign-in', signIn(d)],
        ['Default domain', d.isDefault ? 'Yes: new accounts get it' : 'No'],
        ['Initial domain', d.isInitial ? 'Yes: the *.onmicrosoft.com name the tenant was created with' : 'No'],
        ['Used for', md(services(d))],
      ]),
      subtle(federated(d) ? SIGN_IN_WORDS.federated : SIGN_IN_WORDS.managed),
    ];
    const fallback = `${d.name}: ${d.verified ? 'verified' : 'not verified'}, ${d.authenticationType}${d.isDefault ? ', default' : ''}${d.isInitial ? ', initial' : ''}; used for ${services(d)}.`;
    return guard(card(body, [openUrl('Domains in Entra', links.domains())]), fallback);
  }
  const fed = vm.domains.filter(federated);
  const list = pagedTable(
    {
      headers: ['Domain', 'Sign-in', 'Status', 'Used for'],
      rows: vm.domains.map((d) => [md(d.name), signIn(d), roles(d), md(services(d))]),
      widths: [4, 2, 3, 3],
      empty: 'This tenant has no domains.',
    },
    view,
  );
  const body: Element[] = [
    heading('Domains'),
    fed.length
      ? status(`${plural(fed.length, 'federated domain')}: ${fed.map((d) => md(d.name)).join(', ')}`, 'accent')
      : status('No federated domains: Entra ID checks every password itself', 'default'),
    subtle(fed.length ? SIGN_IN_WORDS.federated : `${plural(vm.domains.length, 'domain')} in all.`),
    ...(vm.unverified ? [text(`⚠ ${plural(vm.unverified, 'domain is', 'domains are')} not verified yet and cannot be used for sign-in or email.`, { color: 'Warning' })] : []),
    ...list.elements,
  ];
  const fallback = `${plural(vm.domains.length, 'domain')}; federated: ${fed.length ? fed.map((d) => d.name).join(', ') : 'none'}. ${vm.domains.map((d) => `${d.name} (${d.authenticationType}${d.verified ? '' : ', not verified'}${d.isDefault ? ', default' : ''}${d.isInitial ? ', initial' : ''})`).join('; ')}.`;
  return guard(card(body, [...list.actions, openUrl('Domains in Entra', links.domains())]), fallback, list.pages);
}
