import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EntityLike } from './entity-scores';

/** Kinds that can name AWS resources or roll them up; Groups roll up through `owner` in the overview. */
export const SCORED_KINDS = ['Resource', 'Component', 'System'];

/** The fields scoring needs: not whole entities (5,000 of them with specs and links add up). */
const FIELDS = ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title', 'metadata.annotations', 'spec.type', 'spec.owner', 'spec.system', 'relations'];

/** Reads the entities through the catalog service, as the plugin itself (its own service credentials). */
export function catalogReader(catalog: CatalogService, auth: AuthService): () => Promise<EntityLike[]> {
  return async () => {
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities({ filter: { kind: SCORED_KINDS }, fields: FIELDS }, { credentials });
    return items as unknown as EntityLike[];
  };
}
