import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root.ts';
import { rulesTableMarkdown } from './rules-table.ts';

describe('docs/security.md', () => {
  it('shows the rules exactly as rules.ts has them', () => {
    const doc = readFileSync(join(projectRoot, 'docs/security.md'), 'utf8');
    const shown = /<!-- rules:begin -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(doc)?.[1];
    expect(shown, 'paste the expected text between the rules markers of docs/security.md').toBe(
      rulesTableMarkdown(),
    );
  });
});
