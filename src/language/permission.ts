// "Which apps can read our mail?", "apps with Files.Read.All", "risky app permissions": the kind
// of access an app.permissions question is about. Not an entity (the entity set is fixed and the
// CLI prints exactly it): Parsed.permission, read by the app.permissions answer.

const WORDS = new Set([
  'mail', 'email', 'emails', 'mailbox', 'mailboxes', 'files', 'file', 'onedrive', 'sharepoint', 'sites', 'site',
  'calendar', 'calendars', 'contacts', 'chat', 'chats', 'directory', 'notes', 'onenote',
  'risky', 'dangerous', 'risk', 'overprivileged', 'high-risk',
]);
/** A Graph permission as people paste it: Mail.Read, Files.Read.All, Directory.ReadWrite.All. */
const SCOPE = /\b[A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z]+)+\b/;

export function permissionOf(text: string, norms: readonly string[]): string | undefined {
  const scope = SCOPE.exec(text)?.[0];
  if (scope) return scope;
  return norms.find((n) => WORDS.has(n));
}
