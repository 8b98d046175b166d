import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TOOL_VERSION } from '../version';

it('reports the package version', () => {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  expect(TOOL_VERSION).toBe(pkg.version);
});
