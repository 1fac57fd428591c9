// Generated people: an org chart (a CEO, department heads, managers with up to seven reports each),
// offices, about two thirds synced from on-premises AD, contractors, leavers whose accounts were
// disabled, stale sync, provisioning conflicts, and B2B guests from partner companies.
import type { GraphObject } from './types.ts';
import type { Random } from './random.ts';
import { DEPARTMENTS, GIVEN_NAMES, GUEST_DOMAINS, OFFICES, SURNAMES, asciiFold, type Department } from './names.ts';
import { buildGuest, buildMember, defaultSamAccountName, type DirectoryContext, type MemberSpec, type ProvisioningErrorSpec } from './people.ts';
import { licensesFor } from './licenses.ts';

export interface Workforce {
  users: GraphObject[];
  /** user id → manager id */
  managers: Record<string, string>;
  /** department name → member ids, head first */
  departments: Map<string, string[]>;
  ceoId: string | undefined;
}

const SPAN = 7;
const CONTRACTOR_COMPANIES = ['Northwind Traders', 'Adventure Works Consulting', 'Litware Inc.', 'Proseware Staffing'];
const OFFICE_WEIGHTS = OFFICES.map((o) => [o, o.weight] as const);
const DEPARTMENT_WEIGHTS = DEPARTMENTS.map((d) => [d, d.weight] as const);

/** Hands out unique mail nicknames and sAMAccountNames the way admins do: append a number. */
export class NameRegistry {
  private readonly aliases = new Map<string, number>();
  private readonly sams = new Map<string, number>();
  private readonly emails = new Map<string, number>();

  alias(givenName: string, surname: string): string {
    return next(this.aliases, `${asciiFold(givenName)}.${asciiFold(surname)}`.toLowerCase());
  }

  /** A guest's home address, unique in the tenant: name@domain, name2@domain, … */
  guestEmail(givenName: string, surname: string, domain: string): string {
    const local = `${asciiFold(givenName)}.${asciiFold(surname)}`.toLowerCase();
    const n = (this.emails.get(`${local}@${domain}`) ?? 0) + 1;
    this.emails.set(`${local}@${domain}`, n);
    return n === 1 ? `${local}@${domain}` : `${local}${n}@${domain}`;
  }

  sam(givenName: string, surname: string): string {
    const base = defaultSamAccountName(givenName, surname).slice(0, 17);
    return next(this.sams, base);
  }
}

function next(seen: Map<string, number>, base: string): string {
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return n === 0 ? base : `${base}${n + 1}`;
}

interface Slot {
  department: Department | null;
  jobTitle: string;
  head: boolean;
  managerIndex: number | null;
}

/** Lays out the org chart: slot 0 is the CEO, then each department as a 7-ary tree under its head. */
function orgChart(count: number, rng: Random): Slot[] {
  const slots: Slot[] = [{ department: null, jobTitle: 'Chief Executive Officer', head: true, managerIndex: null }];
  if (count <= 1) return slots.slice(0, count);
  const perDepartment = new Map<Department, number>();
  for (let i = 1; i < count; i++) {
    const d = rng.weighted(DEPARTMENT_WEIGHTS);
    perDepartment.set(d, (perDepartment.get(d) ?? 0) + 1);
  }
  for (const d of DEPARTMENTS) {
    const size = perDepartment.get(d) ?? 0;
    const start = slots.length;
    for (let j = 0; j < size; j++) {
      const hasReports = SPAN * j + 1 < size;
      slots.push({
        department: d,
        jobTitle: j === 0 ? d.head : hasReports ? d.manager : rng.pick(d.titles),
        head: j === 0,
        managerIndex: j === 0 ? 0 : start + Math.floor((j - 1) / SPAN),
      });
    }
  }
  return slots;
}

function provisioningConflict(rng: Random, users: readonly GraphObject[], ctx: DirectoryContext): { kind: 'ProxyAddress' | 'UserPrincipalName'; victim: GraphObject } | undefined {
  if (users.length < 20) return undefined;
  const victim = users[rng.int(1, users.length - 1)]!;
  if (typeof victim.mail !== 'string' || !victim.mail.endsWith(`@${ctx.domain}`)) return undefined;
  return { kind: rng.chance(0.6) ? 'ProxyAddress' : 'UserPrincipalName', victim };
}

