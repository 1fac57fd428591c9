// The sandbox as a person meets it: `npm start` (here: the same script), the Microsoft 365 Agents
// Playground in Debian's Chromium, a question in the personal chat and an @mention in a channel,
// cards on screen (screenshots in test-output/screenshots/), then Ctrl-C and nothing left running.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const shots = resolve(root, 'test-output', 'screenshots');
const SANDBOX_PORTS = [3978, 7443, 7444, 7445, 10000, 56150];

let sandbox: ChildProcess;
let output = '';
let browser: Browser;
let page: Page;

const portOpen = (port: number) =>
  new Promise<boolean>((ok) => {
    const s = createConnection({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      ok(true);
    });
    s.once('error', () => ok(false));
  });

beforeAll(async () => {
  const busy = [];
  for (const p of SANDBOX_PORTS) if (await portOpen(p)) busy.push(p);
  if (busy.length) throw new Error(`the sandbox ports ${busy.join(', ')} are in use (is \`npm start\` running?); stop it and run the tests again`);
  mkdirSync(shots, { recursive: true });
  sandbox = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'scripts', 'start.ts')], { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  sandbox.stdout!.on('data', (d) => (output += String(d)));
  sandbox.stderr!.on('data', (d) => (output += String(d)));
  const until = Date.now() + 90_000;
  while (!output.includes('Tenant Desk is ready')) {
    if (sandbox.exitCode !== null || Date.now() > until) throw new Error(`the sandbox did not start:\n${output}`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // The Playground asks a CDN for fonts and an animation script; offline they would only time out.
  await page.route(/res-1\.cdn\.office\.net|flair/, (r) => r.abort());
  await page.goto('http://localhost:56150/');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (sandbox && sandbox.exitCode === null) sandbox.kill('SIGKILL');
});

const editor = () => page.locator('[data-lexical-editor="true"][role="textbox"]').first();
const cardWith = (text: string) => page.locator('.ac-adaptiveCard', { hasText: text }).last();

describe('the sandbox in the Agents Playground', () => {
  it('answers "help" in the personal chat with the help card', async () => {
    await editor().click();
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await cardWith('What I can answer').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: resolve(shots, 'personal-help.png') });
  });

  it('signs Adele in (sandbox SSO → OBO) and answers "who is synced?", with paging', async () => {
    await editor().click();
    await page.keyboard.type('who is synced?');
    await page.keyboard.press('Enter');
    const card = cardWith('Who is synced');
    await card.waitFor({ timeout: 30_000 });
    await expect(card.innerText()).resolves.toMatch(/synced from on-premises AD/);
    await page.screenshot({ path: resolve(shots, 'personal-who-is-synced.png') });
    await card.getByRole('button', { name: 'Next' }).click();
    await cardWith('Page 2 of').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: resolve(shots, 'personal-who-is-synced-page-2.png') });
  });

  it.each([
    ['sync status', 'Directory sync', 'card-sync-status'],
    ['what is our tenant?', 'Microsoft Entra ID directory', 'card-tenant-overview'],
    ['am I synced?', 'Adele Vance', 'card-user-lookup'],
    ["I can't open SharePoint", 'SharePoint', 'card-triage'],
    ['how many E5 licenses are left?', 'Microsoft 365 E5', 'card-license-summary'],
    ['is Dropbox an approved app?', 'Dropbox Business', 'card-app-lookup'],
  ])('renders the answer to “%s”, with a screenshot', async (question, text, name) => {
    await editor().click();
    await page.keyboard.type(question);
    await page.keyboard.press('Enter');
    const card = cardWith(text);
    await card.waitFor({ timeout: 30_000 });
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: resolve(shots, `${name}.png`) });
  });

  it('answers an @mention in a team channel, in the thread', async () => {
    await page.getByText('General').first().click();
    await editor().click();
    await page.keyboard.type('@');
    // The mention picker lists the bot and the five people of the Playground's config.
    const pick = page.getByRole('option', { name: /Tenant Desk/ }).first();
    if (await pick.isVisible({ timeout: 5000 }).catch(() => false)) await pick.click();
    else await page.getByText('Tenant Desk', { exact: true }).last().click();
    await page.keyboard.type(' who is synced?');
    await page.keyboard.press('Enter');
    await cardWith('Who is synced').waitFor({ timeout: 30_000 });
    await expect(page.locator('text=who is synced?').last().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: resolve(shots, 'channel-mention.png') });
  });

  it('stops every child on Ctrl-C, leaving nothing running', async () => {
    const exited = new Promise<number | null>((ok) => sandbox.once('exit', (code) => ok(code)));
    sandbox.kill('SIGINT');
    expect(await exited).toBe(0);
    const stillOpen = [];
    for (const p of SANDBOX_PORTS) if (await portOpen(p)) stillOpen.push(p);
    expect(stillOpen).toEqual([]);
  });
});
