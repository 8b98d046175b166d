import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A local double of the GitHub REST API: the endpoints the action uses, with the payload shapes
 * GitHub returns, Link-header pagination, and injectable faults (5xx, rate limits with their
 * headers). State lives in memory and tests arrange it directly. Every request is logged, so tests
 * can count API calls.
 */

export interface DoubleFile {
  path: string;
  content: string | Buffer;
}

export interface DoubleReview {
  id: number;
  user: { login: string };
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  commit_id: string;
  submitted_at: string;
}

export interface DoubleComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  created_at: string;
  updated_at: string;
}

export interface DoublePull {
  number: number;
  files: Array<{ filename: string; status: string; previous_filename?: string }>;
  reviews: DoubleReview[];
  comments: DoubleComment[];
  labels: string[];
  requestedReviewers: { users: string[]; teams: string[] };
}

export interface Fault {
  /** Matches `METHOD /path` (without the query). */
  match: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many requests it answers before letting requests through (default 1). */
  times?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' as const };

export class GitHubDouble {
  readonly owner = 'acme';
  readonly repo = 'infra';
  /** commit sha → path → blob sha */
  readonly commits = new Map<string, Map<string, string>>();
  /** blob sha → content */
  readonly blobs = new Map<string, Buffer>();
  readonly pulls = new Map<number, DoublePull>();
  /** org/team → member logins */
  readonly teams = new Map<string, string[]>();
  readonly checkRuns: Array<{ id: number; name: string; head_sha: string; status: string; conclusion?: string; output?: { title?: string; summary?: string; annotations?: unknown[] } }> = [];
  readonly statuses: Array<{ sha: string; state: string; context: string; description?: string }> = [];
  readonly log: LoggedRequest[] = [];
  readonly faults: Fault[] = [];
  /** Page size cap, as GitHub's (100). */
  maxPerPage = 100;
  /** What `GET /compare/{base}...{head}` answers (merge groups). */
  compare: { files: Array<{ filename: string; status: string; previous_filename?: string }> } = { files: [] };
  /** Answer 403 to writes (a read-only token on a fork PR). */
  readOnly = false;
  private server?: Server;
  private nextId = 1000;

