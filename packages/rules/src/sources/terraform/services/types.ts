import type { Facets } from '../../../model';
import type { PolicyResolver } from '../policy';
import type { TfReader } from '../reader';

/** What a service mapper needs besides the resource itself. */
export interface MapContext {
  policies: PolicyResolver;
}

/** A service mapper's result: facets, and the canonical type when it depends on the attributes. */
export interface Mapped {
  facets: Facets;
  type?: string;
}

/** How one Terraform resource type maps: canonical type, physical-name attribute, facet mapper. */
export interface TypeMapping {
  cfnType: string;
  /** Attribute holding the physical name (`bucket`, `name`, `cluster_identifier`; `table_data.name` inside a block). */
  nameAttr?: string;
  map: (r: TfReader, ctx: MapContext) => Mapped;
}
