// The sync.status card: directory sync and password hash sync, each with its own health.
import type { SyncStatus } from '../answers/sync-status.ts';
import type { Health } from '../answers/results.ts';
import type { ViewOptions } from '../catalog.ts';
import { card, container, facts, heading, openUrl, status, subtle, text, type Tone } from './elements.ts';
import { md } from './escape.ts';
import { ago, utc } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';

const TONE: Record<Health, Tone> = { healthy: 'good', warning: 'warning', error: 'attention', off: 'default', unknown: 'default' };
const WORDS: Record<Health, string> = { healthy: 'Healthy', warning: 'Behind (over 3 hours)', error: 'Stalled (over 24 hours)', off: 'Off', unknown: 'Unknown' };

export function renderSyncStatus(vm: SyncStatus, _view: ViewOptions): Rendered {
  const d = vm.directory;
  const p = vm.passwordHashSync;
  const directory = d.enabled
    ? [status(`Directory sync: ${WORDS[d.health]}`, TONE[d.health]), facts([['Last sync', `${ago(d.ageMinutes)} (${utc(d.lastSync)})`], ['Schedule', 'Every 30 minutes by default (Entra Connect)']])]
    : [status('Directory sync: Off', 'default'), text('This tenant does not synchronize users from an on-premises Active Directory: every account is managed in the cloud.')];
  const lastPassword = p.lastSyncAvailable ? `${ago(p.ageMinutes)} (${utc(p.lastSync)})` : 'not available (Graph has it only in beta, which did not answer)';
  const password = !d.enabled
    ? []
    : p.readable
      ? [
          status(`Password hash sync: ${p.enabled ? WORDS[p.health] : 'Off'}`, p.enabled ? TONE[p.health] : 'default'),
          facts([
            ...(p.enabled ? ([['Last password sync', lastPassword]] as [string, string][]) : []),
            ['Password writeback', p.writeback ? 'On: people can change their password in the cloud' : 'Off: synced people change their password on-premises'],
            ...(vm.deletionThreshold !== undefined ? ([['Accidental deletion protection', `stops at ${vm.deletionThreshold} deletions`]] as [string, string][]) : []),
          ]),
        ]
      : [
          status('Password hash sync: not checked', 'default'),
          facts([['Last password sync', lastPassword]]),
          subtle(p.reason === 'denied' ? `Whether it is on is in ${md(p.what)}, which only a ${md(p.roles.join(' or '))} may read.` : 'Graph did not answer for the sync configuration; try again later.'),
        ];
  const fallback = d.enabled
    ? `Directory sync for ${vm.tenant.name}: ${WORDS[d.health]}, last ${ago(d.ageMinutes)}. Password hash sync: ${p.readable ? (p.enabled ? WORDS[p.health] : 'off') : 'not checked'}; last password sync ${lastPassword}.`
    : `${vm.tenant.name} does not sync from on-premises AD.`;
  return guard(card([heading(`Sync status · ${md(vm.tenant.name)}`), container(directory), container(password, { separator: true, spacing: 'Medium' })], [openUrl('Open Entra Connect', links.connect())]), fallback);
}
