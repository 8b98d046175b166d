import type { SourceFile } from '@pillarguard/rules';

/**
 * Where configuration items come from. `aws-config` (live, through the AWS Config API) and
 * `snapshot` (AWS Config snapshot files on disk: the demo and air-gapped installs) implement it;
 * tests swap in their own. Items are handed on as the JSON AWS Config delivers, which the rules
 * engine's AWS Config adapter reads.
 */
export interface ConfigItemsProvider {
  readonly name: string;
  load(): Promise<LoadedItems>;
}

export interface LoadedItems {
  files: SourceFile[];
  /** Files that could not be read, with the reason (kept in the refresh report; nothing is deleted). */
  problems: string[];
}
