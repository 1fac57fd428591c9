// The triage card: the likeliest cause first, in plain words with the next step, then the other
// causes, then everything that was checked (and what could not be, with who could). The wording of
// findings lives here too: ticket cards show the same findings the same way.
import type { UserCandidate } from '../answers/resolve-user.ts';
import type { TriageChoice, TriageDiagnosis, Triage } from '../answers/triage.ts';
import type { ViewOptions } from '../catalog.ts';
import type { Readable } from '../answers/readable.ts';
import type { Ranked, Severity } from '../helpdesk/findings.ts';
import { WORKLOADS, type Target } from '../helpdesk/workloads.ts';
import { card, columns, container, execute, facts, heading, openUrl, status, subtle, text, type Action, type Element, type Tone } from './elements.ts';
import { md, plain } from './escape.ts';
import { ago, utc } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { choiceRows, personDetail, type Choice } from './user-choice.ts';

/** The verb of the triage card's escalation button (data: { triageId }). */
export const ESCALATE_VERB = 'triage.escalate';

/** Who the sentences are about. Names are raw here; every sentence escapes them. */
export interface Who {
  name: string;
  self: boolean;
}

/** The words of one finding: a title, what it means, and what to do. Already escaped for markdown. */
export interface Words {
  title: string;
  explain: string;
  next: string;
}

const minutesBetween = (iso: string | undefined, asOf: string) => (iso ? Math.max(0, Math.round((Date.parse(asOf) - Date.parse(iso)) / 60_000)) : undefined);

function pronouns(who: Who) {
  return who.self
    ? { subject: 'you', Subject: 'You', possessive: 'your', Possessive: 'Your', object: 'you', named: 'You', namedPossessive: 'Your', midPossessive: 'your' }
    : { subject: 'they', Subject: 'They', possessive: 'their', Possessive: 'Their', object: 'them', named: md(who.name), namedPossessive: `${md(who.name)}’s`, midPossessive: `${md(who.name)}’s` };
}

/** Markdown-escaped wording back to plain text (fallbacks, notifications). */
export const unescape = (s: string) => s.replace(/(?<!\\)\*\*/g, '').replace(/\\(.)/g, '$1');

const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

function conflictWords(property: string): string {
  if (property === 'ProxyAddress') return 'email address already used by another object';
  if (property === 'UserPrincipalName') return 'sign-in name (UPN) already used by another account';
  return `${md(property)} conflicts with another object`;
}

function writebackSentence(w: Readable<boolean>, p: ReturnType<typeof pronouns>): string {
  if (w.readable) return w.value ? `Password writeback is on, so ${p.subject} can reset it in the cloud and it is written back to Active Directory.` : 'Password writeback is off, so a reset in the cloud does not reach Active Directory: the password must be changed on-premises.';
  return `I could not check whether password writeback is on (that needs ${md(w.roles.join(' or ') || 'a Global Administrator')}); if it is off, the password must be changed on-premises.`;
}

