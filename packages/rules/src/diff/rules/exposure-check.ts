import type { Resource } from '../../model';
import type { CheckResult } from '../../rules/types';
import type { ChangeContext } from '../types';

/** Both versions of a resource, for one family of `exposure.increased` checks. */
export interface Sides {
  base: Resource;
  head: Resource;
}

/** One family of lost protections (public access, TLS, logging, recovery): a result per protection lost or unclear. */
export type ExposureCheck = (sides: Sides, ctx: ChangeContext) => Array<CheckResult | undefined>;
