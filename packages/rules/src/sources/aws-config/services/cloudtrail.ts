import type { Tri, TrailFacet, V } from '../../../model';
import { unknown } from '../../../model';
import { field, isObject, type Json } from '../json';
import type { ItemReader } from '../reader';
import type { ItemMapper } from './types';

type DataEvents = NonNullable<TrailFacet['dataEvents']>;

function strings(v: Json | undefined): V<string>[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x): x is string => typeof x === 'string');
}

/** `AWS::S3::Object` → `arn:aws:s3`: an advanced selector without an ARN filter covers every resource of its type. */
function allOfType(type: string): string {
  return `arn:aws:${/^AWS::([^:]+)::/.exec(type)?.[1]?.toLowerCase() ?? ''}`;
}

/** Classic `eventSelectors[].dataResources[]` and `advancedEventSelectors[].fieldSelectors[]` (data events only). */
function selectorsToDataEvents(classic: Json[], advanced: Json[]): DataEvents {
  const out: DataEvents = [];
  for (const sel of classic.filter(isObject)) {
    const resources = field(sel, 'dataResources');
    for (const d of Array.isArray(resources) ? resources.filter(isObject) : []) {
      const type = field(d, 'type');
      out.push({ type: typeof type === 'string' ? type : unknown('data resource without a type'), values: strings(field(d, 'values')) });
    }
  }
  for (const sel of advanced.filter(isObject)) {
    const fs = field(sel, 'fieldSelectors');
    const fields = Array.isArray(fs) ? fs.filter(isObject) : [];
    const named = (name: string) => fields.find((f) => typeof field(f, 'field') === 'string' && String(field(f, 'field')).toLowerCase() === name.toLowerCase());
    const category = named('eventCategory');
    if (category && !strings(field(category, 'equals')).includes('Data')) continue;
    const types = named('resources.type');
    for (const type of types ? strings(field(types, 'equals')) : []) {
      const arn = named('resources.ARN');
      const values = arn ? [...strings(field(arn, 'equals')), ...strings(field(arn, 'startsWith'))] : [];
      out.push({ type, values: values.length > 0 ? values : typeof type === 'string' ? [allOfType(type)] : [] });
    }
  }
  return out;
}

/** Selectors wherever the item carries them; without them, custom selectors mean the data events are not known. */
function dataEvents(r: ItemReader): DataEvents {
  const paths = ['configuration.eventSelectors', 'supplementaryConfiguration.EventSelectors', 'configuration.advancedEventSelectors', 'supplementaryConfiguration.AdvancedEventSelectors'];
  const found = paths.filter((p) => r.has(p));
  if (found.length > 0) {
    r.mark('trail.dataEvents', found[0]);
    const list = (p: string) => {
      const v = r.raw(p);
      return Array.isArray(v) ? v : [];
    };
    return selectorsToDataEvents([...list(paths[0]), ...list(paths[1])], [...list(paths[2]), ...list(paths[3])]);
  }
  const custom = r.bool('trail.dataEvents', 'configuration.hasCustomEventSelectors', false);
  if (custom === false) return [];
  const why = unknown('the trail has custom event selectors that the configuration item does not list');
  return [{ type: why, values: [why] }];
}

/**
 * Logging status is GetTrailStatus, not DescribeTrails: read it where an item carries it
 * (`isLogging`, `TrailStatus.isLogging`), else it is unknown, never assumed on.
 */
function isLogging(r: ItemReader): Tri {
  for (const p of ['configuration.isLogging', 'supplementaryConfiguration.TrailStatus.isLogging']) {
    if (r.has(p)) return r.bool('trail.isLogging', p, true);
  }
  return unknown('the AWS Config item does not record whether the trail is logging');
}

/** AWS::CloudTrail::Trail (DescribeTrails casing). */
export const trail: ItemMapper = (r) => {
  const key = r.str('trail.kmsKey', 'configuration.kmsKeyId');
  return {
    trail: {
      multiRegion: r.bool('trail.multiRegion', 'configuration.isMultiRegionTrail', false),
      logFileValidation: r.bool('trail.logFileValidation', 'configuration.logFileValidationEnabled', false),
      kmsKey: key === undefined ? null : key,
      isLogging: isLogging(r),
      dataEvents: dataEvents(r),
    },
  };
};
