import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Everything the Backstage plugins bring into a user's app and backend at run time (their production
 * dependency trees) is under a licence we can ship with Apache-2.0: no AGPL/GPL/LGPL/SSPL. A
 * package offering a choice passes when one choice is allowed (node-forge: BSD-3-Clause OR GPL-2.0).
 * The action's bundle has its own check in .ci/run.
 */
const ROOT = join(__dirname, '..');
const WORKSPACES = ['plugins/backend', 'plugins/backend-module-tech-insights', 'plugins/frontend', 'plugins/common'];
const ALLOWED = new Set(['MIT', 'MIT-0', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'BlueOak-1.0.0', 'Unlicense', 'CC0-1.0', 'CC-BY-4.0', 'Python-2.0', 'PSF-2.0', 'MPL-2.0', 'Apache2']);

interface Tree {
  dependencies?: Record<string, Tree & { version?: string; path?: string; missing?: boolean }>;
}

function licenceOf(dir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const raw = pkg.license ?? pkg.licenses;
  const list = Array.isArray(raw) ? raw.map((l) => (typeof l === 'string' ? l : l.type)) : [typeof raw === 'object' && raw ? raw.type : raw];
  // "(BSD-3-Clause OR GPL-2.0)": each alternative; "Apache-2.0 AND MIT": each must be allowed (checked below).
  return list.filter(Boolean).map(String);
}

function allowed(expr: string): boolean {
  const e = expr.replace(/[()]/g, '').trim();
  if (/ OR /i.test(e)) return e.split(/ OR /i).some((x) => allowed(x));
  if (/ AND /i.test(e)) return e.split(/ AND /i).every((x) => allowed(x));
  return ALLOWED.has(e.trim());
}

describe('licences of the plugins’ production dependencies', () => {
  it('the check refuses copyleft, alone or combined, and accepts a permissive choice', () => {
    expect(['GPL-3.0', 'AGPL-3.0-only', 'LGPL-2.1', 'SSPL-1.0', 'MIT AND GPL-2.0', 'UNKNOWN'].map(allowed)).toEqual([false, false, false, false, false, false]);
    expect(['MIT', '(BSD-3-Clause OR GPL-2.0)', 'Apache-2.0 AND MIT'].map(allowed)).toEqual([true, true, true]);
  });

  it('allow shipping with Apache-2.0 (no AGPL/GPL/LGPL/SSPL)', () => {
    const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--long', '--json', ...WORKSPACES.flatMap((w) => ['--workspace', w])], { cwd: ROOT, encoding: 'utf8', maxBuffer: 200 * 1024 * 1024 });
    const tree = JSON.parse(out) as Tree;
    const seen = new Map<string, string[]>();
    const walk = (t: Tree) => {
      for (const [name, dep] of Object.entries(t.dependencies ?? {})) {
        if (!dep.path || dep.missing || seen.has(dep.path)) continue;
        seen.set(dep.path, [name, ...licenceOf(dep.path)]);
        walk(dep);
      }
    };
    walk(tree);
    expect(seen.size).toBeGreaterThan(100);
    const refused = [...seen.values()].filter(([, ...licences]) => licences.length === 0 || !licences.every(allowed)).map(([name, ...l]) => `${name}: ${l.join(', ') || 'no licence field'}`);
    expect(refused).toEqual([]);
  });
});
