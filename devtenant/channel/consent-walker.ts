// Walks Entra's consent prompt the way a user's browser would during the sign-in fallback: open the
// authorize URL for the user, press Accept (or Cancel), and read where Entra sends the browser back.
import { randomBytes, createHash } from 'node:crypto';
import { httpCall } from './http-client.ts';

export interface ConsentWalk {
  /** An Entra authorize URL, or the bot's sign-in link (teams-ai's `?scope&clientId&tenantId` page). */
  url: string;
  /** UPN (or object id) of the user who signs in. */
  user: string;
  entraBase: string;
  ca: string;
  /** Where the bot's page would send Entra's answer (default `{sign-in page origin}/auth-end.html`). */
  redirectUri?: string;
  /** Press Cancel instead of Accept. */
  decline?: boolean;
}

export interface ConsentResult {
  /** The final HTTP status (302 when Entra redirected back). */
  status: number;
  /** The redirect Entra sent the browser to. */
  location?: string;
  code?: string;
  state?: string;
  error?: string;
  errorDescription?: string;
  /** True when Entra showed the consent prompt (false when consent already existed). */
  prompted: boolean;
  /** The permissions the prompt listed. */
  permissions: string[];
  /** The HTML of the last page when Entra did not redirect (an error page). */
  page?: string;
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function hiddenFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) out[unescape(m[1]!)] = unescape(m[2]!);
  return out;
}

function redirectParams(location: string): Record<string, string> {
  const u = new URL(location);
  const raw = u.hash ? u.hash.slice(1) : u.search.slice(1);
  return Object.fromEntries(new URLSearchParams(raw));
}

function result(status: number, location: string | undefined, prompted: boolean, permissions: string[], page?: string): ConsentResult {
  if (!location) return { status, prompted, permissions, ...(page !== undefined ? { page } : {}) };
  const p = redirectParams(location);
  return {
    status,
    location,
    prompted,
    permissions,
    ...(p.code ? { code: p.code } : {}),
    ...(p.state !== undefined ? { state: p.state } : {}),
    ...(p.error ? { error: p.error } : {}),
    ...(p.error_description ? { errorDescription: p.error_description } : {}),
  };
}

/** The authorize URL the sign-in page would send the browser to. */
async function authorizeUrl(w: ConsentWalk): Promise<URL> {
  const isAuthorize = (u: string) => u.startsWith(w.entraBase) && /\/oauth2\/v2\.0\/authorize(\?|$)/.test(u);
  if (isAuthorize(w.url)) return new URL(w.url);
  const page = await httpCall(w.url, { ca: w.ca });
  const location = page.headers.location;
  if (page.status >= 300 && page.status < 400 && location && isAuthorize(new URL(location, w.url).toString())) return new URL(location, w.url);
  // teams-ai's sample auth-start page builds the authorize URL in script from its query string.
  const link = new URL(w.url);
  const clientId = link.searchParams.get('clientId');
  const tenantId = link.searchParams.get('tenantId');
  if (!clientId || !tenantId) throw new Error(`${w.url} is neither an Entra authorize URL nor a sign-in link with clientId and tenantId`);
  const verifier = randomBytes(32).toString('base64url');
  const u = new URL(`${w.entraBase}/${tenantId}/oauth2/v2.0/authorize`);
  u.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    response_mode: 'fragment',
    scope: `${link.searchParams.get('scope') ?? 'User.Read'} openid profile`,
    redirect_uri: w.redirectUri ?? `${link.origin}/auth-end.html`,
    state: randomBytes(8).toString('hex'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  return u;
}

export async function walkConsent(w: ConsentWalk): Promise<ConsentResult> {
  const url = await authorizeUrl(w);
  if (!url.searchParams.get('login_hint')) url.searchParams.set('login_hint', w.user);
  const first = await httpCall(url.toString(), { ca: w.ca });
  if (first.status === 302) return result(302, first.headers.location, false, []);
  const action = /<form method="post" action="([^"]*)"/.exec(first.text)?.[1];
  if (first.status !== 200 || !action) return result(first.status, undefined, false, [], first.text);
  const permissions = [...first.text.matchAll(/<li data-scope="([^"]*)"/g)].map((m) => unescape(m[1]!));
  const fields = { ...hiddenFields(first.text), consent: w.decline ? 'cancel' : 'accept' };
  const posted = await httpCall(new URL(unescape(action), url).toString(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    ca: w.ca,
  });
  return result(posted.status, posted.headers.location, true, permissions, posted.status === 302 ? undefined : posted.text);
}
