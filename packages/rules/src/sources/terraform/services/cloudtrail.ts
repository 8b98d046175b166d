import type { TrailFacet, V } from '../../../model';
import { isUnknown } from '../../../model';
import type { TfReader } from '../reader';
import { blocks, toStr, toStrItems } from '../values';
import type { TypeMapping } from './types';

function items(v: V<V<string>[]> | undefined): V<string>[] {
  if (v === undefined) return [];
  return isUnknown(v) ? [v] : v;
}

/** `AWS::S3::Object` → `arn:aws:s3`: an advanced selector without an ARN filter covers every resource of its type. */
function allOfType(type: string): string {
  const service = /^AWS::([^:]+)::/.exec(type)?.[1]?.toLowerCase() ?? '';
  return `arn:aws:${service}`;
}

/** Data events from classic `event_selector.data_resource` and from `advanced_event_selector.field_selector`. */
function dataEvents(r: TfReader): NonNullable<TrailFacet['dataEvents']> {
  const out: NonNullable<TrailFacet['dataEvents']> = [];
  r.blocks('event_selector').forEach((sel, i) => {
    blocks(sel.data_resource).forEach((d, j) => {
      const path = `event_selector[${i}].data_resource[${j}]`;
      out.push({ type: toStr(d.type, `${path}.type`) ?? '', values: items(toStrItems(d.values, `${path}.values`)) });
    });
  });
  r.blocks('advanced_event_selector').forEach((sel, i) => {
    const fields = blocks(sel.field_selector);
    const field = (name: string) => fields.find((f) => typeof f.field === 'string' && f.field.toLowerCase() === name.toLowerCase());
    const category = field('eventCategory');
    const categories = category ? items(toStrItems(category.equals, 'eventCategory')) : [];
    if (categories.length > 0 && !categories.includes('Data')) return;
    const typeSel = field('resources.type');
    const path = `advanced_event_selector[${i}]`;
    for (const type of typeSel ? items(toStrItems(typeSel.equals, `${path}.resources.type`)) : []) {
      const arn = field('resources.ARN');
      const values = arn ? [...items(toStrItems(arn.equals, `${path}.resources.ARN`)), ...items(toStrItems(arn.starts_with, `${path}.resources.ARN`))] : [];
      out.push({ type, values: values.length > 0 ? values : isUnknown(type) ? [type] : [allOfType(type)] });
    }
  });
  return out;
}

/** aws_cloudtrail: single-region, no validation, no KMS key and logging on by default. */
export const cloudtrail: TypeMapping = {
  cfnType: 'AWS::CloudTrail::Trail',
  nameAttr: 'name',
  map(r) {
    r.mark('trail.kmsKey', 'kms_key_id');
    r.mark('trail.dataEvents', r.has('advanced_event_selector') ? 'advanced_event_selector' : 'event_selector');
    const key = r.str(undefined, 'kms_key_id');
    return {
      facets: {
        trail: {
          multiRegion: r.bool('trail.multiRegion', 'is_multi_region_trail', false),
          logFileValidation: r.bool('trail.logFileValidation', 'enable_log_file_validation', false),
          kmsKey: key === undefined || key === '' ? null : key,
          isLogging: r.bool('trail.isLogging', 'enable_logging', true),
          dataEvents: dataEvents(r),
        },
      },
    };
  },
};
