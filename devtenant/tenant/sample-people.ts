// The sample tenant's named people. Tests and the Agents Playground sign in as them and ask about
// them, so their UPNs and object ids never change; each stands for one case the bot must handle.
import type { GraphObject } from './types.ts';
import { OFFICES, type Office } from './names.ts';
import { buildGuest, buildMember, type MemberSpec } from './people.ts';
import { license } from './licenses.ts';
import { nameGuid } from './random.ts';
import type { GeneratedTenant } from './generate.ts';

function office(name: string): Office {
  const o = OFFICES.find((x) => x.officeLocation === name);
  if (!o) throw new Error(`no office ${name}`);
  return o;
}

export interface Persona {
  spec: Omit<MemberSpec, 'office'> & { office: string };
  /** Department whose head they report to, or the alias of their manager. */
  reportsTo: { department: string } | { alias: string };
  roles?: string[];
  /** What this person is for, as the README and the tests describe them. */
  story: string;
}

const member = (s: Omit<Partial<MemberSpec>, 'office'> & Pick<MemberSpec, 'id' | 'givenName' | 'surname' | 'alias' | 'department' | 'jobTitle'> & { office: string }): Persona['spec'] => ({
  synced: true,
  createdDaysAgo: 1400,
  passwordAgeDays: 30,
  lastSignInDaysAgo: 0,
  licenses: [license('SPE_E3')],
  ...s,
});

