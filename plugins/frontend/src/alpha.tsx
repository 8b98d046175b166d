import React from 'react';
import { ApiBlueprint, createFrontendPlugin, createRouteRef, discoveryApiRef, fetchApiRef, PageBlueprint } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { pillarguardApiRef } from './api/PillarguardApi';
import { PillarguardClient } from './api/PillarguardClient';
import { isPillarguardAvailable } from './components/isPillarguardAvailable';

/** The overview page's route (new frontend system). */
export const pillarguardRouteRef = createRouteRef();

const api = ApiBlueprint.make({
  params: (defineParams) =>
    defineParams({ api: pillarguardApiRef, deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef }, factory: (deps) => new PillarguardClient(deps) }),
});

const page = PageBlueprint.make({
  params: {
    path: '/pillarguard',
    title: 'Pillarguard',
    routeRef: pillarguardRouteRef,
    loader: () => import('./components/PillarguardPage').then((m) => <m.PillarguardPage />),
  },
});

const entityCard = EntityCardBlueprint.make({
  name: 'pillars',
  params: {
    filter: isPillarguardAvailable,
    loader: () => import('./components/EntityPillarguardCard').then((m) => <m.EntityPillarguardCard />),
  },
});

const entityContent = EntityContentBlueprint.make({
  name: 'pillars',
  params: {
    path: 'pillarguard',
    title: 'Security pillars',
    filter: isPillarguardAvailable,
    loader: () => import('./components/EntityPillarguardContent').then((m) => <m.EntityPillarguardContent />),
  },
});

/**
 * Pillarguard for Backstage's new frontend system: the API, the overview page, and the entity
 * card and tab, installed by adding the package to the app.
 */
export default createFrontendPlugin({
  pluginId: 'pillarguard',
  extensions: [api, page, entityCard, entityContent],
  routes: { root: pillarguardRouteRef },
});
