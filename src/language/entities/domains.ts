// Domain names ("contoso.com", "contoso.onmicrosoft.com"), told apart from file names, permission
// names ("Mail.Read", "Directory.ReadWrite.All"), abbreviations ("U.S.") and version numbers.
import type { Utterance } from '../normalize.ts';
import type { Span } from './spans.ts';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TLD = /^[a-z]{2,24}$/;
const NOT_TLDS = new Set([
  'read', 'all', 'write', 'readwrite', 'readbasic', 'shared', 'send', 'js', 'ts', 'json', 'pdf', 'doc', 'docx', 'xls',
  'xlsx', 'ppt', 'pptx', 'txt', 'csv', 'exe', 'msi', 'png', 'jpg', 'jpeg', 'gif', 'zip', 'html', 'htm', 'ps1', 'sh',
  'py', 'md', 'log', 'xml', 'yaml', 'yml', 'config', 'dll', 'bat', 'cmd', 'vbs', 'eg', 'ie', 'etc',
]);

export function isDomain(norm: string): boolean {
  if (norm.length > 253 || norm.includes('@')) return false;
  const labels = norm.split('.');
  if (labels.length < 2 || labels.length > 10) return false;
  const tld = labels[labels.length - 1]!;
  return TLD.test(tld) && !NOT_TLDS.has(tld) && labels.every((l) => LABEL.test(l));
}

export function findDomains(u: Utterance): Span[] {
  const out: Span[] = [];
  u.tokens.forEach((t, i) => {
    if (!t.quoted && isDomain(t.norm)) out.push({ kind: 'domain', start: i, end: i + 1, value: t.norm });
  });
  return out;
}
