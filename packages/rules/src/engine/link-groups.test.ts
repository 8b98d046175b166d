import { parseCloudFormation } from '../sources/cloudformation';
import { linkResources } from './link';
import { ResourceIndex } from './resource-index';
import { effectivePermissions } from '../iam/effective';

const TEMPLATE = `
Resources:
  Analysts:
    Type: AWS::IAM::Group
    Properties:
      Policies:
        - PolicyName: read-orders
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: dynamodb:*, Resource: "*" }
  Alice:
    Type: AWS::IAM::User
  AddAlice:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: { Ref: Analysts }
      Users: [{ Ref: Alice }]
`;

it('folds AWS::IAM::UserToGroupAddition into the user: the group policies become the user’s', () => {
  const parsed = parseCloudFormation({ path: 't.yaml', content: TEMPLATE });
  expect(parsed.errors).toEqual([]);
  const linked = linkResources(parsed.resources);
  const alice = linked.find((r) => r.id === 'Alice')!;
  expect(alice.facets.iam?.groups).toEqual(['${Analysts}']);
  const eff = effectivePermissions(alice, { index: new ResourceIndex(linked) });
  expect(eff.allows.map((a) => a.statement.actions)).toEqual([['dynamodb:*']]);
});
