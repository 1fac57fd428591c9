// The sign-in and consent fallback, served by the bot: when the silent token exchange fails
// (typically because nobody consented yet), Teams opens /auth/start in a pop-up; it sends the
// person to Entra's authorize endpoint (code flow with PKCE); Entra returns to /auth/end, which
// tells Teams it worked (notifySuccess) so Teams sends signin/verifyState and retries the silent
// exchange. The authorization code is never redeemed: the point of the round trip is the consent.

export interface ConsentPageSettings {
  authorizeUrl: string; // {authorityHost}/{tenant}/oauth2/v2.0/authorize
  clientId: string;
  scopes: readonly string[];
  redirectUri: string; // {publicUrl}/auth/end
}

/** Safe inside a <script> block: JSON with `<`, `>` and `&` escaped, so no value can close the tag. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const page = (title: string, body: string, script: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:3rem auto;max-width:32rem;color:#242424;line-height:1.5}h1{font-size:1.3rem;color:#5b5fc7}</style>
<script src="/auth/teams-js.js"></script></head>
<body>${body}<script>${script}</script></body></html>`;

export function authStartPage(s: ConsentPageSettings): string {
  const cfg = scriptJson({ authorize: s.authorizeUrl, clientId: s.clientId, scope: [...s.scopes, 'openid', 'profile', 'offline_access'].join(' '), redirectUri: s.redirectUri });
  return page(
    'Sign in to Tenant Desk',
    '<h1>Tenant Desk</h1><p id="status">Taking you to Microsoft sign-in…</p>',
    `(async () => {
  const cfg = ${cfg};
  const params = new URLSearchParams(location.search);
  let hint = params.get('login_hint') || '';
  try { await microsoftTeams.app.initialize(); const ctx = await microsoftTeams.app.getContext(); hint = (ctx.user && ctx.user.loginHint) || hint; } catch (e) { /* outside Teams (the sandbox) */ }
  const b64url = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = crypto.randomUUID();
  localStorage.setItem('tenant-desk.auth.state', state);
  const q = new URLSearchParams({ client_id: cfg.clientId, response_type: 'code', redirect_uri: cfg.redirectUri, scope: cfg.scope, response_mode: 'fragment', state, code_challenge: challenge, code_challenge_method: 'S256' });
  if (hint) q.set('login_hint', hint);
  location.assign(cfg.authorize + '?' + q.toString());
})();`,
  );
}

export function authEndPage(): string {
  return page(
    'Tenant Desk — signed in',
    '<h1>Tenant Desk</h1><p id="status">Finishing sign-in…</p>',
    `(async () => {
  const status = document.getElementById('status');
  const params = new URLSearchParams(location.hash.slice(1) || location.search.slice(1));
  const expected = localStorage.getItem('tenant-desk.auth.state');
  localStorage.removeItem('tenant-desk.auth.state');
  const ok = params.get('code') && params.get('state') && params.get('state') === expected;
  const reason = params.get('error_description') || params.get('error') || 'The sign-in did not complete.';
  try {
    await microsoftTeams.app.initialize();
    if (ok) microsoftTeams.authentication.notifySuccess(); else microsoftTeams.authentication.notifyFailure(reason);
    return;
  } catch (e) { /* outside Teams (the sandbox): say it here */ }
  status.textContent = ok ? 'Done: Tenant Desk may now read the directory as you. Go back to the chat and ask again.' : 'Sign-in did not complete: ' + reason;
})();`,
  );
}
