import type { Resource } from '../model';
import type { EngineConfig } from '../config/types';
import { strictest, type Level } from '../classify/classify';
import { classificationEntries, entryLevel, glueDatabaseOf } from '../classify/entries';
import type { ResourceIndex } from './resource-index';

/**
 * Classification level of a resource as rules and reports need it: its tags, Glue table
 * parameters and LF-tags, made stricter by what it belongs to — an Aurora instance by its cluster,
 * a Glue table by its database (Lake Formation tables inherit their database's LF-tags) — because
 * the data they hold is the same data. The strictest level found wins.
 */
/** One resolver per index and config: the scan and the diff of the same resources ask alike. */
const resolvers = new WeakMap<ResourceIndex, { config: EngineConfig; resolve: (r: Resource) => Level | undefined }>();

export function levelResolver(index: ResourceIndex, config: EngineConfig): (r: Resource) => Level | undefined {
  const hit = resolvers.get(index);
  if (hit && hit.config === config) return hit.resolve;
  const resolve = makeResolver(index, config);
  resolvers.set(index, { config, resolve });
  return resolve;
}

function makeResolver(index: ResourceIndex, config: EngineConfig): (r: Resource) => Level | undefined {
  const cache = new Map<Resource, Level | undefined>();
  const own = (r: Resource): Level | undefined => {
    let level: Level | undefined;
    for (const e of classificationEntries(r, config.classification)) {
      const l = entryLevel(e, config.classification);
      if (l !== 'invalid' && l !== 'unknown') level = strictest(level, l);
    }
    return level;
  };
  return (r: Resource): Level | undefined => {
    if (cache.has(r)) return cache.get(r);
    let level = own(r);
    const cluster = index.resolve(r.facets.database?.cluster, ['AWS::RDS::DBCluster']);
    if (cluster && cluster !== r) level = strictest(level, own(cluster));
    const db = glueDatabaseOf(r, index);
    if (db) level = strictest(level, own(db));
    cache.set(r, level);
    return level;
  };
}