export function generateWorkforce(members: number, guests: number, ctx: DirectoryContext, rng: Random, names: NameRegistry): Workforce {
  const slots = orgChart(members, rng);
  const users: GraphObject[] = [];
  const managers: Record<string, string> = {};
  const departments = new Map<string, string[]>();
  for (const slot of slots) {
    const givenName = rng.pick(GIVEN_NAMES);
    const surname = rng.pick(SURNAMES);
    const dept = slot.department;
    const contractor = !slot.head && rng.chance(0.05);
    const frontline = dept?.frontline === true && !slot.head;
    const synced = !contractor && rng.chance(frontline ? 0.5 : 0.74);
    const newJoiner = !slot.head && rng.chance(0.015);
    const enabled = slot.head || newJoiner || !rng.chance(0.03);
    const createdDaysAgo = newJoiner ? rng.int(0, 13) : rng.int(20, 2200);
    const alias = names.alias(givenName, surname);
    const spec: MemberSpec = {
      id: rng.guid(),
      givenName,
      surname,
      alias,
      department: dept?.name ?? 'Executive',
      jobTitle: slot.jobTitle,
      office: slot.head ? OFFICES[0]! : rng.weighted(OFFICE_WEIGHTS),
      synced,
      // Most were exported in the last cycle or one of the previous few (cycles run every 30 minutes);
      // a few stopped syncing days ago (moved out of the sync scope, filtered).
      syncAgeMinutes: synced && rng.chance(0.02) ? rng.int(2 * 24 * 60, 20 * 24 * 60) : ctx.lastSyncMinutesAgo + (rng.chance(0.6) ? 0 : 30 * rng.int(1, 8)),
      accountEnabled: enabled,
      createdDaysAgo,
      passwordAgeDays: Math.min(createdDaysAgo, rng.chance(0.12) ? rng.int(91, 400) : rng.int(0, 89)),
      lastSignInDaysAgo: !enabled ? (rng.chance(0.7) ? rng.int(30, 400) : null) : newJoiner && rng.chance(0.5) ? null : rng.chance(0.9) ? rng.int(0, 13) : rng.chance(0.8) ? rng.int(14, 90) : null,
      employeeType: contractor ? 'Contractor' : 'Employee',
      companyName: contractor ? rng.pick(CONTRACTOR_COMPANIES) : ctx.orgName,
      employeeId: contractor ? null : String(100000 + users.length),
      samAccountName: names.sam(givenName, surname),
      mobilePhone: rng.chance(0.6) ? `+1 555 01${String(rng.int(0, 99)).padStart(2, '0')}` : null,
      licenses: licensesFor({ department: dept?.name ?? 'Executive', jobTitle: slot.jobTitle, frontline, head: slot.head, contractor, enabled }, rng),
    };
    if (synced && rng.chance(0.006)) {
      const conflict = provisioningConflict(rng, users, ctx);
      if (conflict) applyConflict(spec, conflict.kind, conflict.victim, ctx, rng);
    }
    const user = buildMember(spec, ctx, rng);
    users.push(user);
    if (slot.managerIndex !== null) managers[user.id] = users[slot.managerIndex]!.id;
    const deptName = spec.department!;
    const list = departments.get(deptName);
    if (list) list.push(user.id);
    else departments.set(deptName, [user.id]);
  }
  for (let i = 0; i < guests; i++) users.push(generateGuest(ctx, rng, names));
  return { users, managers, departments, ceoId: users[0]?.id };
}

/**
 * An on-premises object whose proxy address or UPN is already taken in the cloud. Entra Connect
 * quarantines the duplicate value: the object syncs without it and records a PropertyConflict.
 */
function applyConflict(spec: MemberSpec, kind: 'ProxyAddress' | 'UserPrincipalName', victim: GraphObject, ctx: DirectoryContext, rng: Random): void {
  const taken = victim.mail as string;
  const error: ProvisioningErrorSpec = { propertyCausingError: kind, value: kind === 'ProxyAddress' ? `smtp:${taken}` : taken, daysAgo: rng.int(1, 60) };
  spec.provisioningErrors = [error];
  if (kind === 'UserPrincipalName') {
    // The cloud object gets a unique fallback UPN in the initial domain: alias + four digits.
    const fallback = `${taken.split('@')[0]}${rng.int(1000, 9999)}`;
    spec.onPremisesUserPrincipalName = taken;
    spec.userPrincipalName = `${fallback}@${ctx.initialDomain}`;
    spec.mail = null;
    spec.proxyAddresses = [`SMTP:${fallback}@${ctx.initialDomain}`];
  }
}

function generateGuest(ctx: DirectoryContext, rng: Random, names: NameRegistry): GraphObject {
  const givenName = rng.pick(GIVEN_NAMES);
  const surname = rng.pick(SURNAMES);
  const accepted = rng.chance(0.75);
  return buildGuest(
    {
      id: rng.guid(),
      givenName,
      surname,
      email: names.guestEmail(givenName, surname, rng.pick(GUEST_DOMAINS)),
      state: accepted ? 'Accepted' : 'PendingAcceptance',
      invitedDaysAgo: rng.int(1, 900),
      lastSignInDaysAgo: accepted ? (rng.chance(0.7) ? rng.int(0, 60) : rng.int(61, 500)) : null,
    },
    ctx,
    rng,
  );
}