/** The words for a finding about `who`, as of `asOf`. */
export function describeFinding(f: Ranked, who: Who, asOf: string): Words {
  const p = pronouns(who);
  switch (f.code) {
    case 'account-disabled':
      return {
        title: 'Account disabled',
        explain: `${p.namedPossessive} account is disabled, so Microsoft Entra ID refuses every sign-in.`,
        next: f.synced
          ? 'The account comes from on-premises Active Directory: an admin re-enables it there, and the change reaches Entra ID at the next sync (within 30 minutes).'
          : 'An admin re-enables it in the Entra admin center: the user’s Properties, Account enabled.',
      };
    case 'app-disabled':
      return { title: `${md(f.app.name)} is turned off for everyone`, explain: `The enterprise app ${md(f.app.name)} does not let anyone sign in (Enabled for users to sign in is off).`, next: `An app admin turns it back on in the Entra admin center: Enterprise apps, ${md(f.app.name)}, Properties.` };
    case 'app-not-assigned':
      return {
        title: `Not assigned to ${md(f.app.name)}`,
        explain: `${md(f.app.name)} only lets in people who are assigned to it, and ${who.self ? 'you are' : `${md(who.name)} is`} not assigned, neither directly nor through a group.`,
        next: `An app admin assigns ${p.object} in the Entra admin center (Enterprise apps, ${md(f.app.name)}, Users and groups), or adds ${p.object} to a group that is assigned.`,
      };
    case 'guest-pending':
      return { title: 'Invitation not accepted', explain: `${p.named} ${who.self ? 'have' : 'has'} a guest account that was never redeemed, so signing in to this organization fails.`, next: 'Resend the invitation from the Entra admin center, or open the invitation email and accept it.' };
    case 'no-license': {
      const service = WORKLOADS[f.workload].service;
      const held = f.held.length ? `${p.Possessive} licenses (${list(f.held.map((h) => md(h)))}) do not include ${service}.` : `${p.named} ${who.self ? 'have' : 'has'} no license, so ${service} is not available.`;
      const offer = f.available.length ? ` Licenses with free seats that include it: ${list(f.available.map((a) => `${md(a.name)} (${a.free} free)`))}.` : ' No license that includes it has a free seat: one must be bought or freed up.';
      return { title: `No license for ${service}`, explain: held, next: `A license admin assigns ${p.object} a license that includes ${service}.${offer} It works within minutes, sometimes up to a few hours.` };
    }
    case 'plan-disabled': {
      const service = WORKLOADS[f.workload].service;
      return { title: `${service} is switched off in ${p.possessive} license`, explain: `${md(f.license)} includes ${service}, but its ${md(f.plan)} plan is turned off for ${p.object}.`, next: 'A license admin turns that plan on in the license assignment (Microsoft 365 admin center, Users, Licenses and apps).' };
    }
    case 'plan-pending': {
      const service = WORKLOADS[f.workload].service;
      return { title: `${service} is still being set up`, explain: `${md(f.license)} includes ${service}, but the plan’s status is ${md(f.status)}. A new license can take up to 24 hours.`, next: `Wait and try again; if it stays ${md(f.status)} for more than a day, an admin opens a case with Microsoft support.` };
    }
    case 'provisioning-error': {
      const e = f.errors[0]!;
      const since = ago(minutesBetween(e.occurred, asOf));
      return {
        title: 'Directory sync conflict',
        explain: `Entra Connect cannot fully update ${p.midPossessive} account: ${conflictWords(e.property)} (${md(e.value)}), since ${since}.${f.errors.length > 1 ? ` ${f.errors.length - 1} more conflict${f.errors.length > 2 ? 's' : ''}.` : ''} Until it is fixed, changes made on-premises may not reach the cloud, and mail to that address may go to the other object.`,
        next: 'In on-premises Active Directory, remove the duplicate value from one of the two objects; the next sync (within 30 minutes) clears the error. Ask me “who has provisioning errors?” to see the other object.',
      };
    }
    case 'password-on-premises':
      return {
        title: 'Password probably expired on-premises',
        explain: `${p.namedPossessive} password was last changed ${f.ageDays} days ago, longer than most password policies allow, and the account is synced from on-premises Active Directory, where its password is kept. ${writebackSentence(f.writeback, p)}`,
        next:
          f.writeback.readable && f.writeback.value
            ? `${p.Subject} reset it with self-service password reset (My Sign-Ins, Password); it is written back to Active Directory.`
            : `Change the password on-premises: Ctrl+Alt+Del, Change a password on a domain-joined PC, or the service desk resets it in Active Directory. With password hash sync it reaches Entra ID within minutes.`,
      };
    case 'password-old':
      return { title: 'Password may have expired', explain: `${p.namedPossessive} password was last changed ${f.ageDays} days ago, longer than most password policies allow.`, next: `${p.Subject} change it at My Sign-Ins (mysignins.microsoft.com), or an admin resets it in the Entra admin center.` };
    case 'last-sign-in-failed':
      return {
        title: 'Recent sign-ins are failing',
        explain: `The last sign-in attempt (${ago(minutesBetween(f.lastAttempt, asOf))}) came after the last successful one (${f.lastSuccess ? ago(minutesBetween(f.lastSuccess, asOf)) : 'none recorded'}), so attempts since then failed.`,
        next: 'Open the sign-in log in the Entra admin center: the failure reason (wrong password, MFA, Conditional Access, a blocked location) is on each attempt.',
      };
    case 'sync-stale':
      return { title: 'Directory sync is behind', explain: `${p.namedPossessive} account last synced from on-premises Active Directory ${ago(f.ageMinutes)}: changes made there since (a new password, an unlocked or re-enabled account) have not reached Entra ID.`, next: 'Check Entra Connect: ask me “sync status”.' };
    case 'no-licenses':
      return { title: 'No licenses', explain: `${p.named} can sign in, but without a license Microsoft 365 apps (Outlook, Teams, Office, OneDrive) do not work.`, next: `A license admin assigns ${p.object} a license in the Microsoft 365 admin center.` };
    case 'app-not-found':
      return {
        title: `No app called “${md(f.asked)}”`,
        explain: `I could not find an enterprise app called “${md(f.asked)}” in this tenant, so I could not check access to it.${f.near.length ? ` Similar names: ${list(f.near.map((n) => md(n)))}.` : ''}`,
        next: 'Check the app’s exact name, or ask me “is <app> registered?”.',
      };
  }
}

