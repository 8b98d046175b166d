import React from 'react';
import { useParams } from 'react-router-dom';
import Grid from '@material-ui/core/Grid';
import { Content, Header, Page } from '@backstage/core-components';
import { createPlugin, createRoutableExtension } from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { EntityPillarguardCard, EntityPillarguardContent, PillarguardPage, pillarguardPlugin } from '../src';

/**
 * The plugin alone (the portal demo): the overview, and an entity page per scored entity, against
 * the pillarguard backend of plugins/backend/dev (snapshot provider, the example catalog). The
 * entity page builds the entity from its reference; the backend knows its annotations and scores.
 */
function EntityDemoPage() {
  const { kind = 'resource', namespace = 'default', name = 'orders-table' } = useParams();
  const entity: Entity = { apiVersion: 'backstage.io/v1alpha1', kind, metadata: { name, namespace, annotations: { 'aws.amazon.com/arn': 'demo' } } };
  return (
    <Page themeId="service">
      <Header title={name} type={kind} subtitle={`${kind}:${namespace}/${name}`} />
      <Content>
        <EntityProvider entity={entity}>
          <Grid container spacing={3}>
            <Grid item xs={12} md={5}>
              <EntityPillarguardCard tabPath="#findings" />
            </Grid>
            <Grid item xs={12} id="findings">
              <EntityPillarguardContent />
            </Grid>
          </Grid>
        </EntityProvider>
      </Content>
    </Page>
  );
}

/** Mounted at the catalog's entity route, so entity links (the overview's) resolve as in an app with the catalog. */
const demoCatalogPlugin = createPlugin({ id: 'pillarguard-demo-catalog' });
const DemoEntityPage = demoCatalogPlugin.provide(
  createRoutableExtension({ name: 'DemoEntityPage', mountPoint: entityRouteRef, component: () => Promise.resolve(EntityDemoPage) }),
);

/**
 * The demo app, not yet rendered: dev/index.tsx renders it under `backstage-cli package start`, and
 * bench/portal-app bundles it for production (this package is side-effect free, so a bare import
 * would be dropped by the bundler).
 */
export function pillarguardDemoApp() {
  return createDevApp()
    .registerPlugin(pillarguardPlugin, demoCatalogPlugin)
    .addPage({ path: '/pillarguard', title: 'Pillarguard', element: <PillarguardPage /> })
    .addPage({ path: '/catalog/:namespace/:kind/:name', element: <DemoEntityPage /> });
}
