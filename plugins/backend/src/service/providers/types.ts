/**
 * Where configuration items come from. `aws-config` (live, through the AWS Config API) and
 * `snapshot` (AWS Config snapshot files on disk: the demo and air-gapped installs) implement it;
 * tests swap in their own. Items are handed on as the JSON AWS Config delivers, which the rules
 * engine's AWS Config adapter reads.
 */
export interface ConfigItemsProvider {
  readonly name: string;
  load(request: LoadRequest): Promise<LoadedItems>;
}

export interface LoadRequest {
  /**
   * Capture time per item key from the last good load: a provider that can list items cheaply
   * (AWS Config's advanced query) fetches full items only for keys that are new or whose
   * `configurationItemCaptureTime` moved, and returns the others without `raw`.
   */
  known: ReadonlyMap<string, string | undefined>;
  /** Item keys whose AWS Config rule compliance the caller holds: asked for again only when the item changed. */
  complianceKnown?: ReadonlySet<string>;
}

export interface ConfigRuleCompliance {
  rule: string;
  compliance: string;
  annotation?: string;
  /** When AWS Config last evaluated the rule on the resource (ISO). */
  evaluatedAt?: string;
}

export interface LoadedItem {
  key: string;
  captureTime?: string;
  /** The full item; absent when it is unchanged since the last load (the caller keeps its copy). */
  raw?: unknown;
}

export interface LoadedItems {
  /** False when the listing failed (AWS unreachable, throttled past the retries, a snapshot unreadable): the caller keeps the last good state. */
  complete: boolean;
  items: LoadedItem[];
  /** AWS Config rule compliance per item key, for the items it was fetched for this time. */
  compliance: Map<string, ConfigRuleCompliance[]>;
  /** API calls made, by operation (the live provider; a snapshot makes none). */
  calls: Record<string, number>;
  /** What went wrong, each naming its source; kept in the refresh report. */
  problems: string[];
}
