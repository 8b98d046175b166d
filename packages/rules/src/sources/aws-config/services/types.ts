import type { Facets } from '../../../model';
import type { ItemReader } from '../reader';

/** Maps the configuration of one recorded resource type onto facets (MAPPING.md's row for that type). */
export type ItemMapper = (r: ItemReader) => Facets;
