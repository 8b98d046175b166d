'use strict';
// Runs the pillarguard backend plugin alone, on http://localhost:7007, with the example catalog
// (or the entities in $PILLARGUARD_DEV_CATALOG, a YAML or JSON list) and dev/app-config.yaml (plus
// any --config files given). Used by `npm start` in this package and by the benchmark.
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
backend.add(catalogServiceMock.factory({ entities: exampleEntities(process.env.PILLARGUARD_DEV_CATALOG || undefined) }));
backend.start().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
