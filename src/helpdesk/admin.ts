// "Is the asker an admin?" — asked of Graph as the asker: the directory roles they hold, directly
// or through role-assignable groups (transitiveMemberOf, cast to directoryRole; every member may
// read their own memberships). An admin role is one whose name ends in "Administrator" (Global,
// Helpdesk, User, Teams … Administrator); reader roles (Global Reader, Directory Readers) are not.
import { roleByTemplateId } from '../knowledge/roles.ts';
import type { GraphApi } from '../graph/types.ts';

export const MY_ROLES_URL = '/me/transitiveMemberOf/microsoft.graph.directoryRole';

export const isAdminRole = (name: string) => /\bAdministrator$/i.test(name.trim());

/** The admin roles the asker holds (display names); empty for everyone else. Throws Graph's error. */
export async function adminRoles(graph: GraphApi): Promise<string[]> {
  // A cast with no other query option is a default query (graph reference §0); people hold a
  // handful of roles, so the first page is all of them.
  const res = await graph.get<{ value?: { roleTemplateId?: string | null; displayName?: string | null }[] }>(MY_ROLES_URL);
  const names = (res.value ?? []).map((r) => (r.roleTemplateId ? roleByTemplateId(r.roleTemplateId)?.displayName : undefined) ?? r.displayName ?? '');
  return [...new Set(names.filter(isAdminRole))].sort();
}
