#!/usr/bin/env node
// Runs the dev tenant's CLI (TypeScript) through tsx, so it works without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../devtenant/cli.ts');
