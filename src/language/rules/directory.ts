// The tenant as a whole: overview, directory sync, domains, guests.
import type { IntentRule } from './types.ts';

const SYNC = 'sync|synced|syncing|synchronization|synchronized|dirsync|synchronizing';

export const DIRECTORY_RULES: IntentRule[] = [
  {
    intent: 'tenant.overview',
    patterns: [
      '[what/which] [is] [our/the/my/this] (tenant|org|organization|organisation|directory|tenancy) [id|name|info|information|details|overview|summary|stats|statistics]',
      '[an] (overview|summary|stats|statistics|snapshot) [(of|for|about) [the/our/this] (tenant|org|organization|directory|entra|aad)]',
      'about [our/the/this] (tenant|org|organization|directory|entra|aad)',
      '(which|what) tenant [(am|are|is) (i|we|this|it) [in|on|using|connected to]]',
      'how (big|large) is [our/the] (tenant|directory|org|organization)',
    ],
    cues: [
      [0.8, 'tenant|tenancy|org|organization|organisation|directory|entra|aad & overview|summary|info|information|details|stats|statistics|id|name|about|big|size|which|what'],
      [0.7, 'overview|summary|stats|statistics'],
      [0.72, 'how many & users|groups|apps|applications|devices|accounts|objects|people|employees'],
      [0.6, 'tenant|tenancy'],
    ],
    keeps: [],
  },
  {
    intent: 'sync.status',
    patterns: [
      '[the/our] [directory/dir/ad/aad/entra/onprem/hybrid/cloud/password/hash] (sync|synchronization|dirsync) [status|state|health]',
      '(aad|entra|ad|azure) connect [sync] [status|health|state]',
    ],
    cues: [
      [0.85, `${SYNC} & status|working|running|healthy|health|ok|okay|enabled|on|last|when|broken|down|state|happening|turned|run|ran|up|configured|active|stopped|stuck|latest|recent|disabled|off|paused|time|date|schedule|scheduled|interval|cycle|delta|completed|succeeded|lastly|recently`],
      [0.85, 'connect & aad|entra|ad|azure|health|healthy|status|working|running'],
      [0.8, 'password hash|phs|pass through|pta|cloud sync|hybrid sync|dirsync'],
      [0.65, 'sync|synchronization|syncing'],
      [0.75, 'hybrid|hybrid identity'],
    ],
    keeps: [],
  },
  {
    intent: 'sync.users',
    patterns: [],
    cues: [
      [0.86, `${SYNC} & who|which|users|accounts|people|objects|list|count|many|everyone|anyone|employees|identities|user`],
      [0.86, 'cloud only'],
      [0.84, 'onprem|ad & users|accounts|objects|identities'],
      [0.8, 'come|comes|coming & onprem|ad'],
    ],
    keeps: [],
  },
  {
    intent: 'sync.errors',
    patterns: [],
    cues: [
      [0.9, `${SYNC}|provisioning|provision & error|errors|fail|failed|failing|failure|failures|conflict|conflicts|problem|problems|issue|issues|duplicate|duplicates|warnings|warning|errored|stuck objects`],
      [0.88, 'provisioning errors|provisioning error|duplicate attribute|duplicate attributes|attribute conflict|attribute conflicts|duplicate upn|duplicate proxy|proxyaddress conflict|idfix'],
    ],
    keeps: ['user'],
    nameSlot: 'user',
    aboutAsker: true,
  },
  {
    intent: 'domain.list',
    patterns: ['<domain>', '(domain|domains) <domain>', '(is|are) <domain> [a|an|the|our] [verified|federated|primary|default|managed|custom|initial] [domain]'],
    cues: [
      [0.85, 'domain|domains|dns|onmicrosoft|vanity domain|custom domain|federation'],
      [0.88, '<domain> & verified|federated|primary|default|own|owned|registered|managed|added|dns|mx|txt|unverified|initial|ours|belong|belongs|valid|federation'],
      [0.75, '<domain>'],
    ],
    keeps: ['domain'],
  },
  {
    intent: 'guest.list',
    patterns: [],
    cues: [
      [0.85, 'guest|guests|b2b|external users|external user|external accounts|external account|external identities|externals|invitations|invitation|invited|invitees|external collaborators|external people|outsiders|outside users|outside people|guest users|guest accounts'],
      [0.75, 'external'],
    ],
    keeps: ['domain', 'days'],
  },
];
