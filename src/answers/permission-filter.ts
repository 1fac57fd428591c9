// Which app permissions a question is about. "risky app permissions" and "which apps can read our
// mail?" name a kind of access, not an app; the parser has no entity for a permission, so the `app`
// entity is read here: a risk word, a permission name ("Files.Read.All"), or a workload word ("mail")
// is a filter; anything else is an app's name. Patterns are permission values with an optional
// trailing `*` ("Mail.*"), compared without regard to case.

/**
 * High-impact permissions: reading or sending mail, reading files and sites, and the ones that let
 * an app change the directory, roles, consent or credentials. Sources: the Graph permissions
 * reference (what each permission allows) and the consent-grant guidance, which calls out mail,
 * files and directory write access as the usual targets of illicit consent.
 */
export const RISKY: readonly string[] = [
  'Mail.*',
  'MailboxSettings.ReadWrite',
  'EWS.AccessAsUser.All',
  'full_access_as_app',
  'Files.*',
  'Sites.*',
  'Notes.Read.All',
  'Notes.ReadWrite.All',
  'Chat.Read*',
  'Chat.ReadWrite*',
  'ChannelMessage.Read.All',
  'Calendars.ReadWrite*',
  'Contacts.ReadWrite*',
  'Directory.ReadWrite.All',
  'Directory.AccessAsUser.All',
  'User.ReadWrite.All',
  'Group.ReadWrite.All',
  'GroupMember.ReadWrite.All',
  'RoleManagement.ReadWrite.*',
  'AppRoleAssignment.ReadWrite.All',
  'Application.ReadWrite.All',
  'DelegatedPermissionGrant.ReadWrite.All',
  'Policy.ReadWrite.*',
  'UserAuthenticationMethod.ReadWrite*',
];

const WORKLOADS: Record<string, { label: string; patterns: string[] }> = {
  mail: { label: 'mail', patterns: ['Mail.*', 'MailboxSettings.*', 'EWS.AccessAsUser.All', 'full_access_as_app'] },
  files: { label: 'files', patterns: ['Files.*'] },
  sites: { label: 'SharePoint sites', patterns: ['Sites.*'] },
  calendars: { label: 'calendars', patterns: ['Calendars.*'] },
  contacts: { label: 'contacts', patterns: ['Contacts.*'] },
  chats: { label: 'Teams chats and channel messages', patterns: ['Chat.*', 'ChannelMessage.*'] },
  directory: { label: 'the directory', patterns: ['Directory.*'] },
  notes: { label: 'OneNote notebooks', patterns: ['Notes.*'] },
};

const WORDS: Record<string, keyof typeof WORKLOADS> = {
  mail: 'mail',
  email: 'mail',
  emails: 'mail',
  'e-mail': 'mail',
  mailbox: 'mail',
  mailboxes: 'mail',
  files: 'files',
  file: 'files',
  onedrive: 'files',
  documents: 'files',
  sites: 'sites',
  sharepoint: 'sites',
  calendar: 'calendars',
  calendars: 'calendars',
  contacts: 'contacts',
  chat: 'chats',
  chats: 'chats',
  'teams chats': 'chats',
  'teams messages': 'chats',
  directory: 'directory',
  notes: 'notes',
  onenote: 'notes',
};

const RISK_WORDS = new Set(['risky', 'risk', 'risks', 'dangerous', 'high risk', 'high-risk', 'sensitive', 'overprivileged', 'over-privileged', 'excessive', 'risky apps', 'risky permissions']);

export type PermissionFilter =
  | { kind: 'all' }
  | { kind: 'risky'; patterns: string[] }
  /** A named permission or a workload; `label` is how the card names it. */
  | { kind: 'permission'; label: string; patterns: string[] };

export type PermissionQuestion = { filter: PermissionFilter } | { app: string };

/**
 * A permission value as Graph writes one: "Mail.Read", "User.ReadWrite.All", "Mail.*",
 * "full_access_as_app". The verb after the first dot keeps app names like "Salesforce.com" out.
 */
const PERMISSION = /^[A-Za-z]+\.(\*|(Read|ReadWrite|ReadBasic|Send|AccessAsUser|Manage|Create|Write|Selected|FullControl|Invite)(\.[A-Za-z0-9*]+)*)$|^full_access_as_app$/i;

export function readQuestion(appEntity: string | undefined): PermissionQuestion {
  const v = (appEntity ?? '').trim().replace(/\s+/g, ' ');
  if (!v) return { filter: { kind: 'all' } };
  const lower = v.toLowerCase();
  if (RISK_WORDS.has(lower)) return { filter: { kind: 'risky', patterns: [...RISKY] } };
  const workload = WORDS[lower];
  if (workload) return { filter: { kind: 'permission', label: WORKLOADS[workload]!.label, patterns: WORKLOADS[workload]!.patterns } };
  if (PERMISSION.test(v)) return { filter: { kind: 'permission', label: v, patterns: [v] } };
  return { app: v };
}

export function matches(permission: string, pattern: string): boolean {
  const p = pattern.toLowerCase();
  const v = permission.toLowerCase();
  return p.endsWith('*') ? v.startsWith(p.slice(0, -1)) : v === p;
}

export const isRisky = (permission: string) => RISKY.some((p) => matches(permission, p));

export function wanted(filter: PermissionFilter, permission: string): boolean {
  return filter.kind === 'all' || filter.patterns.some((p) => matches(permission, p));
}