export const PERSONAS: readonly Persona[] = [
  {
    spec: member({ id: 'a1654470-4298-4ead-982e-41568d51deaa', givenName: 'Patti', surname: 'Fernandez', alias: 'patti', department: 'IT', jobTitle: 'IT Director', office: 'Redmond HQ', licenses: [license('SPE_E5')], createdDaysAgo: 1900, passwordAgeDays: 24, employeeId: '100021', mobilePhone: '+1 425 555 0109' }),
    reportsTo: { department: 'IT' },
    roles: ['Global Administrator'],
    story: 'IT Director, Global Administrator; synced and healthy.',
  },
  {
    spec: member({ id: 'd9889342-c33e-420e-8231-53b0822a869d', givenName: 'Megan', surname: 'Bowen', alias: 'megan', department: 'IT', jobTitle: 'Security Analyst', office: 'Redmond HQ', licenses: [license('SPE_E5')], employeeId: '100034' }),
    reportsTo: { alias: 'patti' },
    roles: ['Global Reader', 'Reports Reader'],
    story: 'Security analyst; Global Reader and Reports Reader (may read sign-in activity).',
  },
  {
    spec: member({ id: '1e9e0151-6522-4f62-871b-b6094052450f', givenName: 'Diego', surname: 'Siciliani', alias: 'diego', department: 'IT', jobTitle: 'Helpdesk Agent', office: 'Redmond HQ', employeeId: '100058' }),
    reportsTo: { alias: 'patti' },
    roles: ['Helpdesk Administrator', 'Directory Readers'],
    story: 'Helpdesk agent; Helpdesk Administrator and Directory Readers.',
  },
  {
    spec: member({ id: '8d46538d-59b4-41f3-b8c4-10e2f7d606f6', givenName: 'Isaiah', surname: 'Langer', alias: 'isaiah', department: 'IT', jobTitle: 'Helpdesk Agent', office: 'Seattle', employeeId: '100061' }),
    reportsTo: { alias: 'patti' },
    roles: ['Helpdesk Administrator'],
    story: 'Helpdesk agent; Helpdesk Administrator.',
  },
  {
    spec: member({ id: 'ebc44699-e4e9-4b66-9f78-630312b25922', givenName: 'Adele', surname: 'Vance', alias: 'adele', department: 'Retail', jobTitle: 'Retail Manager', office: 'Seattle', passwordAgeDays: 19, employeeId: '100077', mobilePhone: '+1 206 555 0142' }),
    reportsTo: { department: 'Retail' },
    story: 'Retail manager; regular member, synced, healthy, Microsoft 365 E3 (the healthy-account triage case).',
  },
  {
    spec: member({ id: 'e7daa374-dc78-40d8-8aff-d8dd65551baa', givenName: 'Alex', surname: 'Wilber', alias: 'alex', department: 'Marketing', jobTitle: 'Marketing Assistant', office: 'Redmond HQ', employeeId: '100083' }),
    reportsTo: { department: 'Marketing' },
    story: 'Regular member who may not read other users (devtenant.json restrictedUsers).',
  },
  {
    spec: member({ id: '9f7c2c65-cae3-43fa-9304-4ec4513e465a', givenName: 'Grady', surname: 'Archie', alias: 'grady', department: 'Engineering', jobTitle: 'Product Designer', office: 'Redmond HQ', accountEnabled: false, lastSignInDaysAgo: 35, passwordAgeDays: 70, employeeId: '100092' }),
    reportsTo: { department: 'Engineering' },
    story: 'Disabled account (accountEnabled false), synced, still licensed.',
  },
  {
    spec: member({ id: 'c0a3bb82-1f89-4b5a-be85-9142e096d915', givenName: 'Lynne', surname: 'Robbins', alias: 'lynne', department: 'Retail', jobTitle: 'Retail Planner', office: 'Redmond HQ', passwordAgeDays: 134, lastSignInDaysAgo: 2, employeeId: '100105' }),
    reportsTo: { alias: 'adele' },
    story: 'Synced; password last changed 134 days ago and must be changed on-premises (password writeback is off).',
  },
  {
    spec: member({ id: 'f4c7afec-3bca-4a33-b59a-6a54e95a7b27', givenName: 'Lee', surname: 'Gu', alias: 'lee', department: 'Operations', jobTitle: 'Field Operations Coordinator', office: 'Chicago', synced: false, createdDaysAgo: 400, passwordAgeDays: 41, licenses: [license('EXCHANGESTANDARD')] }),
    reportsTo: { department: 'Operations' },
    story: 'Cloud-only; licensed only with Exchange Online (Plan 1), which has no SharePoint plan ("Lee can\'t open SharePoint").',
  },
  {
    spec: member({ id: '21e9a6ba-0093-4eee-bd32-11230586c4fd', givenName: 'Johanna', surname: 'Lorenz', alias: 'johanna', department: 'Engineering', jobTitle: 'Senior Software Engineer', office: 'Munich', licenses: [license('SPE_E3'), license('VISIOCLIENT')], employeeId: '100118' }),
    reportsTo: { department: 'Engineering' },
    story: 'Licensed and healthy, but not assigned to Salesforce (which requires assignment).',
  },
  {
    spec: member({ id: 'ce4c9355-e6e7-47a4-b32d-bc8d83365de9', givenName: 'Nestor', surname: 'Wilke', alias: 'nestor', department: 'Operations', jobTitle: 'Operations Manager', office: 'Redmond HQ', employeeId: '100124', provisioningErrors: [{ propertyCausingError: 'ProxyAddress', value: 'smtp:nwilke@contoso.com', daysAgo: 6 }] }),
    reportsTo: { department: 'Operations' },
    story: "Synced, with a PropertyConflict on ProxyAddress: smtp:nwilke@contoso.com is already Nadia Wilke's.",
  },
  {
    spec: member({ id: '9eba7a18-d122-4c7a-80f2-72775756bed8', givenName: 'Nadia', surname: 'Wilke', alias: 'nadia', department: 'Sales', jobTitle: 'Account Executive', office: 'New York', employeeId: '100131', proxyAddresses: ['SMTP:nadia@contoso.com', 'smtp:nwilke@contoso.com', 'smtp:nadia@contoso.onmicrosoft.com'] }),
    reportsTo: { department: 'Sales' },
    story: 'Holds smtp:nwilke@contoso.com, the address Nestor Wilke conflicts on; in Salesforce Users.',
  },
  {
    spec: member({ id: 'abedc700-12b2-4265-b68d-83493738a113', givenName: 'Henrietta', surname: 'Mueller', alias: 'henrietta', department: 'Human Resources', jobTitle: 'HR Generalist', office: 'Munich', createdDaysAgo: 3, passwordAgeDays: 3, employeeId: '100402' }),
    reportsTo: { department: 'Human Resources' },
    story: 'New joiner who has not consented to Tenant Desk yet.',
  },
  {
    spec: member({ id: 'd2d8d51e-3deb-4a2d-8ab4-0b22cad9d3b1', givenName: 'Pradeep', surname: 'Gupta', alias: 'pradeep', department: 'Engineering', jobTitle: 'Software Engineer', office: 'Bangalore', createdDaysAgo: 1, passwordAgeDays: 1, employeeId: '100405' }),
    reportsTo: { alias: 'johanna' },
    story: 'New joiner who has not consented to Tenant Desk yet.',
  },
  {
    spec: member({ id: '24f9dfdc-ae4a-4e49-99da-62dc576b9f06', givenName: 'Miriam', surname: 'Graham', alias: 'miriam', department: 'IT', jobTitle: 'IT Asset Manager', office: 'Redmond HQ', employeeId: '100140' }),
    reportsTo: { alias: 'patti' },
    roles: ['License Administrator'],
    story: 'License Administrator.',
  },
  {
    spec: member({ id: '0c56014f-8546-43f7-a76e-00f4b8dd4327', givenName: 'Joni', surname: 'Sherman', alias: 'joni', department: 'IT', jobTitle: 'Cloud Application Engineer', office: 'Redmond HQ', employeeId: '100152' }),
    reportsTo: { alias: 'patti' },
    roles: ['Application Administrator'],
    story: 'Application Administrator; owns several app registrations.',
  },
  {
    spec: member({ id: 'cc5435cb-9678-41fd-a0c3-5c02cbeba779', givenName: 'Lidia', surname: 'Holloway', alias: 'lidia', department: 'IT', jobTitle: 'Identity Engineer', office: 'Redmond HQ', employeeId: '100163' }),
    reportsTo: { alias: 'patti' },
    roles: ['Hybrid Identity Administrator'],
    story: 'Hybrid Identity Administrator (runs Entra Connect).',
  },
  {
    spec: member({ id: '1f0b3d83-7119-4480-bdae-8107a024eb09', givenName: 'Christie', surname: 'Cline', alias: 'christie', department: 'Retail', jobTitle: 'Buyer', office: 'Seattle', employeeId: '100171' }),
    reportsTo: { alias: 'adele' },
    story: 'Assigned to Salesforce directly (not through a group).',
  },
  {
    spec: member({ id: 'e4d91c3f-cca1-43ae-951d-2ac0a23db477', givenName: 'Debra', surname: 'Berger', alias: 'debra', department: 'Executive', jobTitle: 'Executive Assistant', office: 'Redmond HQ', employeeId: '100009' }),
    reportsTo: { department: 'Executive' },
    story: "The CEO's executive assistant.",
  },
  {
    spec: member({
      id: nameGuid('contoso-sample:user:alexandra.wilbur'),
      givenName: 'Alexandra',
      surname: 'Wilbur',
      alias: 'alex4821',
      department: 'Marketing',
      jobTitle: 'Marketing Coordinator',
      office: 'Redmond HQ',
      createdDaysAgo: 12,
      passwordAgeDays: 12,
      userPrincipalName: 'alex4821@contoso.onmicrosoft.com',
      onPremisesUserPrincipalName: 'alex@contoso.com',
      mail: null,
      proxyAddresses: ['SMTP:alex4821@contoso.onmicrosoft.com'],
      provisioningErrors: [{ propertyCausingError: 'UserPrincipalName', value: 'alex@contoso.com', daysAgo: 12 }],
    }),
    reportsTo: { department: 'Marketing' },
    story: 'New hire whose on-premises UPN was set to alex@contoso.com (Alex Wilber\'s): UPN conflict, fallback UPN in the initial domain.',
  },
];

