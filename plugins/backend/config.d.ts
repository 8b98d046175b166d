import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Pillarguard: pillar scores of AWS data services per catalog entity. */
  pillarguard?: {
    provider?: {
      /**
       * Where configuration items come from: `snapshot` (AWS Config snapshot files on disk; the
       * default, for demos and air-gapped installs) or `aws-config` (live, through the AWS Config API
       * with the credentials of the standard `aws:` section — no keys here).
       */
      type?: 'snapshot' | 'aws-config';
      snapshot?: {
        /** Snapshot files, or directories whose `.json` files are read. Default: the repository's examples/aws-config. */
        paths?: string[];
      };
      awsConfig?: {
        /** Region of the AWS Config advanced queries (and of the aggregator, when one is named). */
        region: string;
        /** Account whose credentials run the queries (from `aws.accounts`); the main account when absent. */
        accountId?: string;
        /** Configuration aggregator: query every account and region it aggregates. */
        aggregatorName?: string;
        /** Endpoint override, e.g. an interface VPC endpoint (https://vpce-….config.eu-west-1.vpce.amazonaws.com). */
        endpoint?: string;
        /** Resource types to read; default: every type the rules map. */
        resourceTypes?: string[];
        /** Upper bound of AWS Config calls in one refresh (default 5000); past it the refresh stops and the last good scores stay. */
        maxCallsPerRefresh?: number;
        /** SDK attempts per call in adaptive retry mode (default 5). */
        maxAttempts?: number;
        compliance?: {
          /** Show AWS Config rule compliance beside our verdicts (default true). */
          enabled?: boolean;
          /** GetComplianceDetailsByResource calls per refresh (default 500): changed items first, the rest over later refreshes. */
          maxCallsPerRefresh?: number;
        };
      };
    };
    /** When the refresh runs (default: every hour, 15 minute timeout). One instance runs it when several share a database. */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** Scores whose last good refresh is older than this are served as stale (default: two refresh intervals; a day for cron schedules). */
    staleAfter?: HumanDuration | string;
    history?: {
      /** Days of history kept for trends (default 365); each entity keeps its latest row. */
      retentionDays?: number;
    };
    demo?: {
      /**
       * DEMO ONLY: lets requests without a Backstage token read scores and findings (the portal
       * demo's curl examples). Never set this in a real deployment.
       * @visibility backend
       */
      allowUnauthenticatedReads?: boolean;
    };
  };
}
