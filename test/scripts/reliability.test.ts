import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reliabilitySectionOf, writeReliabilitySection } from '../support/reliability.ts';

describe('the reliability section of bench/RESULTS.md', () => {
  it('is added, then replaced, leaving the other sections alone', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'td-rel-')), 'RESULTS.md');
    writeFileSync(file, '# Benchmark results\n\n## Targets\n\n| a | b |\n\n## 3. Throughput\n\nx\n');
    writeReliabilitySection(new Map([['load', { turns: 10, errors: 0 }]]), 'npm run soak', file);
    writeReliabilitySection(new Map([['load', { turns: 20, errors: 1 }]]), 'npm run soak', file);
    const text = readFileSync(file, 'utf8');
    expect(text.match(/## Reliability/g)).toHaveLength(1);
    expect(text).toContain('turns: 20, errors: 1');
    expect(text).not.toContain('turns: 10');
    expect(text).toContain('## 3. Throughput\n\nx');
    expect(reliabilitySectionOf(text)).toMatch(/^## Reliability[\s\S]*turns: 20/);
  });
});
