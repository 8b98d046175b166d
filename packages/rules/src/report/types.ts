import type { Scores } from '../engine/types';
import type { RuleMeta } from '../rules/types';

/** Who produced the report; the caller knows its own name and version, the engine does not. */
export interface ReportTool {
  name: string;
  version: string;
}

/**
 * One reason a change needs an authorised reviewer's approval. The diff/approval stage produces
 * these; reports only render them, so the shape is deliberately small.
 */
export interface ApprovalReason {
  /** Rule or change rule that triggered it (`iam.new-access`), when there is one. */
  ruleId?: string;
  message: string;
  file?: string;
  line?: number;
  /** Resource id / address the reason is about. */
  resource?: string;
  /** Ids of the findings that triggered it (the reviewer approves exactly these). */
  findingIds?: string[];
}

/** The approval decision, when the caller ran the approval policy (diffs); absent for plain scans. */
export interface ApprovalDecision {
  required: boolean;
  reasons: ApprovalReason[];
}

export interface JsonReportOptions {
  tool: ReportTool;
  approval?: ApprovalDecision;
}

export interface MarkdownReportOptions {
  tool: ReportTool;
  approval?: ApprovalDecision;
  /** Scores of the base version, to show `base → head` in the pillar table of a PR comment. */
  baseScores?: Scores;
  /** Heading of the report (default "Pillarguard scan report"). */
  title?: string;
  /** Maximum length in UTF-16 code units (default 65,000, under GitHub's 65,536-character comment limit). */
  maxLength?: number;
  /** Address of a finding's file and line (a PR comment links the head commit); each path segment encoded by the caller. */
  sourceUrl?: (file: string, line?: number) => string | undefined;
}

export interface SarifOptions {
  tool: ReportTool;
  /** Rule catalog metadata, for `tool.driver.rules` (passed in rather than imported, so tests can use their own). */
  rules: readonly RuleMeta[];
  /** Absolute URL of the tool's documentation, for `tool.driver.informationUri`. */
  informationUri?: string;
}

export interface TextReportOptions {
  /** Emit ANSI colours. Decided by the caller (TTY, NO_COLOR, flags); the engine never probes. */
  color: boolean;
  /** Cut finding lines to this many visible characters (default: no limit). */
  width?: number;
}
