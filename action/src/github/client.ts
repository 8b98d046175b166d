import * as github from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type Client = ReturnType<typeof github.getOctokit>;

export interface ClientOptions {
  /** Where warnings go (rate limits being waited out). */
  warn: (message: string) => void;
  /** Retries after a rate limit before giving up (the gate then fails closed). */
  rateLimitRetries?: number;
  /** API root; default `GITHUB_API_URL` as the runner sets it (GitHub Enterprise Server too). */
  baseUrl?: string;
  /**
   * Milliseconds per second of `Retry-After` and of retry back-off (default 1,000). Callers that
   * simulate GitHub (tests against a local double) shorten the waits; the action never sets it.
   */
  retryUnitMs?: number;
}

/**
 * An Octokit with GitHub's recommended throttling (queued writes, Retry-After honoured on primary
 * and secondary rate limits) and retries of server errors. Client errors are not retried: a 403
 * or 404 will not change by asking again. The API URL comes from the runner (`GITHUB_API_URL`),
 * so GitHub Enterprise Server works unchanged.
 */
export function createClient(token: string, options: ClientOptions): Client {
  const limit = options.rateLimitRetries ?? 2;
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const again = retryCount < limit;
    options.warn(`GitHub ${kind} rate limit on ${request.method} ${request.url}: ${again ? `retrying in ${retryAfter} s` : 'giving up'}.`);
    return again;
  };
  return github.getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary'), ...(options.retryUnitMs !== undefined ? { retryAfterBaseValue: options.retryUnitMs } : {}) },
      retry: { doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451], ...(options.retryUnitMs !== undefined ? { retryAfterBaseValue: options.retryUnitMs } : {}) },
    },
    retry,
    throttling,
  );
}
