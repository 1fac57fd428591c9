// Spelling people really use in chat, mapped to the words the rules are written in. Only the
// matching form changes: names and every entity value are cut from the text as typed.

/** One typed word → the word(s) it stands for (space-separated when it expands). */
export const WORD_FIXES: Readonly<Record<string, string>> = {
  // contractions, with and without the apostrophe
  "can't": 'cannot', cant: 'cannot', "couldn't": 'could not', couldnt: 'could not',
  "won't": 'will not', wont: 'will not', "wouldn't": 'would not', "doesn't": 'does not', doesnt: 'does not',
  "don't": 'do not', dont: 'do not', "didn't": 'did not', didnt: 'did not', "isn't": 'is not', isnt: 'is not',
  "aren't": 'are not', arent: 'are not', "wasn't": 'was not', "haven't": 'have not', havent: 'have not',
  "hasn't": 'has not', hasnt: 'has not', "hadn't": 'had not',
  "who's": 'who is', whos: 'who is', "what's": 'what is', whats: 'what is', wats: 'what is', "where's": 'where is',
  "how's": 'how is', "that's": 'that is', "there's": 'there is', "it's": 'it is', "here's": 'here is',
  "let's": 'let us', "i'm": 'i am', im: 'i am', "i've": 'i have', "i'd": 'i would', "i'll": 'i will',
  "we've": 'we have', "we're": 'we are', "they're": 'they are', "he's": 'he is', "she's": 'she is',
  "you're": 'you are', "who're": 'who are', "what're": 'what are',
  // chat shorthand
  u: 'you', ur: 'your', r: 'are', pls: 'please', plz: 'please', pl: 'please', thx: 'thanks', ty: 'thanks',
  abt: 'about', w: 'with', 'w/o': 'without', wo: 'without', wrt: 'about', usr: 'user', usrs: 'users', grp: 'group', grps: 'groups',
  mbrs: 'members', lic: 'license', lics: 'licenses', cert: 'certificate', certs: 'certificates',
  creds: 'credentials', perms: 'permissions', perm: 'permission', dept: 'department',
  // hyphenation and run-together forms
  'sign-in': 'sign in', signin: 'sign in', 'sign-ins': 'sign ins', signins: 'sign ins', 'log-in': 'log in', login: 'log in',
  logins: 'log ins', logon: 'log on', 'log-on': 'log on', 'sign-on': 'sign on', 'sign-out': 'sign out', signout: 'sign out',
  'log-out': 'log out', logout: 'log out', logoff: 'log off', 'log-off': 'log off', 'sign-off': 'sign off',
  'e-mail': 'email', 'e-mails': 'emails', 'help-desk': 'helpdesk', servicedesk: 'helpdesk', 'service-desk': 'helpdesk',
  'on-prem': 'onprem', 'on-premise': 'onprem', 'on-premises': 'onprem', onpremises: 'onprem', onpremise: 'onprem',
  'cloud-only': 'cloud only', cloudonly: 'cloud only', 'multi-factor': 'mfa', '2fa': 'mfa', 'two-factor': 'mfa',
  'who-am-i': 'who am i', whoami: 'who am i', 'dir-sync': 'dirsync', 'pass-word': 'password', 'app-id': 'appid',
  'app-registration': 'app registration', 'clientid': 'client id', 're-enable': 'enable', reenable: 'enable',
  're-activate': 'reactivate', 'un-block': 'unblock', 'un-lock': 'unlock', 'de-activate': 'deactivate', 'set-up': 'set up',
  // typos seen in real chat (the rules' own words are also fuzzy-matched, see fuzzyFix)
  synched: 'synced', synchd: 'synced', syncd: 'synced', sycned: 'synced', synce: 'sync', snyc: 'sync', sycn: 'sync',
  synch: 'sync', synching: 'syncing', syncronized: 'synchronized', synchronised: 'synchronized', syncronization: 'synchronization',
  synchronisation: 'synchronization', registred: 'registered', regsitered: 'registered', registerd: 'registered',
  regestered: 'registered', registerred: 'registered', licence: 'license', licences: 'licenses', lisence: 'license',
  lisences: 'licenses', liscense: 'license', liscence: 'license', licens: 'license', licenced: 'licensed', licsense: 'license',
  permisions: 'permissions', permision: 'permission', premissions: 'permissions', permssions: 'permissions',
  grups: 'groups', gropus: 'groups', gruops: 'groups', groupes: 'groups', goups: 'groups', gorups: 'groups', grup: 'group',
  memebers: 'members', membres: 'members', memberes: 'members', mebers: 'members', memebrs: 'members', memeber: 'member',
  secerts: 'secrets', secrests: 'secrets', secretes: 'secrets', sercets: 'secrets', secrts: 'secrets',
  certficates: 'certificates', certifcates: 'certificates', certificats: 'certificates', expirng: 'expiring',
  expirig: 'expiring', exipring: 'expiring', expireing: 'expiring', expiering: 'expiring',
  guets: 'guests', gusts: 'guests', guestes: 'guests', domians: 'domains', doamins: 'domains', domian: 'domain',
  tickts: 'tickets', tickes: 'tickets', tikets: 'tickets', ticekts: 'tickets', admn: 'admin', admns: 'admins',
  admnistrators: 'administrators', adminstrators: 'administrators', administators: 'administrators',
  adminstrator: 'administrator', admnistrator: 'administrator', tennant: 'tenant', tenent: 'tenant', tennent: 'tenant',
  directroy: 'directory', dirctory: 'directory', halp: 'help', hlep: 'help', erors: 'errors', errros: 'errors',
  errrors: 'errors', eror: 'error', passwrod: 'password', pasword: 'password', passowrd: 'password', pwd: 'password',
  outlok: 'outlook', sharepont: 'sharepoint', onedirve: 'onedrive', federeated: 'federated', verfied: 'verified',
  unassinged: 'unassigned', unasigned: 'unassigned', permisssions: 'permissions', applicaton: 'application',
  aplication: 'application', applcation: 'application', appp: 'app',
};

