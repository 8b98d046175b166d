import { unknown } from '../../model';
import { mapTerraformResources } from './index';
import { mapOne, tf } from './test-support';

describe('IAM group membership resources', () => {
  it('aws_iam_user_group_membership adds its groups to the user (references and names)', () => {
    const user = mapOne(
      'aws_iam_user.bob',
      tf('aws_iam_user.bob', { name: 'bob' }),
      tf('aws_iam_group.analysts', { name: 'analysts' }),
      tf('aws_iam_user_group_membership.bob', { user: '${aws_iam_user.bob.name}', groups: ['${aws_iam_group.analysts.name}', 'support'] }),
    );
    expect(user.facets.iam?.groups).toEqual(['${aws_iam_group.analysts.name}', 'support']);
    expect(user.facetPaths?.['iam.groups']).toBe('aws_iam_user_group_membership.bob.groups');
  });

  it('aws_iam_group_membership adds its group to each user it lists (plan: known names)', () => {
    const inputs = [tf('aws_iam_user.a', { name: 'alice' }), tf('aws_iam_user.b', { name: 'bob' }), tf('aws_iam_group_membership.g', { name: 'analysts-members', group: 'analysts', users: ['alice', 'bob'] })];
    const { resources } = mapTerraformResources(inputs);
    expect(resources.map((r) => [r.id, r.facets.iam?.groups])).toEqual([
      ['aws_iam_user.a', ['analysts']],
      ['aws_iam_user.b', ['analysts']],
    ]);
  });

  it('keeps an unresolvable group list as unknown, and notes users that are not in the input', () => {
    const user = mapOne('aws_iam_user.bob', tf('aws_iam_user.bob', { name: 'bob' }), tf('aws_iam_user_group_membership.bob', { user: 'bob', groups: unknown('var.groups has no default') }));
    expect(user.facets.iam?.groups).toEqual([unknown('var.groups has no default')]);
    const { notes } = mapTerraformResources([tf('aws_iam_group_membership.g', { name: 'm', group: 'analysts', users: ['carol'] })]);
    expect(notes.map((n) => n.message)).toEqual([expect.stringContaining('aws_iam_group_membership.g: user carol is not in this input')]);
  });
});
