import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { HOSTILE, TOOL, hostileScan } from './__fixtures__/hostile-scan';
import { toMarkdownReport } from './markdown';
import { toText } from './text';

/**
 * Golden files: the exact Markdown and text reports of the hostile fixture. A change of output
 * must be a deliberate one: regenerate with `UPDATE_GOLDEN=1 npx jest src/report` (tests only —
 * the package itself never reads the environment) and review the diff.
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function expectGolden(name: string, actual: string): void {
  const file = join(__dirname, '__fixtures__', name);
  if (UPDATE) writeFileSync(file, actual);
  expect(existsSync(file)).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const approval = { required: true, reasons: [{ ruleId: 'iam.new-access', message: `new s3:GetObject on red data for ${HOSTILE.mention}`, resource: HOSTILE.link, file: 'infra/iam.tf', line: 9 }] };

describe('golden reports of a hostile scan', () => {
  it('Markdown', () => {
    expectGolden('hostile.golden.md', toMarkdownReport(hostileScan(), { tool: TOOL, approval }));
  });

  it('text without colour', () => {
    expectGolden('hostile.golden.txt', toText(hostileScan(), { color: false }));
  });

  it('text with colour, cut to 100 columns', () => {
    expectGolden('hostile-color.golden.txt', toText(hostileScan(), { color: true, width: 100 }));
  });
});
