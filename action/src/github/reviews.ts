import type { Review } from '../approvals';
import type { Approvers } from '../inputs';
import type { Client } from './client';
import { step } from './errors';
import type { Repo } from './read';

/** Every review of the pull request, oldest first. */
export async function listReviews(client: Client, repo: Repo, pull: number): Promise<Review[]> {
  return step(`listing the reviews of #${pull}`, () => client.paginate(client.rest.pulls.listReviews, { ...repo, pull_number: pull, per_page: 100 }));
}

/**
 * Which reviewers are approvers: listed by login, or active members of a listed team. Team
 * membership needs a token that can read the organisation (`approver-token`); without one, or
 * when the check fails, a team member does not count (fail closed) and the reason is returned.
 */
export async function resolveApprovers(logins: readonly string[], approvers: Approvers, teamClient: Client | undefined): Promise<{ approvers: Set<string>; problems: string[] }> {
  const out = new Set<string>();
  const problems: string[] = [];
  const users = new Set(approvers.users.map((u) => u.toLowerCase()));
  for (const login of logins) {
    if (users.has(login.toLowerCase())) {
      out.add(login);
      continue;
    }
    if (!approvers.teams.length) continue;
    if (!teamClient) {
      problems.push(`cannot tell whether ${login} belongs to an approver team: no approver-token to read team membership`);
      continue;
    }
    for (const t of approvers.teams) {
      try {
        const { data } = await teamClient.rest.teams.getMembershipForUserInOrg({ org: t.org, team_slug: t.slug, username: login });
        if (data.state === 'active') {
          out.add(login);
          break;
        }
      } catch (e) {
        const status = (e as { status?: number }).status;
        if (status === 404) continue; // not a member
        problems.push(`cannot read the membership of ${t.org}/${t.slug}: HTTP ${status ?? '?'} (approver-token needs read:org)`);
      }
    }
  }
  return { approvers: out, problems };
}

/** Asks the approvers for a review (not the author; teams only of the repository's organisation). */
export async function requestReviews(client: Client, repo: Repo, pull: number, approvers: Approvers, author: string): Promise<void> {
  const reviewers = approvers.users.filter((u) => u.toLowerCase() !== author.toLowerCase());
  const teams = approvers.teams.filter((t) => t.org.toLowerCase() === repo.owner.toLowerCase()).map((t) => t.slug);
  if (!reviewers.length && !teams.length) return;
  await step('requesting reviews from the approvers', () => client.rest.pulls.requestReviewers({ ...repo, pull_number: pull, reviewers, team_reviewers: teams }));
}

export async function setLabel(client: Client, repo: Repo, issue: number, label: string, on: boolean): Promise<void> {
  if (on) {
    await step(`adding the label "${label}"`, () => client.rest.issues.addLabels({ ...repo, issue_number: issue, labels: [label] }));
    return;
  }
  await step(`removing the label "${label}"`, async () => {
    try {
      await client.rest.issues.removeLabel({ ...repo, issue_number: issue, name: label });
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e; // not set: nothing to remove
    }
  });
}
