import type { CollectionTag, ScalarTag } from 'yaml';

/**
 * CloudFormation's YAML short forms (`!Ref X`, `!GetAtt A.B`, `!Sub [..]`, …). Each is registered
 * for scalar, sequence and map nodes so `yaml` keeps the tag on the node instead of warning; the
 * tree builder turns a tagged node into the long form (`{ "Fn::GetAtt": [...] }`), so YAML and
 * JSON templates reach the resolver in one shape.
 */
export const SHORT_FORMS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!If': 'Fn::If',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Base64': 'Fn::Base64',
  '!ImportValue': 'Fn::ImportValue',
  '!GetAZs': 'Fn::GetAZs',
  '!Cidr': 'Fn::Cidr',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
  '!ForEach': 'Fn::ForEach',
  '!ValueOf': 'Fn::ValueOf',
  '!Contains': 'Fn::Contains',
  '!EachMemberEquals': 'Fn::EachMemberEquals',
  '!EachMemberIn': 'Fn::EachMemberIn',
  '!RefAll': 'Fn::RefAll',
  '!ValueOfAll': 'Fn::ValueOfAll',
};

/** Custom tag definitions for `yaml`: the node is kept as parsed; the tree builder reads `node.tag`. */
export function cloudFormationTags(): Array<ScalarTag | CollectionTag> {
  const tags: Array<ScalarTag | CollectionTag> = [];
  for (const tag of Object.keys(SHORT_FORMS)) {
    tags.push({ tag, identify: () => false, resolve: (str: string) => str });
    tags.push({ tag, collection: 'seq', identify: () => false, resolve: (node) => node } as CollectionTag);
    tags.push({ tag, collection: 'map', identify: () => false, resolve: (node) => node } as CollectionTag);
  }
  return tags;
}