export const TONE: Record<Severity, Tone> = { blocker: 'attention', problem: 'attention', warning: 'warning', info: 'accent' };

const lowerFirst = (s: string) => (s.startsWith('You ') ? `you ${s.slice(4)}` : s);

/** "Lee Gu can't use SharePoint Online": the complaint, from the person and what they named (escaped). */
export function problemSummary(who: Who, target: Target): string {
  const subject = who.self ? 'You' : md(who.name);
  if (target.kind === 'workload') return `${subject} can’t use ${WORKLOADS[target.workload].service}`;
  if (target.kind === 'app') return `${subject} can’t open ${md(target.asked)}`;
  return `${subject} can’t sign in${target.asked ? ` (${md(target.asked)})` : ''}`;
}

const couldNot = (r: { reason: string; roles: string[] }) => (r.reason === 'denied' ? `could not check: needs ${md(r.roles.join(', '))}` : 'could not check: Graph did not answer');

function checked(vm: TriageDiagnosis): [string, string][] {
  const f = vm.facts;
  const rows: [string, string][] = [];
  rows.push(['Account', f.enabled ? 'Enabled' : '**Disabled**']);
  if (f.userType === 'Guest') rows.push(['Guest invitation', f.invitation === 'PendingAcceptance' ? '**Not accepted**' : 'Accepted']);
  rows.push(['Where it comes from', f.synced ? `Synced from on-premises AD, last sync ${ago(f.syncAgeMinutes)}` : 'Cloud-only (managed in Entra ID)']);
  rows.push(['Password last changed', f.passwordAgeDays !== undefined ? `${f.passwordAgeDays} days ago (${utc(f.passwordChanged).slice(0, 10)})${f.passwordNeverExpires ? ', never expires' : ''}` : 'unknown']);
  if (f.synced && f.writeback) rows.push(['Password writeback', f.writeback.readable ? (f.writeback.value ? 'On' : 'Off: passwords change on-premises') : couldNot(f.writeback)]);
  rows.push(['Licenses', f.licenses.readable ? (f.licenses.value.length ? f.licenses.value.map((l) => md(l)).join(', ') : 'None') : couldNot(f.licenses)]);
  if (f.workload) rows.push([WORKLOADS[f.workload.id].service, f.workload.covered === 'unknown' ? 'could not check (licenses unreadable)' : f.workload.covered ? 'Included in a license' : '**Not included in any license**']);
  if (f.app) {
    const a = f.app;
    const value = !a.found
      ? 'Not found in this tenant'
      : !a.found.assignmentRequired
        ? 'Anyone in the organization may sign in'
        : !a.assigned
          ? 'Assignment required'
          : a.assigned.readable
            ? a.assigned.value
              ? 'Assignment required: assigned'
              : '**Assignment required: not assigned**'
            : `Assignment required; ${couldNot(a.assigned)}`;
    rows.push([md(a.found?.name ?? a.asked), value]);
  }
  const s = f.signIn;
  rows.push([
    'Sign-in activity',
    s.readable
      ? s.value
        ? `Last successful ${ago(minutesBetween(s.value.lastSuccess, vm.asOf))}${s.value.lastAttempt ? `, last attempt ${ago(minutesBetween(s.value.lastAttempt, vm.asOf))}` : ''}`
        : 'No sign-in recorded'
      : couldNot(s),
  ]);
  rows.push(['Sync errors', f.provisioningErrors.length ? `**${f.provisioningErrors.length}**` : 'None']);
  return rows;
}

function findingBlock(f: Ranked, who: Who, asOf: string, first: boolean): Element {
  const w = describeFinding(f, who, asOf);
  if (first) {
    return container([status(`Likeliest cause: ${w.title}`, TONE[f.severity]), text(w.explain), text(`**Next step:** ${w.next}`, { spacing: 'Small' })], { style: 'emphasis', bleed: false, spacing: 'Medium' });
  }
  return container([text(`**${w.title}**: ${w.explain}`, { color: f.severity === 'info' ? 'Default' : TONE[f.severity] === 'warning' ? 'Warning' : 'Attention' }), subtle(`Next step: ${w.next}`)], { separator: true, spacing: 'Small' });
}