/** Runs of words written as one idea, merged so rules can name them once. */
export const PHRASE_FIXES: ReadonlyArray<readonly [string, string]> = [
  ['azure active directory', 'aad'],
  ['azure ad', 'aad'],
  ['microsoft entra id', 'entra'],
  ['microsoft entra', 'entra'],
  ['entra id', 'entra'],
  ['active directory', 'ad'],
  ['on premises', 'onprem'],
  ['on premise', 'onprem'],
  ['on prem', 'onprem'],
  ['help desk', 'helpdesk'],
  ['service desk', 'helpdesk'],
  ['e mail', 'email'],
  ['can not', 'cannot'],
  ['tenant desk', 'tenantdesk'],
  ['app id', 'appid'],
  ['application id', 'appid'],
  ['client id', 'appid'],
  ['multi factor', 'mfa'],
  ['two factor', 'mfa'],
];

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * A misspelt keyword → the keyword, when exactly one keyword is that close (one edit for words
 * of 5–7 letters, two from 8). Short words, `known` words (real words the rules meet, such as
 * "forgot" or "grant") and word forms ("grant"/"grants") are left alone.
 */
export function fuzzyFix(word: string, vocabulary: ReadonlySet<string>, known?: ReadonlySet<string>): string | undefined {
  if (word.length < 5 || !/^[a-z]+$/.test(word) || vocabulary.has(word) || known?.has(word)) return undefined;
  const max = word.length >= 8 ? 2 : 1;
  let found: string | undefined;
  for (const v of vocabulary) {
    if (v.length < 5 || Math.abs(v.length - word.length) > max) continue;
    // "grant" is not a misspelt "grants": a word that is a prefix of another is a real word form.
    if (v.startsWith(word) || word.startsWith(v)) continue;
    if (distance(word, v, max) <= max) {
      if (found !== undefined) return undefined;
      found = v;
    }
  }
  return found;
}
