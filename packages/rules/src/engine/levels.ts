import type { Resource } from '../model';
import type { EngineConfig } from '../config/types';
import { classify, strictest, type Level } from '../classify/classify';
import type { ResourceIndex } from './resource-index';

/**
 * Classification level of a resource as rules need it: its own tags, made stricter by what it
 * belongs to — an Aurora instance by its cluster, a Glue table by its database — because the
 * data they hold is the same data.
 */
export function levelResolver(index: ResourceIndex, config: EngineConfig): (r: Resource) => Level | undefined {
  const cache = new Map<Resource, Level | undefined>();
  const own = (r: Resource): Level | undefined => {
    const c = classify(r, config.classification);
    return c.kind === 'level' ? c.level : undefined;
  };
  const resolve = (r: Resource): Level | undefined => {
    if (cache.has(r)) return cache.get(r);
    let level = own(r);
    const cluster = index.resolve(r.facets.database?.cluster, ['AWS::RDS::DBCluster']);
    if (cluster && cluster !== r) level = strictest(level, own(cluster));
    if (r.type === 'AWS::Glue::Table') {
      const db = index.resolve(r.facets.glue?.database, ['AWS::Glue::Database']);
      if (db) level = strictest(level, own(db));
    }
    cache.set(r, level);
    return level;
  };
  return resolve;
}
