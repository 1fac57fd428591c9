// The services people mean when they ask about a license: a license holds dozens of service plans,
// but "do I have Exchange / SharePoint / Teams?" is what matters. Plan names are the ones in the
// licensing reference (src/knowledge/skus.json); the first plan of a service found wins.

export interface MainService {
  service: string;
  plans: readonly string[];
}

export const MAIN_SERVICES: readonly MainService[] = [
  { service: 'Exchange Online (mailbox)', plans: ['EXCHANGE_S_ENTERPRISE', 'EXCHANGE_S_STANDARD', 'EXCHANGE_S_DESKLESS', 'EXCHANGE_S_ESSENTIALS'] },
  { service: 'SharePoint Online', plans: ['SHAREPOINTENTERPRISE', 'SHAREPOINTSTANDARD', 'SHAREPOINTDESKLESS', 'SHAREPOINT_S_DEVELOPER'] },
  { service: 'OneDrive', plans: ['ONEDRIVE_BASIC', 'ONEDRIVESTANDARD', 'ONEDRIVEENTERPRISE'] },
  { service: 'Microsoft Teams', plans: ['TEAMS1', 'TEAMS_FREE', 'TEAMS_AR_DOD', 'TEAMS_AR_GCCHIGH'] },
  { service: 'Microsoft 365 Apps (desktop Office)', plans: ['OFFICESUBSCRIPTION', 'OFFICE_BUSINESS'] },
  { service: 'Office on the web and mobile', plans: ['SHAREPOINTWAC', 'OFFICEMOBILE_SUBSCRIPTION'] },
  { service: 'Teams Phone', plans: ['MCOEV'] },
  { service: 'Audio Conferencing', plans: ['MCOMEETADV'] },
  { service: 'Intune', plans: ['INTUNE_A'] },
  { service: 'Entra ID P1', plans: ['AAD_PREMIUM'] },
  { service: 'Entra ID P2', plans: ['AAD_PREMIUM_P2'] },
  { service: 'Defender for Endpoint', plans: ['WINDEFATP', 'MDE_LITE'] },
  { service: 'Defender for Office 365', plans: ['ATP_ENTERPRISE', 'THREAT_INTELLIGENCE'] },
  { service: 'Power BI Pro', plans: ['BI_AZURE_P2'] },
  { service: 'Visio', plans: ['VISIO_CLIENT_SUBSCRIPTION', 'VISIOONLINE'] },
  { service: 'Project', plans: ['PROJECT_CLIENT_SUBSCRIPTION', 'PROJECT_PROFESSIONAL'] },
];

export interface PlanStatus {
  servicePlanName?: string | null;
  provisioningStatus?: string | null;
}

export interface ServiceState {
  service: string;
  plan: string;
  /** Success, Disabled (switched off for this person), PendingInput, PendingActivation, PendingProvisioning, Error. */
  status: string;
}

/** The main services a set of plans includes, in MAIN_SERVICES order. */
export function mainServices(plans: readonly PlanStatus[]): ServiceState[] {
  const byName = new Map(plans.filter((p) => p.servicePlanName).map((p) => [p.servicePlanName!.toUpperCase(), p.provisioningStatus ?? 'Success']));
  const out: ServiceState[] = [];
  for (const m of MAIN_SERVICES) {
    const plan = m.plans.find((p) => byName.has(p));
    if (plan) out.push({ service: m.service, plan, status: byName.get(plan)! });
  }
  return out;
}
