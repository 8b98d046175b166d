import type { EncryptionFacet, TrailFacet, V } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import type { CfnValue } from '../types';
import { keyEncryption } from './common';
import { mapItems, toItems, toNum, toStr } from './props';
import type { TypeMapper } from './types';

type DataEvents = NonNullable<TrailFacet['dataEvents']>;

/** Basic selectors: `EventSelectors[].DataResources[] {Type, Values}`. */
function basicSelectors(v: CfnValue | undefined): DataEvents {
  if (isUnknown(v)) return [{ type: v, values: [v] }];
  return mapItems(v).flatMap((sel, i) =>
    mapItems(sel.DataResources).map((d, j) => ({
      type: toStr(d.Type, `EventSelectors[${i}].DataResources[${j}].Type`) ?? unknown('data resource Type is not set'),
      values: toItems(d.Values, `EventSelectors[${i}].DataResources[${j}].Values`) ?? [],
    })),
  );
}

/**
 * Advanced selectors: a selector with `eventCategory = Data` covers `resources.type`, limited to
 * the ARNs in `resources.ARN` (Equals/StartsWith); without an ARN field it covers every resource of
 * the type, written as the service ARN prefix (`arn:aws:dynamodb`).
 */
function advancedSelectors(v: CfnValue | undefined): DataEvents {
  if (isUnknown(v)) return [{ type: v, values: [v] }];
  const out: DataEvents = [];
  mapItems(v).forEach((sel, i) => {
    const fields = mapItems(sel.FieldSelectors);
    const field = (name: string) => fields.find((f) => f.Field === name);
    const category = field('eventCategory');
    const categories = toItems(category?.Equals, 'eventCategory') ?? [];
    if (!categories.includes('Data')) return;
    const types = toItems(field('resources.type')?.Equals, `AdvancedEventSelectors[${i}].resources.type`) ?? [];
    const arn = field('resources.ARN');
    for (const type of types) {
      let values: V<string>[];
      if (arn) values = [...(toItems(arn.Equals, 'resources.ARN') ?? []), ...(toItems(arn.StartsWith, 'resources.ARN') ?? [])];
      else if (isUnknown(type)) values = [type];
      else values = [`arn:aws:${(type.split('::')[1] ?? '').toLowerCase()}`];
      out.push({ type, values });
    }
  });
  return out;
}

const trail: TypeMapper = (p) => {
  p.track('trail.dataEvents', 'EventSelectors');
  return {
    name: p.text('TrailName'),
    facets: {
      trail: {
        multiRegion: p.bool('trail.multiRegion', 'IsMultiRegionTrail', false),
        logFileValidation: p.bool('trail.logFileValidation', 'EnableLogFileValidation', false),
        kmsKey: p.str('trail.kmsKey', 'KMSKeyId') ?? null,
        isLogging: p.bool('trail.isLogging', 'IsLogging', false),
        dataEvents: [...basicSelectors(p.get('EventSelectors')), ...advancedSelectors(p.get('AdvancedEventSelectors'))],
      },
    },
  };
};

/** Log groups are encrypted by CloudWatch Logs' own key unless `KmsKeyId` names one; no retention ⇒ never expire. */
const logGroup: TypeMapper = (p) => {
  p.track('logging.retentionDays', 'RetentionInDays');
  return {
    name: p.text('LogGroupName'),
    facets: {
      logging: { retentionDays: toNum(p.get('RetentionInDays'), 'RetentionInDays') ?? null },
      encryption: keyEncryption(p.str('encryption.keyRef', 'KmsKeyId'), 'aws-owned', 'KmsKeyId'),
    },
  };
};

/** Kinesis streams are unencrypted unless `StreamEncryption` (EncryptionType KMS) is set. */
const stream: TypeMapper = (p) => {
  const type = p.str('encryption.atRest', 'StreamEncryption.EncryptionType');
  let encryption: EncryptionFacet;
  if (type === undefined || type === 'NONE') encryption = { atRest: 'none', path: 'StreamEncryption' };
  else if (isUnknown(type)) encryption = { atRest: type, path: 'StreamEncryption' };
  else encryption = keyEncryption(p.str('encryption.keyRef', 'StreamEncryption.KeyId') ?? 'alias/aws/kinesis', 'aws-managed', 'StreamEncryption');
  return { name: p.text('Name'), facets: { encryption } };
};

export const MONITORING_MAPPERS: Record<string, TypeMapper> = {
  'AWS::CloudTrail::Trail': trail,
  'AWS::Logs::LogGroup': logGroup,
  'AWS::Kinesis::Stream': stream,
};
