#!/usr/bin/env node
// `npm test` runs the browser tests (the Agents Playground in Debian's Chromium). On a fresh
// Debian machine where we are root, install Chromium here so the test command does all the set-up;
// otherwise say exactly what is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(`The browser tests need Chromium at ${CHROMIUM}. On Debian/Ubuntu: sudo apt-get install -y chromium fonts-dejavu-core fonts-liberation`);
  process.exit(1);
}
console.log('Installing Chromium for the browser tests (apt-get, once)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core', 'fonts-liberation'], { stdio: 'inherit', env });
if (!existsSync(CHROMIUM)) {
  console.error('apt-get finished but Chromium is still missing.');
  process.exit(1);
}
