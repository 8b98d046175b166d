import { parse, resourceOf } from './helpers';

const props = (template: string) => {
  const r = parse(template);
  expect(r.errors.map(String)).toEqual([]);
  return r;
};

/** Resolves a template and returns the Tags of R (the generic map the mapper reads). */
function tags(yaml: string, options = {}) {
  return resourceOf(yaml, 'R', options).tags;
}

const withTag = (value: string, extra = '') => `${extra}
Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: t
          Value: ${value}
  Other:
    Type: AWS::SNS::Topic
`;

describe('CloudFormation intrinsic functions', () => {
  test('Ref to a parameter takes its default, or the value given', () => {
    const p = 'Parameters:\n  Env: { Type: String, Default: prod }\n';
    expect(tags(withTag('!Ref Env', p)).t).toBe('prod');
    expect(tags(withTag('!Ref Env', p), { parameters: { Env: 'dev' } }).t).toBe('dev');
  });

  test('Ref to a parameter without default is unknown with the reason', () => {
    const t = tags(withTag('!Ref Env', 'Parameters:\n  Env: { Type: String }\n')).t;
    expect(t).toEqual({ kind: 'unknown', reason: 'parameter Env has no default' });
  });

  test('SSM-backed parameters are unknown even with a default', () => {
    const t = tags(withTag('!Ref Ami', "Parameters:\n  Ami: { Type: 'AWS::SSM::Parameter::Value<String>', Default: /x/y }\n")).t;
    expect(t).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('SSM') });
  });

  test('Ref and GetAtt to resources become ${Id} and ${Id.Attr}; GetAtt splits at the first dot', () => {
    expect(tags(withTag('!Ref Other')).t).toBe('${Other}');
    expect(tags(withTag('!GetAtt Other.TopicArn')).t).toBe('${Other.TopicArn}');
    expect(tags(withTag('!GetAtt Other.Endpoint.Address')).t).toBe('${Other.Endpoint.Address}');
    expect(tags(withTag('{ "Fn::GetAtt": [Other, TopicName] }')).t).toBe('${Other.TopicName}');
  });

  test('pseudo parameters stay placeholders inside strings and are unknown as whole values', () => {
    expect(tags(withTag('!Sub "arn:${AWS::Partition}:s3:::b-${AWS::AccountId}"')).t).toBe('arn:${AWS::Partition}:s3:::b-${AWS::AccountId}');
    expect(tags(withTag("!Join ['', ['arn:', !Ref 'AWS::Partition', ':s3:::x']]")).t).toBe('arn:${AWS::Partition}:s3:::x');
    expect(tags(withTag('!Ref AWS::Region')).t).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('AWS::Region') });
  });

  test('AWS::NoValue removes the property', () => {
    const r = resourceOf('Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref AWS::NoValue\n', 'R');
    expect(r.name).toBeUndefined();
  });

  test('Sub: both forms, variable maps, escaped ${!Literal}, parameters and resources', () => {
    const p = 'Parameters:\n  Env: { Type: String, Default: prod }\n';
    expect(tags(withTag('!Sub "${Env}-${Other}-${Other.TopicName}-${!Literal}"', p)).t).toBe('prod-${Other}-${Other.TopicName}-${Literal}');
    expect(tags(withTag('!Sub ["${A}/${B}", { A: x, B: !Ref Env }]', p)).t).toBe('x/prod');
    expect(tags(withTag('{ "Fn::Sub": "plain" }')).t).toBe('plain');
    expect(tags(withTag('!Sub "${Missing}"', 'Parameters:\n  Missing: { Type: String }\n')).t).toMatchObject({ kind: 'unknown' });
  });

  test('Join, Select, Split, Base64, FindInMap', () => {
    const m = 'Mappings:\n  Env:\n    prod: { Key: alias/prod }\n    dev: { Key: alias/dev }\nParameters:\n  E: { Type: String, Default: dev }\n';
    expect(tags(withTag("!Join [',', [a, b, c]]")).t).toBe('a,b,c');
    expect(tags(withTag('!Select [1, [a, b, c]]')).t).toBe('b');
    expect(tags(withTag("!Select [2, !Split [',', 'x,y,z']]")).t).toBe('z');
    expect(tags(withTag('!Base64 "hello wörld"')).t).toBe('aGVsbG8gd8O2cmxk');
    expect(tags(withTag('!FindInMap [Env, !Ref E, Key]', m)).t).toBe('alias/dev');
    expect(tags(withTag('!FindInMap [Env, staging, Key]', m)).t).toMatchObject({ kind: 'unknown' });
    expect(tags(withTag('!Select [5, [a]]')).t).toMatchObject({ kind: 'unknown' });
  });

  test('ImportValue, GetAZs, Cidr and Transform are unknown with a reason', () => {
    for (const [expr, word] of [
      ['!ImportValue shared-key', 'ImportValue'],
      ["!Select [0, !GetAZs '']", 'GetAZs'],
      ['!Select [0, !Cidr [10.0.0.0/16, 4, 8]]', 'Cidr'],
      ['{ "Fn::Transform": { Name: AWS::Include } }', 'Transform'],
    ]) {
      expect(tags(withTag(expr)).t).toMatchObject({ kind: 'unknown', reason: expect.stringContaining(word) });
    }
  });

  test('If with decidable, undecidable and equal-branch conditions', () => {
    const c = `Parameters:
  Env: { Type: String, Default: prod }
  Free: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [a, a]]
  Either: !Or [!Condition IsDev, !Equals [!Ref Free, x]]
  FreeX: !Equals [!Ref Free, x]
  RegionUs: !Equals [!Ref AWS::Region, us-east-1]
`;
    expect(tags(withTag('!If [IsProd, yes, no]', c)).t).toBe('yes');
    expect(tags(withTag('!If [IsDev, yes, no]', c)).t).toBe('no');
    expect(tags(withTag('!If [Both, yes, no]', c)).t).toBe('yes');
    expect(tags(withTag('!If [Either, yes, no]', c)).t).toMatchObject({ kind: 'unknown' });
    expect(tags(withTag('!If [FreeX, yes, no]', c)).t).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('FreeX') });
    expect(tags(withTag('!If [RegionUs, same, same]', c)).t).toBe('same');
    expect(tags(withTag('!If [IsProd, yes, no]', c), { parameters: { Env: 'dev' } }).t).toBe('no');
  });

  test('a resource whose condition is false is omitted; an undecidable one is kept with a note', () => {
    const t = `Parameters:
  Env: { Type: String, Default: dev }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  InUs: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  A: { Type: AWS::S3::Bucket, Condition: IsProd }
  B: { Type: AWS::S3::Bucket, Condition: InUs }
  C: { Type: AWS::S3::Bucket }
`;
    const r = props(t);
    expect(r.resources.map((x) => x.id)).toEqual(['B', 'C']);
    expect(r.notes.some((n) => n.message.includes('resource B') && n.line === 8)).toBe(true);
  });

  test('dynamic references stay literal', () => {
    expect(tags(withTag("'{{resolve:secretsmanager:db:SecretString:password}}'")).t).toBe('{{resolve:secretsmanager:db:SecretString:password}}');
  });

  test('Length and ToJsonString (language extensions)', () => {
    expect(tags(withTag('!ToJsonString { a: 1 }')).t).toBe('{"a":1}');
    expect(tags(withTag('!Join ["", [!Length [a, b, c]]]')).t).toBe('3');
  });

  test('unsupported tags are unknown values with a note, not errors', () => {
    const r = parse(withTag('!Frobnicate x'));
    expect(r.errors).toEqual([]);
    expect(r.resources.find((x) => x.id === 'R')!.tags.t).toMatchObject({ kind: 'unknown' });
    expect(r.notes.some((n) => n.message.includes('!Frobnicate'))).toBe(true);
  });

  test('JSON templates with long-form functions resolve the same way', () => {
    const json = JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Parameters: { Env: { Type: 'String', Default: 'prod' } },
        Resources: {
          Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
          R: {
            Type: 'AWS::S3::Bucket',
            Properties: {
              BucketName: { 'Fn::Sub': 'b-${Env}' },
              BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': ['Key', 'Arn'] } } }] },
              Tags: [{ Key: 'env', Value: { Ref: 'Env' } }],
            },
          },
        },
      },
      null,
      2,
    );
    const r = parse(json, {}, 'template.json');
    expect(r.errors).toEqual([]);
    const b = r.resources.find((x) => x.id === 'R')!;
    expect(b.name).toBe('b-prod');
    expect(b.tags.env).toBe('prod');
    expect(b.facets.encryption).toMatchObject({ atRest: 'cmk', keyRef: '${Key.Arn}' });
    expect(b.location).toMatchObject({ file: 'template.json', line: 16, column: 5, format: 'cloudformation' });
    expect(b.propertyLines!['BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID']).toBe(27);
  });
});

describe('positions', () => {
  test('resource location and property lines are 1-based and follow the text', () => {
    const t = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: glue.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: "*"
              - Effect: Deny
                Action: s3:*
                Resource: "*"
`;
    const r = resourceOf(t, 'Role');
    expect(r.location).toEqual({ file: 'template.yaml', format: 'cloudformation', line: 3, column: 3 });
    expect(r.propertyLines).toMatchObject({ AssumeRolePolicyDocument: 6, 'Policies[0].PolicyDocument': 13, 'Policies[0].PolicyDocument.Statement[1]': 18, 'Policies[0].PolicyDocument.Statement[1].Action': 19 });
    expect(r.facets.iam!.inlinePolicies![0].document.statements[1].path).toBe('Policies[0].PolicyDocument.Statement[1]');
  });
});
