import type { Pillar, Severity } from '../rules/types';
import type { Level } from '../classify/classify';

/** One suppression from `pillarguard.yml`: a reason is mandatory, an expiry recommended. */
export interface Suppression {
  /** Rule id, or `*`. */
  rule: string;
  /** Resource id (logical id, Terraform address, ARN); `*` matches any run of characters. */
  resource: string;
  reason: string;
  /** ISO date (`2027-03-31`); past it the suppression stops applying and is itself a finding. */
  expires?: string;
  /** Line in the config file, for findings about the suppression itself. */
  line?: number;
}

/** The engine's configuration: `pillarguard.yml` merged over these defaults. */
export interface EngineConfig {
  /** Rule id → enabled / severity override. */
  rules: Record<string, { enabled?: boolean; severity?: Severity }>;
  /** Tag key (compared case-insensitively) → tag value (lower-case) → level. The strictest level found wins. */
  classification: Record<string, Record<string, Level>>;
  suppressions: Suppression[];
  /** Count unknown verdicts as failures in scores: everywhere (`true`) or for some pillars. */
  unknownAsFail: boolean | Pillar[];
  /** RDS/Aurora minimum backup retention in days (`rds.backup-retention`). */
  minBackupRetentionDays: number;
  /** `iac.managed`: tags that show a live resource is managed as code (key → value, `*` = any value). `aws:cloudformation:stack-name` always counts. */
  iacTags: Record<string, string>;
  /** `iac.owner`: tag keys that name the owner, and (when known, e.g. from the catalog) the valid owner groups. */
  ownerTags: string[];
  ownerGroups?: string[];
  /**
   * The pull-request gate (DESIGN.md, approval policy). Every change-rule finding needs approval
   * (the IAM rules decide which new access is low-risk enough to pass); so do newly introduced
   * findings at `severities`, any change to a file matching `paths`, and any IaC file that cannot
   * be parsed (fail closed).
   */
  approval: {
    severities: Severity[];
    /** Globs (`infra/prod/**`, `*.tfvars`) of files whose every change needs approval. */
    paths: string[];
    /** New IAM access at only these levels, on named resources that are not red, passes without approval. */
    exemptAccessLevels: Array<'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging'>;
    /** IAM service prefixes (`kms`, `secretsmanager`) whose new access always needs approval, whatever its level. */
    services: string[];
  };
  /** Lake Formation: LF-tag values that mark sensitive data, and the principals allowed to see it. */
  lakeFormation: {
    sensitiveTags: Array<{ key: string; values: string[] }>;
    compliancePrincipals: string[];
  };
}

export const DEFAULT_CONFIG: EngineConfig = {
  rules: {},
  classification: {
    data_classification: { red: 'red', orange: 'orange', green: 'green' },
    pii: { high: 'red', true: 'red', low: 'orange', none: 'green', false: 'green' },
  },
  suppressions: [],
  unknownAsFail: false,
  minBackupRetentionDays: 7,
  iacTags: { 'managed-by': '*' },
  ownerTags: ['owner', 'team'],
  lakeFormation: {
    sensitiveTags: [{ key: 'pii', values: ['high'] }],
    compliancePrincipals: [],
  },
  approval: {
    severities: ['critical', 'high'],
    paths: [],
    exemptAccessLevels: ['List', 'Read'],
    services: [],
  },
};