export const SAMPLE_GUESTS = [
  { id: nameGuid('contoso-sample:guest:ben.walters'), givenName: 'Ben', surname: 'Walters', email: 'ben.walters@fabrikam.com', state: 'Accepted' as const, invitedDaysAgo: 210, lastSignInDaysAgo: 4 },
  { id: nameGuid('contoso-sample:guest:olga.petrova'), givenName: 'Olga', surname: 'Petrova', email: 'olga.petrova@litwareinc.com', state: 'PendingAcceptance' as const, invitedDaysAgo: 16, lastSignInDaysAgo: null },
];

/** Builds the personas into the generated tenant: users, managers, department groups. Returns alias → user. */
export function addPersonas(t: GeneratedTenant): Map<string, GraphObject> {
  const byAlias = new Map<string, GraphObject>();
  const built: GraphObject[] = [];
  for (const p of PERSONAS) {
    const user = buildMember({ ...p.spec, office: office(p.spec.office) }, t.ctx, t.rng);
    byAlias.set(p.spec.alias, user);
    built.push(user);
  }
  for (const g of SAMPLE_GUESTS) built.push(buildGuest(g, t.ctx, t.rng));
  const rel = t.data.relationships;
  const groupsByName = new Map(t.data.groups.map((g) => [g.displayName as string, g]));
  for (const p of PERSONAS) {
    const user = byAlias.get(p.spec.alias)!;
    const manager = 'alias' in p.reportsTo ? byAlias.get(p.reportsTo.alias)?.id : p.reportsTo.department === 'Executive' ? t.workforce.ceoId : t.workforce.departments.get(p.reportsTo.department)?.[0];
    if (manager) rel.managers[user.id] = manager;
    const dept = p.spec.department;
    if (!dept || dept === 'Executive') continue;
    const m365 = groupsByName.get(dept);
    if (m365) rel.members[m365.id]!.push(user.id);
    const sg = groupsByName.get(`SG-${dept.replace(/ /g, '')}`);
    if (sg && p.spec.synced) rel.members[sg.id]!.push(user.id);
  }
  const allCompany = groupsByName.get(`All ${t.ctx.orgName}`);
  if (allCompany) for (const u of built) if (u.userType === 'Member' && u.accountEnabled === true) rel.members[allCompany.id]!.push(u.id);
  // Personas first: they are what people look for when they open users.json.
  t.data.users = [...built, ...t.data.users];
  return byAlias;
}
