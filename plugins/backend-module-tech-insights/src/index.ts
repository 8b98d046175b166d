/**
 * Tech Insights module: Pillarguard's pillar scores and level per entity as facts.
 *
 * @packageDocumentation
 */
export { techInsightsModulePillarguard as default } from './module';
export { pillarguardFactRetriever, factName } from './retriever';
