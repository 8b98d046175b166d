import type { Entity } from '@backstage/catalog-model';

export const EXAMPLES: string;
export const SNAPSHOT: string;
export const CATALOG: string;
/** Entities of a catalog YAML (or a JSON list) with the relations the catalog would add. */
export function exampleEntities(file?: string): Entity[];
export function withRelations(entities: Entity[]): Entity[];
