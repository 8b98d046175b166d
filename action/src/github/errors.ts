/**
 * GitHub API errors as sentences a workflow author can act on: what was being done, what GitHub
 * answered, and the likely fix (usually a token permission). Never includes the token or headers.
 */
interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

export class GitHubError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const HINTS: Record<number, string> = {
  401: 'the token is invalid or expired',
  403: 'the token lacks a permission this step needs (see the README for the permissions block), or a fork PR runs with a read-only token',
  404: 'not found — or not visible to this token (private repository, missing permission)',
  409: 'GitHub reported a conflict (the repository may be empty or the ref moved)',
  422: 'GitHub rejected the request as invalid',
};

export function describeGitHubError(doing: string, e: unknown): GitHubError {
  const err = (e ?? {}) as HttpError;
  const status = typeof err.status === 'number' ? err.status : undefined;
  if (status === undefined) return new GitHubError(`${doing}: ${err.message ?? String(e)}`);
  const remaining = err.response?.headers?.['x-ratelimit-remaining'];
  const hint = status === 403 && String(remaining) === '0' ? 'the API rate limit is exhausted' : status >= 500 ? 'GitHub had a server error and retries did not help' : HINTS[status] ?? 'unexpected answer';
  // The message GitHub sends is data from an API, kept short and on one line.
  const detail = (err.message ?? '').replace(/\s+/g, ' ').slice(0, 200);
  return new GitHubError(`${doing}: HTTP ${status}${detail ? ` (${detail})` : ''} — ${hint}.`, status);
}

/** Runs a call, turning any failure into a `GitHubError` that says what was being done. */
export async function step<T>(doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof GitHubError) throw e;
    throw describeGitHubError(doing, e);
  }
}
