// What a person named when something does not work: a Microsoft 365 workload ("Outlook",
// "SharePoint") — which only works with a license whose service plans cover it — or an app of the
// tenant ("Salesforce"), which is an enterprise app that may require assignment. Plan names are the
// ones of Microsoft's licensing reference (src/knowledge/skus.json); a plan that only enables a
// side feature (EXCHANGE_S_FOUNDATION, SHAREPOINTWAC for Office on the web) does not count.
import { SKUS } from '../knowledge/skus.ts';

export type WorkloadId =
  | 'exchange'
  | 'sharepoint'
  | 'onedrive'
  | 'teams'
  | 'office'
  | 'planner'
  | 'forms'
  | 'stream'
  | 'powerbi'
  | 'visio'
  | 'engage'
  | 'intune'
  | 'powerapps'
  | 'automate'
  | 'whiteboard'
  | 'sway'
  | 'todo'
  | 'bookings';

export interface Workload {
  id: WorkloadId;
  /** The service as admins name it ("Exchange Online (mailbox)"). */
  service: string;
  /** Service plan names that make it work. */
  plans: RegExp;
}

const SHAREPOINT = /^SHAREPOINT(ENTERPRISE|STANDARD|DESKLESS|LITE)/;

export const WORKLOADS: Record<WorkloadId, Workload> = {
  exchange: { id: 'exchange', service: 'Exchange Online (mailbox)', plans: /^EXCHANGE_(S_(ENTERPRISE|STANDARD|DESKLESS|ESSENTIALS)|B_STANDARD|L_STANDARD)/ },
  sharepoint: { id: 'sharepoint', service: 'SharePoint Online', plans: SHAREPOINT },
  // OneDrive is part of every SharePoint plan, and sold on its own too.
  onedrive: { id: 'onedrive', service: 'OneDrive', plans: new RegExp(`${SHAREPOINT.source}|^ONEDRIVE(STANDARD|ENTERPRISE|_BASIC|LITE)`) },
  teams: { id: 'teams', service: 'Microsoft Teams', plans: /^TEAMS(1$|_GOV$|_AR_|_DESKLESS$|_FREE$)/ },
  office: { id: 'office', service: 'Office apps (desktop, web or mobile)', plans: /^(OFFICESUBSCRIPTION|OFFICE_BUSINESS|SHAREPOINTWAC|OFFICEMOBILE_SUBSCRIPTION|OFFICE_PRO_PLUS)/ },
  planner: { id: 'planner', service: 'Planner', plans: /^PROJECTWORKMANAGEMENT/ },
  forms: { id: 'forms', service: 'Microsoft Forms', plans: /^(OFFICE_)?FORMS_(PLAN|GOV|PRO)/ },
  stream: { id: 'stream', service: 'Stream', plans: /^STREAM_(O365|P2)/ },
  powerbi: { id: 'powerbi', service: 'Power BI Pro', plans: /^BI_AZURE_P_?[123]/ },
  visio: { id: 'visio', service: 'Visio', plans: /^VISIO(ONLINE|_CLIENT_SUBSCRIPTION)/ },
  engage: { id: 'engage', service: 'Viva Engage (Yammer)', plans: /^YAMMER_/ },
  intune: { id: 'intune', service: 'Intune', plans: /^INTUNE_(A|O365|EDU|SMBIZ|P2)/ },
  powerapps: { id: 'powerapps', service: 'Power Apps', plans: /^POWERAPPS_(O365|DYN|PER_USER)/ },
  automate: { id: 'automate', service: 'Power Automate', plans: /^FLOW_(O365|DYN|FOR_PROJECT)/ },
  whiteboard: { id: 'whiteboard', service: 'Whiteboard', plans: /^WHITEBOARD_/ },
  sway: { id: 'sway', service: 'Sway', plans: /^SWAY$/ },
  todo: { id: 'todo', service: 'Microsoft To Do', plans: /^BPOS_S_TODO/ },
  bookings: { id: 'bookings', service: 'Bookings', plans: /^MICROSOFTBOOKINGS$/ },
};

const WORDS: Record<string, WorkloadId> = {
  outlook: 'exchange', exchange: 'exchange', 'exchange online': 'exchange', email: 'exchange', emails: 'exchange', 'e-mail': 'exchange', mail: 'exchange', mailbox: 'exchange', calendar: 'exchange', inbox: 'exchange',
  sharepoint: 'sharepoint', 'sharepoint online': 'sharepoint', intranet: 'sharepoint',
  onedrive: 'onedrive', 'one drive': 'onedrive', 'onedrive for business': 'onedrive',
  teams: 'teams', 'microsoft teams': 'teams', 'ms teams': 'teams',
  word: 'office', excel: 'office', powerpoint: 'office', onenote: 'office', office: 'office', 'office apps': 'office', 'microsoft 365 apps': 'office',
  planner: 'planner', forms: 'forms', stream: 'stream', powerbi: 'powerbi', 'power bi': 'powerbi', visio: 'visio',
  yammer: 'engage', 'viva engage': 'engage', intune: 'intune', 'company portal': 'intune', 'power apps': 'powerapps', powerapps: 'powerapps',
  'power automate': 'automate', flow: 'automate', whiteboard: 'whiteboard', sway: 'sway', todo: 'todo', 'to do': 'todo', bookings: 'bookings',
};

/** Things people name that are about signing in itself, not a licensed workload nor an enterprise app. */
const SIGN_IN_ONLY = new Set([
  'office 365', 'office365', 'o365', 'm365', 'microsoft 365', 'vpn', 'wifi', 'wi-fi', 'authenticator', 'microsoft authenticator', 'edge', 'windows hello',
  'remote desktop', 'azure', 'azure portal', 'portal', 'admin center', 'my apps', 'myapps', 'mfa', 'windows', 'laptop', 'computer', 'copilot', 'loop', 'viva', 'skype', 'dynamics',
]);

export type Target = { kind: 'sign-in'; asked?: string } | { kind: 'workload'; workload: WorkloadId; asked: string } | { kind: 'app'; asked: string };

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^(the|my|our) /, '');

/** What the `app` entity names. */
export function targetOf(app: string | undefined): Target {
  const asked = (app ?? '').trim();
  if (!asked) return { kind: 'sign-in' };
  const n = norm(asked);
  const workload = WORDS[n] ?? WORDS[n.replace(/^microsoft /, '')];
  if (workload) return { kind: 'workload', workload, asked };
  if (SIGN_IN_ONLY.has(n) || SIGN_IN_ONLY.has(n.replace(/^microsoft /, ''))) return { kind: 'sign-in', asked };
  return { kind: 'app', asked };
}

export interface LicensePlan {
  skuId: string;
  skuPartNumber: string;
  servicePlanName: string;
  /** Success, Disabled, PendingInput, PendingActivation, PendingProvisioning, Error … */
  provisioningStatus: string;
}

/** The person's plans that serve the workload (any status), in license order. */
export function plansFor(workload: WorkloadId, plans: readonly LicensePlan[]): LicensePlan[] {
  const re = WORKLOADS[workload].plans;
  return plans.filter((p) => re.test(p.servicePlanName.toUpperCase()));
}

/** True when a SKU of the licensing catalog (by part number) includes a plan of the workload. */
export function catalogSkuCovers(skuPartNumber: string, workload: WorkloadId): boolean {
  const re = WORKLOADS[workload].plans;
  return SKUS.some((s) => s.skuPartNumber.toUpperCase() === skuPartNumber.toUpperCase() && s.servicePlans.some((p) => re.test(p.toUpperCase())));
}
