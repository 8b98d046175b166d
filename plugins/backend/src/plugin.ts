import { coreServices, createBackendPlugin, resolvePackagePath } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { registerActions } from './actions';
import { readPillarguardConfig } from './config';
import { pillarguardPermissions } from './permissions';
import { catalogReader } from './service/catalog';
import { DatabaseStore } from './service/persistence/DatabaseStore';
import { AwsConfigProvider } from './service/providers/aws-config';
import { SnapshotProvider } from './service/providers/snapshot';
import type { ConfigItemsProvider } from './service/providers/types';
import { RefreshService } from './service/refresh';
import { createRouter } from './service/router';

/** Task id of the scheduled refresh (one instance runs it when several share a database). */
export const REFRESH_TASK_ID = 'pillarguard-refresh';

/**
 * Pillarguard backend plugin: pillar scores of AWS data services from AWS Config (or a snapshot),
 * per catalog entity, with history, under `/api/pillarguard/v1`.
 */
export const pillarguardPlugin = createBackendPlugin({
  pluginId: 'pillarguard',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        actionsRegistry: actionsRegistryServiceRef,
        catalog: catalogServiceRef,
      },
      async init({ config, logger, database, scheduler, httpRouter, httpAuth, auth, permissions, permissionsRegistry, actionsRegistry, catalog }) {
        // A bad configuration stops the backend here, with the key named.
        const settings = readPillarguardConfig(config, { snapshotPaths: [resolvePackagePath('@pillarguard/backstage-plugin-backend', '../../examples/aws-config')] });
        const provider: ConfigItemsProvider =
          settings.provider.type === 'snapshot' ? new SnapshotProvider(settings.provider.paths) : new AwsConfigProvider(settings.provider, DefaultAwsCredentialsManager.fromConfig(config));
        const store = await DatabaseStore.create(database);
        const refresh = new RefreshService({ provider, store, entities: catalogReader(catalog, auth), logger, historyRetentionDays: settings.historyRetentionDays });

        permissionsRegistry.addPermissions(pillarguardPermissions);
        registerActions(actionsRegistry, store, permissions);
        httpRouter.use(await createRouter({ store, refresh, httpAuth, permissions, staleAfterMs: settings.staleAfterMs, allowUnauthenticatedReads: settings.allowUnauthenticatedReads }));
        if (settings.allowUnauthenticatedReads) {
          logger.warn('pillarguard.demo.allowUnauthenticatedReads is on: anyone who can reach the backend can read scores and findings. Demo use only.');
          for (const path of ['/v1/entities', '/v1/overview', '/v1/health']) httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
        }

        await scheduler.scheduleTask({
          id: REFRESH_TASK_ID,
          ...settings.schedule,
          fn: async () => {
            await refresh.refresh();
          },
        });
        logger.info(`pillarguard: provider ${provider.name}, refresh ${JSON.stringify(settings.schedule.frequency)}`);
      },
    });
  },
});
