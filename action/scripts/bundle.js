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
    alias: {
      '@pillarguard/rules': path.join(root, '../packages/rules/src/index.ts'),
      '@pillarguard/cli': path.join(root, '../packages/cli/src/index.ts'),
      // @actions/github 7 asks for undici 5 and @actions/http-client 3 for undici 6: one copy (6,
      // whose fetch and ProxyAgent @actions/github uses as 5's) instead of ~800 KB of two.
      undici: path.dirname(require.resolve('undici/package.json', { paths: [path.dirname(require.resolve('@actions/http-client/package.json', { paths: [root] }))] })),
    },
  };
  // Two files: index.js (the run, GitHub I/O) starts fast and makes its first API call while
  // engine.js (the rules engine, 2 MB) is not even parsed yet; it is required on first use.
  const run = await esbuild.build({ ...common, metafile: true, entryPoints: [path.join(root, 'src/index.ts')], outfile: path.join(dist, 'index.js'), plugins: [...common.plugins, engineApart] });
  const engine = await esbuild.build({ ...common, metafile: true, entryPoints: [path.join(root, 'src/engine.ts')], outfile: path.join(dist, 'engine.js') });
  fs.copyFileSync(wasm, path.join(dist, 'main.wasm.gz'));
  fs.writeFileSync(path.join(dist, 'licenses.txt'), licences([run.metafile, engine.metafile]));
}

/** Name, version and licence of every package with code in the bundle (from esbuild's list of inputs). */
function licences(metafiles) {
  const seen = new Map();
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (!m) continue;
      const pkg = JSON.parse(fs.readFileSync(path.join(root, m[1], 'package.json'), 'utf8'));
      seen.set(`${pkg.name}@${pkg.version}`, `${pkg.name} ${pkg.version} ${typeof pkg.license === 'string' ? pkg.license : 'UNKNOWN'}`);
    }
  }
  // Our own packages, bundled from source.
  for (const dir of ['../packages/rules', '../packages/cli']) {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    seen.set(pkg.name, `${pkg.name} ${pkg.version} ${pkg.license}`);
  }
  return [...seen.values()].sort().join('\n') + '\n';
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
