import { createApiFactory, createComponentExtension, createPlugin, createRoutableExtension, discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { pillarguardApiRef } from './api/PillarguardApi';
import { PillarguardClient } from './api/PillarguardClient';
import { rootRouteRef } from './routes';

/** The plugin for apps on Backstage's classic frontend system (the new system: `/alpha`). */
export const pillarguardPlugin = createPlugin({
  id: 'pillarguard',
  apis: [createApiFactory({ api: pillarguardApiRef, deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef }, factory: (deps) => new PillarguardClient(deps) })],
  routes: { root: rootRouteRef },
});

/** Every data-service entity × pillar, for the platform team: mount it on a route of the app. */
export const PillarguardPage = pillarguardPlugin.provide(
  createRoutableExtension({
    name: 'PillarguardPage',
    component: () => import('./components/PillarguardPage').then((m) => m.PillarguardPage),
    mountPoint: rootRouteRef,
  }),
);

/** The entity page card: eight scores, the level, the 30-day trend, a link to the tab. */
export const EntityPillarguardCard = pillarguardPlugin.provide(
  createComponentExtension({
    name: 'EntityPillarguardCard',
    component: { lazy: () => import('./components/EntityPillarguardCard').then((m) => m.EntityPillarguardCard) },
  }),
);

/** The entity tab: findings by pillar with fixes, AWS Config compliance, history, refresh. */
export const EntityPillarguardContent = pillarguardPlugin.provide(
  createComponentExtension({
    name: 'EntityPillarguardContent',
    component: { lazy: () => import('./components/EntityPillarguardContent').then((m) => m.EntityPillarguardContent) },
  }),
);
