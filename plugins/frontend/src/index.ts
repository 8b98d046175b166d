/**
 * Pillarguard for Backstage: security pillar scores of AWS data services on every entity page,
 * and an overview for the platform team. Classic frontend system here; the new one in `/alpha`.
 *
 * @packageDocumentation
 */
export { pillarguardPlugin, PillarguardPage, EntityPillarguardCard, EntityPillarguardContent } from './plugin';
export { pillarguardApiRef, type PillarguardApi, type EntityName } from './api/PillarguardApi';
export { PillarguardClient } from './api/PillarguardClient';
export * from './api/types';
export { isPillarguardAvailable } from './components/isPillarguardAvailable';