function renderChoice(vm: TriageChoice): Rendered {
  const keep = vm.app ? { app: vm.app } : {};
  const choice = (c: UserCandidate): Choice => ({
    title: c.name,
    detail: personDetail(c),
    intent: 'triage',
    entities: { user: c.upn || c.id, ...keep },
    label: c.upn ? `${c.name} (${c.upn})` : c.name,
  });
  if (vm.kind === 'choose') {
    const body: Element[] = [heading('Which one do you mean?'), text(`${vm.candidates.length} people match “${md(vm.query)}”:`), ...choiceRows(vm.candidates.map(choice)), ...(vm.more ? [subtle('More people match. Type more of the name, or their email address.')] : [])];
    return guard(card(body), `Which one do you mean by "${vm.query}"? ${vm.candidates.map((c) => `${c.name} (${c.upn})`).join('; ')}.`);
  }
  const body: Element[] = [heading('No one by that name'), text(`I could not find anyone called “${md(vm.query)}” in the directory.`)];
  if (vm.suggestions.length) body.push(text('Did you mean:', { weight: 'Bolder', spacing: 'Medium' }), ...choiceRows(vm.suggestions.map(choice)));
  else body.push(subtle('Check the spelling, or ask with their email address (name@yourdomain).'));
  return guard(card(body, [openUrl('All users in Entra', links.users())]), `I could not find anyone called "${vm.query}".`);
}

export function renderTriage(vm: Triage, view: ViewOptions): Rendered {
  if (vm.kind !== 'diagnosis') return renderChoice(vm);
  const who: Who = { name: vm.person.name, self: vm.self };
  const [top, ...rest] = vm.findings;
  const body: Element[] = [heading(`Why ${lowerFirst(problemSummary(who, vm.target))}`), subtle(`${md(vm.person.upn || vm.person.name)} · checked ${utc(vm.asOf)}`)];
  if (top) body.push(findingBlock(top, who, vm.asOf, true));
  else
    body.push(
      container(
        [
          status('No problem found', 'good'),
          text(`Everything I can check for ${who.self ? 'you' : md(who.name)} looks right.`),
          text('**Next step:** sign out and in again, or try a private browser window. If it still fails, note the exact error message and escalate to the helpdesk.', { spacing: 'Small' }),
        ],
        { style: 'emphasis', spacing: 'Medium' },
      ),
    );
  if (rest.length) body.push(text(`**Also found (${rest.length})**`, { spacing: 'Medium' }), ...rest.slice(0, 4).map((f) => findingBlock(f, who, vm.asOf, false)));
  body.push(container([text('**What I checked**'), facts(checked(vm))], { separator: true, spacing: 'Medium' }));

  const actions: Action[] = [];
  if (view.answerId) actions.push(execute('Escalate to the helpdesk', ESCALATE_VERB, { triageId: view.answerId }, { style: 'positive', tooltip: 'Open a ticket with this diagnosis' }));
  actions.push(openUrl(who.self ? 'My account in Entra' : 'Open in Entra', links.user(vm.person.id)));
  if (vm.facts.signIn.readable) actions.push(openUrl('Sign-in log', links.userSignIns(vm.person.id)));
  const app = vm.facts.app?.found;
  if (app) actions.push(openUrl(`${plain(app.name, 40)} in Entra`, links.enterpriseApp(app.id, app.appId)));

  const lead = top ? describeFinding(top, who, vm.asOf) : undefined;
  const fallback = unescape(`Why ${lowerFirst(problemSummary(who, vm.target))}: ${lead ? `Likeliest cause: ${lead.title}. ${lead.explain} Next step: ${lead.next}` : 'No problem found in what I can check.'}`);
  return guard(card(body, actions.slice(0, 5)), fallback);
}

/** One line per finding for compact places (ticket cards, notifications). */
export function findingLines(findings: readonly Ranked[], who: Who, asOf: string, max = 3): Element[] {
  if (!findings.length) return [text('No problem found in what Graph shows.', { color: 'Good' })];
  return findings.slice(0, max).map((f, i) => {
    const w = describeFinding(f, who, asOf);
    return columns(
      [
        { width: 'auto', items: [text(i === 0 ? '①' : i === 1 ? '②' : '③', { color: f.severity === 'info' ? 'Default' : TONE[f.severity] === 'warning' ? 'Warning' : 'Attention', weight: 'Bolder' })] },
        { items: [text(`**${w.title}**`, { spacing: 'None' }), subtle(w.next)] },
      ],
      { spacing: 'Small' },
    );
  });
}

