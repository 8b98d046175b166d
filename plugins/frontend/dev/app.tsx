import React from 'react';
import { useParams } from 'react-router-dom';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { CatalogClient } from '@backstage/catalog-client';
import { Content, Header, Page, Progress, ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { createPlugin, createRoutableExtension, discoveryApiRef, fetchApiRef, useApi } from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import { catalogApiRef, EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityPillarguardCard, EntityPillarguardContent, PillarguardPage, pillarguardPlugin } from '../src';

/**
 * The portal demo: the overview, and an entity page per catalog entity, against the backend of
 * plugins/backend/dev (Backstage's catalog backend on the example catalog, the pillarguard backend
 * on the example snapshot). The entity comes from the catalog, as in an app's entity pages.
 */
function EntityDemoPage() {
  const { kind = 'resource', namespace = 'default', name = 'orders-table' } = useParams();
  const catalogApi = useApi(catalogApiRef);
  const ref = `${kind}:${namespace}/${name}`;
  const { value: entity, loading, error } = useAsync(() => catalogApi.getEntityByRef(ref), [catalogApi, ref]);
  return (
    <Page themeId="service">
      <Header title={entity?.metadata.title ?? name} type={kind} subtitle={ref} />
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {!loading && !error && !entity && <WarningPanel title={`${ref} is not in the catalog`} />}
        {entity && (
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
        )}
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
    .registerApi({
      api: catalogApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new CatalogClient({ discoveryApi, fetchApi }),
    })
    .registerPlugin(pillarguardPlugin, demoCatalogPlugin)
    .addPage({ path: '/pillarguard', title: 'Pillarguard', element: <PillarguardPage /> })
    .addPage({ path: '/catalog/:namespace/:kind/:name', element: <DemoEntityPage /> });
}
