// When an answer cannot be given: what failed, in plain words, and what to do next. Never a stack
// trace; a request id where Microsoft support would want one.
import { card, execute, heading, openUrl, subtle, text } from './elements.ts';
import { md, plain } from './escape.ts';
import { guard, type Rendered } from './guard.ts';

export function renderDenied(what: string, roles: string[], question?: string): Rendered {
  const who = roles.length === 1 ? `someone with the ${roles[0]} role` : `someone with one of these roles: ${roles.join(', ')}`;
  return guard(
    card([heading("Your account can't read that"), text(`Microsoft Graph didn't let your account read ${md(what)}. I only show what you may read yourself. ${md(who)} can.`), ...(question ? [subtle(`You asked: “${md(question)}”`)] : [])]),
    `Your account can't read ${plain(what)}. ${who} can.`,
  );
}

export function renderUnavailable(opts: { timedOut: boolean; requestId?: string; clientRequestId?: string; question?: string }): Rendered {
  const head = opts.timedOut ? "Microsoft Graph didn't answer in time" : "Microsoft Graph didn't answer";
  const ids = [opts.requestId ? `request-id ${opts.requestId}` : '', opts.clientRequestId ? `client-request-id ${opts.clientRequestId}` : ''].filter(Boolean).join(', ');
  return guard(
    card(
      [heading(head), text('This is usually brief. Try again in a moment.'), ...(ids ? [subtle(md(ids))] : [])],
      opts.question ? [execute('Try again', 'ask', { question: opts.question })] : [],
    ),
    `${head}; try again in a moment.${ids ? ` (${ids})` : ''}`,
  );
}

export function renderGraphRefused(code: string, requestId?: string): Rendered {
  return guard(
    card([heading("I couldn't ask Microsoft Graph that"), text(`Graph refused the request (${md(code)}). This is a problem on my side; the team has been told through the logs.`), ...(requestId ? [subtle(`request-id ${md(requestId)}`)] : [])]),
    `Microsoft Graph refused the request (${code}).`,
  );
}

export function renderConsent(signInUrl: string): Rendered {
  return guard(
    card(
      [heading('One more step: allow Tenant Desk to read the directory as you'), text('You (or an admin) have not yet allowed Tenant Desk to read the directory on your behalf. Open the sign-in page, accept, and ask again.')],
      [openUrl('Sign in and allow', signInUrl)],
    ),
    `Allow Tenant Desk to read the directory as you: ${signInUrl}`,
  );
}

export function renderSignInProblem(detail: string): Rendered {
  return guard(card([heading("Sign-in didn't work"), text(md(detail)), subtle('Say “help” to see what I can do, or ask again to retry.')]), `Sign-in didn't work: ${plain(detail)}`);
}

export function renderInternalError(reference: string): Rendered {
  return guard(card([heading('Something went wrong on my side'), text('I could not finish that answer. Please try again; if it keeps happening, give your admin this reference.'), subtle(`Reference: ${md(reference)}`)]), `Something went wrong on my side (reference ${reference}).`);
}

export function renderNotUnderstood(said: string): Rendered {
  return guard(card([text(`I couldn't read “${md(said.slice(0, 200))}” as a question about your tenant.`)]), 'I could not read that as a question.');
}

