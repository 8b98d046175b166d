'use strict';
/**
 * Bundles the action into dist/index.js (what `runs.main` runs): one CommonJS file for Node 20+,
 * plus the one data file a dependency reads next to itself at run time — @cdktf/hcl2json's
 * `main.wasm.gz`, which it looks for in `<its dir>/..`; the bundle looks for it in dist/.
 * Deterministic output (no timestamps, no absolute paths), so CI can check dist/ is current.
 */
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const wasm = require.resolve('@cdktf/hcl2json/main.wasm.gz', { paths: [root] });

/** Rewrites hcl2json's lookup of its wasm file from `../main.wasm.gz` to the bundle's own directory. */
const relocateWasm = {
  name: 'relocate-hcl2json-wasm',
  setup(build) {
    build.onLoad({ filter: /[\\/]@cdktf[\\/]hcl2json[\\/]lib[\\/]bridge\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const from = '(0, path_1.join)(__dirname, "..", "main.wasm.gz")';
      if (!source.includes(from)) throw new Error(`${args.path}: the wasm lookup changed; update scripts/bundle.js`);
      return { contents: source.replace(from, '(0, path_1.join)(__dirname, "main.wasm.gz")'), loader: 'js' };
    });
  },
};

/** `import('./engine')` in the run stays a require of dist/engine.js. */
const engineApart = {
  name: 'engine-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/engine$/ }, () => ({ path: './engine.js', external: true }));
  },
};

async function main() {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  const common = {
    bundle: true,
    // Paths in the bundle's comments are relative to this, whoever runs the script from where.
    absWorkingDir: root,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    plugins: [relocateWasm],
    // hcl2json's wasm runner falls back to require("performance") only where globalThis.performance
    // is missing; every Node the action runs on has it.
    external: ['performance'],
    // Minified: the runner parses the whole bundle before the first API call (cold start).
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    // The workspace packages are bundled from their TypeScript sources, as the tests run them.
    alias: { '@pillarguard/rules': path.join(root, '../packages/rules/src/index.ts'), '@pillarguard/cli': path.join(root, '../packages/cli/src/index.ts') },
  };
  // Two files: index.js (the run, GitHub I/O) starts fast and makes its first API call while
  // engine.js (the rules engine, 2 MB) is not even parsed yet; it is required on first use.
  await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/index.ts')], outfile: path.join(dist, 'index.js'), plugins: [...common.plugins, engineApart] });
  await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/engine.ts')], outfile: path.join(dist, 'engine.js') });
  fs.copyFileSync(wasm, path.join(dist, 'main.wasm.gz'));
  fs.writeFileSync(path.join(dist, 'licenses.txt'), licences());
}

/** The licences of every package in the bundle (from their package.json), for the notice file. */
function licences() {
  const lock = require(path.join(root, '../package-lock.json'));
  const seen = new Map();
  const walk = (name) => {
    let p = lock.packages[`node_modules/${name}`];
    // Workspace packages are links to their directory.
    if (p && p.link) p = lock.packages[p.resolved];
    if (!p || seen.has(name)) return;
    seen.set(name, `${name} ${p.version} ${p.license ?? 'UNKNOWN'}`);
    for (const d of Object.keys(p.dependencies ?? {})) walk(d);
  };
  for (const pkg of ['action', 'packages/rules', 'packages/cli']) for (const d of Object.keys(lock.packages[pkg].dependencies ?? {})) walk(d);
  return [...seen.values()].sort().join('\n') + '\n';
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
