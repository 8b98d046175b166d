import type { Facets, Resource, V } from '../../../model';
import type { Props } from './props';

/** What a type's mapper contributes; the common fields (id, location, paths) are added around it. */
export interface Mapped {
  facets: Facets;
  name?: V<string>;
  /** Only for types whose tags are not in a top-level `Tags` property (GlobalTable replicas). */
  tags?: Pick<Resource, 'tags' | 'tagsUnknown'>;
}

export type TypeMapper = (p: Props) => Mapped;
