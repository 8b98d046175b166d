'use strict';
// Runs the pillarguard backend plugin on http://localhost:7007 with Backstage's catalog backend
// reading the example catalog (or, for the benchmark, the entities in $PILLARGUARD_DEV_CATALOG, a
// YAML or JSON list, served in memory) and dev/app-config.yaml (plus any --config files given).
// Used by the portal demo (`npm start`), `npm start` in this package and the benchmark.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// A development run, as `backstage-cli package start` makes one (the guest sign-in requires it).
process.env.NODE_ENV ??= 'development';
const { join } = require('node:path');
const { createBackend } = require('@backstage/backend-defaults');
const { catalogServiceMock } = require('@backstage/plugin-catalog-node/testUtils');
const { exampleEntities } = require('./catalog');

if (!process.argv.includes('--config')) process.argv.push('--config', join(__dirname, 'app-config.yaml'));
else process.argv.splice(2, 0, '--config', join(__dirname, 'app-config.yaml'));

const backend = createBackend();
backend.add(require('../dist').default);
// Sign-in for the demo's frontend: Backstage's guest provider (development only), so the UI's
// requests carry a real Backstage user token through the same auth as any deployment.
backend.add(require('@backstage/plugin-auth-backend'));
backend.add(require('@backstage/plugin-auth-backend-module-guest-provider'));
// Where dev/app-config.yaml's catalog location points (${PILLARGUARD_EXAMPLES_DIR}).
process.env.PILLARGUARD_EXAMPLES_DIR ??= join(__dirname, '../../../examples');
if (process.env.PILLARGUARD_DEV_CATALOG) {
  // The benchmark's 5,000 generated entities: served as given (with the relations the catalog would
  // add) so a run measures this plugin, not the catalog's ingestion.
  backend.add(catalogServiceMock.factory({ entities: exampleEntities(process.env.PILLARGUARD_DEV_CATALOG) }));
} else {
  // The demo: Backstage's own catalog backend reads examples/backstage/catalog-info.yaml (a file
  // location in dev/app-config.yaml), so entity pages and relations come from a real catalog.
  backend.add(require('@backstage/plugin-catalog-backend'));
}
backend.start().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
