/** Tokens (compact JWTs) and given secrets found in a text: what must never appear in a log. */
export function findSecrets(text: string, secrets: string[]): string[] {
  const found: string[] = [];
  const jwt = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g;
  for (const m of text.matchAll(jwt)) found.push(`JWT ${m[0].slice(0, 16)}…`);
  for (const s of secrets) if (s && text.includes(s)) found.push(`secret ${s.slice(0, 4)}…`);
  return found;
}