  /** Stores a commit with these files; returns its sha (a hash of the contents, stable across runs). */
  commit(files: readonly DoubleFile[]): string {
    const tree = new Map<string, string>();
    const h = createHash('sha1');
    for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
      const buf = Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content, 'utf8');
      const blob = createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
      this.blobs.set(blob, buf);
      tree.set(f.path, blob);
      h.update(`${f.path}\0${blob}\n`);
    }
    const sha = h.digest('hex');
    this.commits.set(sha, tree);
    return sha;
  }

  pull(number: number, init: Partial<DoublePull> = {}): DoublePull {
    const pr: DoublePull = { number, files: [], reviews: [], comments: [], labels: [], requestedReviewers: { users: [], teams: [] }, ...init };
    this.pulls.set(number, pr);
    return pr;
  }

  review(number: number, login: string, state: DoubleReview['state'], commitId: string): DoubleReview {
    const r: DoubleReview = { id: this.nextId++, user: { login }, state, commit_id: commitId, submitted_at: new Date(Date.UTC(2026, 10, 28, 10, 0, this.nextId % 60)).toISOString() };
    this.pulls.get(number)!.reviews.push(r);
    return r;
  }

  /** Requests made, as `METHOD /path`. */
  calls(): string[] {
    return this.log.map((r) => `${r.method} ${r.path}`);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((e: unknown) => send(res, 500, { message: `double: ${(e as Error).message}` }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => (this.server ? this.server.close((e) => (e ? reject(e) : resolve())) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const body = raw.length ? (JSON.parse(raw) as unknown) : undefined;
    this.log.push({ method, path: url.pathname, query: url.searchParams, body });
    const key = `${method} ${url.pathname}`;
    const fault = this.faults.find((f) => f.match.test(key) && (f.times ?? 1) > 0);
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      return send(res, fault.status, fault.body ?? { message: `injected ${fault.status}` }, fault.headers);
    }
    if (this.readOnly && method !== 'GET') return send(res, 403, { message: 'Resource not accessible by integration' });
    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (!url.pathname.startsWith(prefix) && !url.pathname.startsWith('/orgs/')) return send(res, 404, { message: 'Not Found' });
    const p = url.pathname.slice(prefix.length);
    let m: RegExpExecArray | null;

    if (method === 'GET' && (m = /^\/pulls\/(\d+)\/files$/.exec(p))) return this.page(res, url, this.pr(+m[1])?.files);
    if (method === 'GET' && (m = /^\/git\/trees\/([0-9a-f]{40})$/.exec(p))) {
      const tree = this.commits.get(m[1]);
      if (!tree) return send(res, 404, { message: 'Not Found' });
      return send(res, 200, { sha: m[1], truncated: false, tree: [...tree].map(([path, sha]) => ({ path, mode: '100644', type: 'blob', sha, size: this.blobs.get(sha)!.length })) });
    }
    if (method === 'GET' && (m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(p))) {
      const blob = this.blobs.get(m[1]);
      if (!blob) return send(res, 404, { message: 'Not Found' });
      return send(res, 200, { sha: m[1], size: blob.length, encoding: 'base64', content: blob.toString('base64').replace(/(.{60})/g, '$1\n') });
    }
    if (method === 'GET' && (m = /^\/pulls\/(\d+)\/reviews$/.exec(p))) return this.page(res, url, this.pr(+m[1])?.reviews);
    if (method === 'GET' && /^\/compare\/[0-9a-f]{40}\.\.\.[0-9a-f]{40}$/.test(p)) return send(res, 200, { status: 'ahead', files: this.compare.files });
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(p))) {
      const pr = this.pr(+m[1]);
      if (!pr) return send(res, 404, { message: 'Not Found' });
      if (method === 'GET') return this.page(res, url, pr.comments);
      if (method === 'POST') {
        const now = new Date().toISOString();
        const c: DoubleComment = { id: this.nextId++, body: String((body as { body?: string }).body ?? ''), user: BOT, created_at: now, updated_at: now };
        pr.comments.push(c);
        return send(res, 201, c);
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(p))) {
      const id = +m[1];
      const owner = [...this.pulls.values()].find((x) => x.comments.some((c) => c.id === id));
      const c = owner?.comments.find((x) => x.id === id);
      if (!owner || !c) return send(res, 404, { message: 'Not Found' });
      if (method === 'PATCH') {
        c.body = String((body as { body?: string }).body ?? '');
        c.updated_at = new Date().toISOString();
        return send(res, 200, c);
      }
      if (method === 'DELETE') {
        owner.comments.splice(owner.comments.indexOf(c), 1);
        return send(res, 204, undefined);
      }
    }
    if (method === 'POST' && p === '/check-runs') {
      const b = body as { name: string; head_sha: string; status?: string; conclusion?: string; output?: { title?: string; summary?: string; annotations?: unknown[] } };
      const run = { id: this.nextId++, name: b.name, head_sha: b.head_sha, status: b.status ?? 'queued', ...(b.conclusion ? { conclusion: b.conclusion } : {}), ...(b.output ? { output: b.output } : {}) };
      if ((b.output?.annotations?.length ?? 0) > 50) return send(res, 422, { message: 'Only 50 annotations may be sent per request' });
      this.checkRuns.push(run);
      return send(res, 201, run);
    }
    if (method === 'PATCH' && (m = /^\/check-runs\/(\d+)$/.exec(p))) {
      const run = this.checkRuns.find((r) => r.id === +m![1]);
      if (!run) return send(res, 404, { message: 'Not Found' });
      const b = body as { status?: string; conclusion?: string; output?: { title?: string; summary?: string; annotations?: unknown[] } };
      if ((b.output?.annotations?.length ?? 0) > 50) return send(res, 422, { message: 'Only 50 annotations may be sent per request' });
      if (b.status) run.status = b.status;
      if (b.conclusion) run.conclusion = b.conclusion;
      if (b.output) run.output = { ...run.output, ...b.output, annotations: [...(run.output?.annotations ?? []), ...(b.output.annotations ?? [])] };
      return send(res, 200, run);
    }
    if (method === 'POST' && (m = /^\/statuses\/([0-9a-f]{40})$/.exec(p))) {
      const b = body as { state: string; context?: string; description?: string };
      this.statuses.push({ sha: m[1], state: b.state, context: b.context ?? 'default', ...(b.description ? { description: b.description } : {}) });
      return send(res, 201, { id: this.nextId++, state: b.state, context: b.context });
    }
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(p)) && method === 'POST') {
      const pr = this.pr(+m[1])!;
      for (const l of (body as { labels: string[] }).labels) if (!pr.labels.includes(l)) pr.labels.push(l);
      return send(res, 200, pr.labels.map((name) => ({ name })));
    }
    if ((m = /^\/issues\/(\d+)\/labels\/(.+)$/.exec(p)) && method === 'DELETE') {
      const pr = this.pr(+m[1])!;
      const name = decodeURIComponent(m[2]);
      if (!pr.labels.includes(name)) return send(res, 404, { message: 'Label does not exist' });
      pr.labels.splice(pr.labels.indexOf(name), 1);
      return send(res, 200, pr.labels.map((n) => ({ name: n })));
    }
    if ((m = /^\/pulls\/(\d+)\/requested_reviewers$/.exec(p)) && method === 'POST') {
      const pr = this.pr(+m[1])!;
      const b = body as { reviewers?: string[]; team_reviewers?: string[] };
      pr.requestedReviewers.users.push(...(b.reviewers ?? []).filter((u) => !pr.requestedReviewers.users.includes(u)));
      pr.requestedReviewers.teams.push(...(b.team_reviewers ?? []).filter((t) => !pr.requestedReviewers.teams.includes(t)));
      return send(res, 201, { number: pr.number });
    }
    if (method === 'GET' && (m = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(url.pathname))) {
      const members = this.teams.get(`${m[1]}/${m[2]}`) ?? [];
      return members.includes(m[3]) ? send(res, 200, { state: 'active', role: 'member' }) : send(res, 404, { message: 'Not Found' });
    }
    return send(res, 404, { message: `double: no route for ${key}` });
  }

  private pr(n: number): DoublePull | undefined {
    return this.pulls.get(n);
  }

  /** A list endpoint: `per_page` (max 100) and `page`, with a Link header as GitHub writes it. */
  private page(res: ServerResponse, url: URL, items: readonly unknown[] | undefined): void {
    if (!items) return send(res, 404, { message: 'Not Found' });
    const per = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, this.maxPerPage);
    const page = Number(url.searchParams.get('page') ?? 1) || 1;
    const last = Math.max(1, Math.ceil(items.length / per));
    const link = (n: number, rel: string) => {
      const u = new URL(url.toString().replace('http://double', `http://${res.req.headers.host}`));
      u.searchParams.set('page', String(n));
      u.searchParams.set('per_page', String(per));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links = [...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []), ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])];
    send(res, 200, items.slice((page - 1) * per, page * per), links.length ? { link: links.join(', ') } : {});
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '4999', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
