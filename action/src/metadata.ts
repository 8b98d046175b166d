/**
 * The sticky comment's hidden state: which commits Pillarguard evaluated and their approval
 * fingerprints, so a review on an older commit can be judged without running the diff again.
 * Written base64-encoded inside an HTML comment (nothing from the PR can close it early), read
 * back only from comments the action itself wrote (the caller checks the author).
 */
export const MARKER = '<!-- pillarguard:sticky-comment -->';
const META = /<!-- pillarguard:meta ([A-Za-z0-9+/=]+) -->/;
/** Commits remembered: enough for any review cycle, bounded so the comment stays small. */
const MAX_SEEN = 100;

export interface CommentMeta {
  version: 1;
  headSha: string;
  fingerprint: string;
  requiresApproval: boolean;
  /** Commit → fingerprint, oldest first. */
  seen: Array<[string, string]>;
  /** What the verdict on `headSha` was made of, so a review can re-decide it without the diff. */
  verdict?: { blocking: number; problems: number; reasons: number; introduced: number };
  /** The check run that carries the verdict on `headSha` (updated in place on a review). */
  checkRunId?: number;
}

export function encodeMeta(meta: CommentMeta): string {
  return `<!-- pillarguard:meta ${Buffer.from(JSON.stringify(meta), 'utf8').toString('base64')} -->`;
}

const SHA = /^[0-9a-f]{40}$/;

/** The metadata of a comment body, or undefined when it has none or it is not ours in shape. */
export function decodeMeta(body: string): CommentMeta | undefined {
  const m = META.exec(body);
  if (!m) return undefined;
  try {
    const v = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')) as Partial<CommentMeta>;
    if (v.version !== 1 || typeof v.headSha !== 'string' || typeof v.fingerprint !== 'string' || typeof v.requiresApproval !== 'boolean' || !Array.isArray(v.seen)) return undefined;
    const seen = v.seen.filter((e): e is [string, string] => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && SHA.test(e[0]) && typeof e[1] === 'string');
    const out: CommentMeta = { version: 1, headSha: v.headSha, fingerprint: v.fingerprint, requiresApproval: v.requiresApproval, seen };
    const n = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
    if (v.verdict && n(v.verdict.blocking) && n(v.verdict.problems) && n(v.verdict.reasons) && n(v.verdict.introduced)) out.verdict = { blocking: v.verdict.blocking, problems: v.verdict.problems, reasons: v.verdict.reasons, introduced: v.verdict.introduced };
    if (n(v.checkRunId)) out.checkRunId = v.checkRunId;
    return out;
  } catch {
    return undefined;
  }
}

/** The metadata after evaluating `headSha`: its fingerprint recorded, the oldest dropped past the bound. */
export function nextMeta(previous: CommentMeta | undefined, headSha: string, fingerprint: string, requiresApproval: boolean): CommentMeta {
  const seen = (previous?.seen ?? []).filter(([sha]) => sha !== headSha);
  seen.push([headSha, fingerprint]);
  return { version: 1, headSha, fingerprint, requiresApproval, seen: seen.slice(-MAX_SEEN) };
}
