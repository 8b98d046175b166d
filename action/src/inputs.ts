import type { Severity } from '@pillarguard/rules';

/**
 * The action's inputs, read and checked once. Every problem is collected and reported together,
 * naming the input, so a misconfigured workflow fails with one clear message.
 */
export interface Inputs {
  token: string;
  /** Token able to read team membership (`read:org`), when approvers include teams. */
  approverToken?: string;
  configPath: string;
  /** Globs of IaC files to consider (empty: every file the engine recognises). */
  paths: string[];
  basePath?: string;
  headPath?: string;
  approvers: Approvers;
  /** Introduced findings at or above this severity fail the check even without approval rules. */
  failOn: Severity | 'none';
  comment: 'always' | 'on-change' | 'never';
  sarifFile?: string;
  label: string;
}

export interface Approvers {
  users: string[];
  /** `org/team` slugs. */
  teams: Array<{ org: string; slug: string }>;
}

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info', 'none'] as const;
const COMMENT = ['always', 'on-change', 'never'] as const;
/** GitHub logins: alphanumerics and single hyphens, at most 39 characters. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9][A-Za-z0-9_.-]{0,99})$/;

export class InputError extends Error {}

/** A list input: comma- or newline-separated, blanks and `#` comments dropped. */
export function listInput(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

export function readInputs(get: (name: string) => string): Inputs {
  const problems: string[] = [];
  const token = get('github-token').trim();
  if (!token) problems.push('github-token: required (the default is the workflow token, `${{ github.token }}`)');

  const failOn = (get('fail-on').trim() || 'none').toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(failOn)) problems.push(`fail-on: "${failOn}" is not one of ${SEVERITIES.join(', ')}`);
  const comment = (get('comment').trim() || 'always').toLowerCase();
  if (!(COMMENT as readonly string[]).includes(comment)) problems.push(`comment: "${comment}" is not one of ${COMMENT.join(', ')}`);

  const approvers: Approvers = { users: [], teams: [] };
  for (const a of listInput(get('approvers'))) {
    const name = a.replace(/^@/, '');
    const team = TEAM.exec(name);
    if (team) approvers.teams.push({ org: team[1], slug: team[2] });
    else if (LOGIN.test(name)) approvers.users.push(name);
    else problems.push(`approvers: "${a}" is neither a GitHub login nor an org/team slug`);
  }
  const approverToken = get('approver-token').trim() || undefined;

  const basePath = get('base-path').trim() || undefined;
  const headPath = get('head-path').trim() || undefined;
  if ((basePath === undefined) !== (headPath === undefined)) problems.push('base-path and head-path: give both (the two versions to compare) or neither');

  if (problems.length) throw new InputError(`Invalid inputs:\n- ${problems.join('\n- ')}`);
  return {
    token,
    ...(approverToken ? { approverToken } : {}),
    configPath: get('config').trim() || '.github/pillarguard.yml',
    paths: listInput(get('paths')),
    ...(basePath ? { basePath } : {}),
    ...(headPath ? { headPath } : {}),
    approvers,
    failOn: failOn as Inputs['failOn'],
    comment: comment as Inputs['comment'],
    ...(get('sarif-file').trim() ? { sarifFile: get('sarif-file').trim() } : {}),
    label: get('label').trim() || 'pillarguard: approval required',
  };
}
