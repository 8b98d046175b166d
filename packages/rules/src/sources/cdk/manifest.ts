import { jsonErrorReason } from '../terraform-plan/json-error';

/** The parts of a cloud assembly `manifest.json` the adapter reads. */
export interface CdkArtifact {
  type?: unknown;
  properties?: { templateFile?: unknown; directoryName?: unknown; parameters?: unknown };
  metadata?: Record<string, Array<{ type?: unknown; data?: unknown }>>;
}

export interface CdkManifest {
  version: string;
  artifacts: Record<string, CdkArtifact>;
}

/** Line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses a manifest; returns an error message and position when it is not one. */
export function readManifest(content: string): CdkManifest | { error: string; line?: number; column?: number } {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    return { error: `manifest.json is not valid JSON: ${jsonErrorReason(message)}`, ...(at ? positionOf(content, Number(at[1])) : {}) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'manifest.json is not a JSON object', line: 1, column: 1 };
  const m = value as Record<string, unknown>;
  if (m.artifacts === undefined) return { version: String(m.version ?? ''), artifacts: {} };
  if (m.artifacts === null || typeof m.artifacts !== 'object' || Array.isArray(m.artifacts)) return { error: 'manifest.json: "artifacts" is not an object', line: 1, column: 1 };
  return { version: String(m.version ?? ''), artifacts: m.artifacts as Record<string, CdkArtifact> };
}

/** `logicalId → construct path` from the manifest's `aws:cdk:logicalId` metadata entries. */
export function constructPathsOf(artifact: CdkArtifact): Record<string, string> {
  const out: Record<string, string> = {};
  const meta = artifact.metadata;
  if (!meta || typeof meta !== 'object') return out;
  for (const [path, entries] of Object.entries(meta)) {
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      if (e && e.type === 'aws:cdk:logicalId' && typeof e.data === 'string') out[e.data] = path.replace(/^\//, '');
    }
  }
  return out;
}

/** Line of the first occurrence of a JSON string value in the manifest text (for error positions). */
export function lineOfString(text: string, value: string): { line: number; column: number } | undefined {
  const i = text.indexOf(JSON.stringify(value));
  return i < 0 ? undefined : positionOf(text, i);
}
