import type { Client } from './client';
import { describeGitHubError, GitHubError, step } from './errors';
import type { Repo } from './read';

export const CHECK_NAME = 'pillarguard';
/** GitHub accepts at most 50 annotations per check-run request. */
const BATCH = 50;

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

export interface GateResult {
  success: boolean;
  title: string;
  /** Markdown summary (the check's page shows it). */
  summary: string;
  annotations: Annotation[];
}

/**
 * Publishes the verdict on the head commit: a `pillarguard` check run with line annotations, sent
 * in batches under the API's per-request limit; where the token may not write checks (a fork
 * PR's read-only token, a token without `checks: write`), a `pillarguard` commit status instead.
 * Returns how it was published, or throws when neither was allowed.
 */
export async function publishGate(client: Client, repo: Repo, sha: string, gate: GateResult, existingCheckRun?: number): Promise<{ via: 'check-run'; id: number } | { via: 'status' }> {
  const conclusion = gate.success ? 'success' : 'failure';
  const summary = gate.summary.length > 65000 ? `${gate.summary.slice(0, 64900)}\n\n… (truncated)` : gate.summary;
  try {
    if (existingCheckRun !== undefined) {
      // A new verdict on the same commit (a review): the run keeps its annotations.
      try {
        await client.rest.checks.update({ ...repo, check_run_id: existingCheckRun, status: 'completed', conclusion, output: { title: gate.title, summary } });
        return { via: 'check-run', id: existingCheckRun };
      } catch (e) {
        if ((e as { status?: number }).status !== 404) throw e;
      }
    }
    const first = gate.annotations.slice(0, BATCH);
    const { data } = await client.rest.checks.create({ ...repo, name: CHECK_NAME, head_sha: sha, status: 'completed', conclusion, output: { title: gate.title, summary, annotations: first } });
    for (let i = BATCH; i < gate.annotations.length; i += BATCH) {
      await step('adding annotations to the check run', () => client.rest.checks.update({ ...repo, check_run_id: data.id, output: { title: gate.title, summary, annotations: gate.annotations.slice(i, i + BATCH) } }));
    }
    return { via: 'check-run', id: data.id };
  } catch (e) {
    if (e instanceof GitHubError) throw e;
    if ((e as { status?: number }).status !== 403) throw describeGitHubError('creating the check run', e);
  }
  await step('setting the commit status (the token may not create check runs)', () =>
    client.rest.repos.createCommitStatus({ ...repo, sha, state: conclusion, context: CHECK_NAME, description: gate.title.slice(0, 140) }),
  );
  return { via: 'status' };
}
