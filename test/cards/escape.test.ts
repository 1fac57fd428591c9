import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { md, plain } from '../../src/cards/escape.ts';

// CommonMark rendering (what Teams' markdown does, and more): escaped text must render as one
// plain paragraph holding exactly the original characters.
const markdown = new MarkdownIt('commonmark', { html: true, linkify: true });
const rendered = (s: string) => markdown.renderInline(md(s));
const decode = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

const HOSTILE = [
  '*bold* _it_ **strong** ~~gone~~',
  '[click me](https://evil.example/x) ![img](https://evil.example/i.png)',
  '<at>Everyone</at> <script>alert(1)</script> <b>x</b>',
  '# Heading\n- item\n1. one\n> quote',
  '`code` ```fence```',
  "O'Brien & Sons \"quoted\"",
  'https://evil.example auto link',
  'back\\slash \\* escaped',
  'table | pipes | here',
];

describe('md()', () => {
  it.each(HOSTILE)('renders %j as literal text, with no markup', (s) => {
    const html = rendered(s);
    expect(html).not.toMatch(/<(a|strong|em|img|code|s|script|b|h\d|li|blockquote|at)\b/i);
    expect(decode(html)).toBe(s.replace(/\r\n?|\n/g, ' '));
  });

  it('drops control and bidi-override characters but keeps other text (RTL, emoji)', () => {
    expect(md('a\u0000b\u202Ec\u2066d')).toBe('abcd');
    expect(md('שלום 👩‍💻')).toBe('שלום 👩‍💻');
  });

  it('plain() trims, collapses and bounds text', () => {
    expect(plain('  a \n\n b  ')).toBe('a b');
    expect(plain('x'.repeat(600), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
