import type { ParseError, Resource, SourceFormat } from '../model';
import type { Pillar, Severity, Verdict } from '../rules/types';
import type { Level } from '../classify/classify';

/** Where a finding points: the resource, and the property line when the format has one. */
export interface FindingLocation {
  id: string;
  type: string;
  file: string;
  format: SourceFormat;
  line?: number;
  column?: number;
  address?: string;
  constructPath?: string;
}

/** One rule verdict on one resource (passes included: scores need them). */
export interface Evaluation {
  ruleId: string;
  pillar: Pillar;
  severity: Severity;
  verdict: Verdict;
  message: string;
  /** Where it points: for a failure or unknown, the line of `path`; for a pass, the resource's own line. */
  resource: FindingLocation;
  /** Source property path that decides the verdict (`PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled`). */
  path?: string;
  related?: string[];
  /** Set when a suppression in the config covers this failure. */
  suppressed?: { reason: string; expires?: string };
}

export type FindingStatus = 'present' | 'introduced' | 'resolved' | 'persisting';

/** A failed or unknown evaluation, as reports show it. */
export interface Finding {
  /** Stable across runs: hash of rule id, resource id and path. */
  id: string;
  ruleId: string;
  pillar: Pillar;
  severity: Severity;
  title: string;
  verdict: Exclude<Verdict, 'pass'>;
  status: FindingStatus;
  message: string;
  resource: FindingLocation;
  path?: string;
  related?: string[];
  remediation: { cloudformation: string; terraform: string };
  suppressed?: { reason: string; expires?: string };
  /** Classification level of the resource, when it has one. */
  level?: Level;
}

export interface PillarScore {
  pillar: Pillar;
  /** 0–100, `null` where no rule applied. */
  score: number | null;
  passed: number;
  failed: number;
  unknown: number;
  /** Σ weights, for roll-ups. */
  weightPassed: number;
  weightApplicable: number;
}

export type ScoreLevel = 'none' | 'bronze' | 'silver' | 'gold';

export interface Scores {
  pillars: Record<Pillar, PillarScore>;
  /** bronze: no critical failure; silver: no critical or high; gold: everything passes. */
  level: ScoreLevel;
}

/** Everything one scan produced; every report is rendered from this. */
export interface ScanResult {
  /** Inputs as scanned, for the report header. */
  inputs: Array<{ path: string; format: SourceFormat; resources: number }>;
  resources: Resource[];
  evaluations: Evaluation[];
  findings: Finding[];
  errors: ParseError[];
  notes: Array<{ file: string; line?: number; message: string }>;
  scores: Scores;
  /** Terraform `moved` blocks found in the input. */
  moves?: Array<{ from: string; to: string; file: string }>;
  /** Files skipped (too large, binary) with the reason. */
  skipped: Array<{ path: string; reason: string }>;
  /** ISO time the scan ran (given by the caller; the engine has no clock). */
  generatedAt: string;
}
