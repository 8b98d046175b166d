/**
 * The part of SARIF 2.1.0 that `toSarif` writes. Field names follow the OASIS schema; tests
 * validate the output against the official schema itself.
 */
export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { pillar: string; tags: string[]; precision: 'very-high' | 'high' | 'medium' | 'low'; 'security-severity'?: string; 'problem.severity': string };
}

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export interface SarifLocation {
  physicalLocation?: {
    artifactLocation: { uri: string };
    region?: { startLine: number; startColumn?: number };
  };
  logicalLocations?: Array<{ name: string; fullyQualifiedName?: string; kind: string; properties?: Record<string, string> }>;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  kind?: 'fail' | 'review';
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  baselineState?: 'new' | 'unchanged';
  suppressions?: Array<{ kind: 'external'; state: 'accepted'; justification: string }>;
  properties: Record<string, string>;
}

export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  locations?: SarifLocation[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Array<{
    tool: { driver: { name: string; version: string; semanticVersion?: string; informationUri?: string; rules: SarifReportingDescriptor[] } };
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }>;
    results: SarifResult[];
  }>;
}
