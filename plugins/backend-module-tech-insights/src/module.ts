import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { pillarguardFactRetriever } from './retriever';

/**
 * Adds the Pillarguard fact retriever to the Tech Insights backend. Its cadence and lifecycle are
 * set where Tech Insights reads them: `techInsights.factRetrievers.pillarguardFactRetriever`.
 */
export const techInsightsModulePillarguard = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'pillarguard',
  register(env) {
    env.registerInit({
      deps: { retrievers: techInsightsFactRetrieversExtensionPoint },
      async init({ retrievers }) {
        retrievers.addFactRetrievers({ pillarguardFactRetriever });
      },
    });
  },
});
