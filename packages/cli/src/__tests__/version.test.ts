import { TOOL_VERSION } from '../version';
import pkg from '../../package.json';

it('reports the package version', () => {
  expect(TOOL_VERSION).toBe(pkg.version);
});
