/** Reports: the versioned JSON, Markdown (PR comment / job summary), SARIF 2.1.0 and terminal text. */
export { toJsonReport, REPORT_SCHEMA_VERSION, type JsonReport, type JsonFinding } from './json';
export { toMarkdownReport, DEFAULT_MARKDOWN_MAX_LENGTH } from './markdown';
export { escapeMarkdown, escapeTableCell, codeFence, codeSpan } from './markdown-escape';
export { toSarif, escapeSarifText, SARIF_SCHEMA_URI, FINGERPRINT_KEY } from './sarif';
export type { SarifLog, SarifResult, SarifReportingDescriptor, SarifLevel } from './sarif-types';
export { toText } from './text';
export { summarize, isOpen, type ReportSummary } from './summary';
export { compareFindings, sortFindings } from './order';
export { PILLAR_LABELS, SEVERITY_LABELS } from './labels';
export type { ReportTool, ApprovalDecision, ApprovalReason, JsonReportOptions, MarkdownReportOptions, SarifOptions, TextReportOptions } from './types';
