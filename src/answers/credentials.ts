// App credentials as people think of them: client secrets (passwordCredentials) and certificates
// (keyCredentials), each with when it ends, relative to the answer's own clock. Shared by app.lookup
// (the soonest one of an app) and app.credentials (every one due in a window).

export type CredentialKind = 'secret' | 'certificate';

/** passwordCredential / keyCredential as Graph returns them (only what the answers select). */
export interface GraphCredential {
  keyId?: string | null;
  displayName?: string | null;
  endDateTime?: string | null;
  /** passwordCredential: the first characters of the secret. */
  hint?: string | null;
  /** keyCredential: AsymmetricX509Cert, Symmetric … */
  type?: string | null;
  /** keyCredential: Sign or Verify. */
  usage?: string | null;
  /** keyCredential: usually the certificate thumbprint (base64). */
  customKeyIdentifier?: string | null;
}

export interface HasCredentials {
  passwordCredentials?: GraphCredential[] | null;
  keyCredentials?: GraphCredential[] | null;
}

export interface Credential {
  kind: CredentialKind;
  keyId: string;
  name?: string;
  hint?: string;
  endDateTime: string;
  /** Whole days until it ends (0 = within a day); for an expired one, minus the whole days since. */
  days: number;
  expired: boolean;
}

export interface CredentialSummary {
  count: number;
  expired: number;
  /** The soonest one still valid; when every one has expired, the one that expired last. */
  next?: Credential;
}

const DAY_MS = 86_400_000;

export function daysFrom(endIso: string, now: Date): { days: number; expired: boolean } | undefined {
  const end = Date.parse(endIso);
  if (Number.isNaN(end)) return undefined;
  const ms = end - now.getTime();
  // `|| 0` keeps -0 out of the view model: "expired today" is 0 days, not -0.
  return ms > 0 ? { days: Math.floor(ms / DAY_MS), expired: false } : { days: -Math.floor(-ms / DAY_MS) || 0, expired: true };
}

/**
 * The credentials of an application or service principal. A certificate uploaded for SAML signing
 * appears twice in keyCredentials (usage Sign and Verify, same thumbprint and dates): one row.
 */
export function credentialsOf(o: HasCredentials, now: Date): Credential[] {
  const out: Credential[] = [];
  const seenCerts = new Set<string>();
  const add = (c: GraphCredential, kind: CredentialKind) => {
    if (!c.endDateTime) return;
    const when = daysFrom(c.endDateTime, now);
    if (!when) return;
    if (kind === 'certificate') {
      const pair = `${c.customKeyIdentifier ?? c.keyId ?? ''}|${c.endDateTime}`;
      if (seenCerts.has(pair)) return;
      seenCerts.add(pair);
    }
    out.push({
      kind,
      keyId: c.keyId ?? '',
      ...(c.displayName ? { name: c.displayName } : {}),
      ...(kind === 'secret' && c.hint ? { hint: c.hint } : {}),
      endDateTime: c.endDateTime,
      ...when,
    });
  };
  for (const c of o.passwordCredentials ?? []) add(c, 'secret');
  for (const c of o.keyCredentials ?? []) add(c, 'certificate');
  return out;
}

/** Soonest first; expired ones after the valid ones, most recently expired first. */
export function byUrgency(a: Credential, b: Credential): number {
  if (a.expired !== b.expired) return a.expired ? 1 : -1;
  const d = Date.parse(a.endDateTime) - Date.parse(b.endDateTime);
  return a.expired ? -d : d;
}

export function summarize(creds: Credential[]): CredentialSummary {
  const sorted = [...creds].sort(byUrgency);
  const next = sorted[0];
  return { count: creds.length, expired: creds.filter((c) => c.expired).length, ...(next ? { next } : {}) };
}
