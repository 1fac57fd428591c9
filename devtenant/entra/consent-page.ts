// The HTML Entra shows on the authorize endpoint: account picker, consent prompt, error page.
// Plain forms without script, so a test can walk them the way a browser would.

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:"Segoe UI",sans-serif;background:#f2f2f2;margin:0}main{max-width:440px;margin:48px auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:24px;font-weight:600;margin:0 0 16px}ul{padding-left:20px}button{min-width:108px;padding:6px 12px;margin:16px 8px 0 0}.primary{background:#0067b8;color:#fff;border:none}.small{color:#666;font-size:13px}</style>
</head><body><main>${body}</main></body></html>`;
}

function hidden(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('\n');
}

export interface ConsentView {
  action: string;
  fields: Record<string, string>;
  user: { displayName: string; userPrincipalName: string };
  app: { displayName: string; publisher?: string };
  /** What each requested permission lets the app do, as Entra words it. */
  permissions: { name: string; description: string }[];
}

export function consentPage(v: ConsentView): string {
  const items = v.permissions.map((p) => `<li data-scope="${esc(p.name)}"><strong>${esc(p.description)}</strong> <span class="small">(${esc(p.name)})</span></li>`).join('\n');
  return page(
    'Permissions requested',
    `<p class="small">${esc(v.user.userPrincipalName)}</p>
<h1>Permissions requested</h1>
<p><strong>${esc(v.app.displayName)}</strong><br><span class="small">${esc(v.app.publisher ?? 'unverified')}</span></p>
<p>This app would like to:</p>
<ul id="permissions">
${items}
</ul>
<p class="small">Accepting these permissions means that you allow this app to use your data as specified in their terms of service and privacy statement.</p>
<form method="post" action="${esc(v.action)}">
${hidden(v.fields)}
<button type="submit" name="consent" value="cancel">Cancel</button>
<button type="submit" name="consent" value="accept" class="primary" id="accept">Accept</button>
</form>`,
  );
}

export function accountPage(action: string, fields: Record<string, string>): string {
  return page(
    'Sign in to your account',
    `<h1>Sign in</h1>
<form method="get" action="${esc(action)}">
${hidden(fields)}
<input type="email" name="login_hint" placeholder="Email, phone, or Skype" required autofocus>
<button type="submit" class="primary">Next</button>
</form>`,
  );
}

export function errorPage(code: number, message: string): string {
  return page('Sign in', `<h1>Sorry, but we're having trouble signing you in.</h1><p id="error">AADSTS${code}: ${esc(message)}</p>`);
}

/** form_post response mode: the browser posts the result to the redirect URI. */
export function formPostPage(redirectUri: string, fields: Record<string, string>): string {
  return page('Working...', `<form method="post" action="${esc(redirectUri)}" id="result">${hidden(fields)}<noscript><button type="submit">Continue</button></noscript></form><script>document.getElementById('result').submit()</script>`);
}
