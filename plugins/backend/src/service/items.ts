/**
 * Identity of a raw AWS Config item, as the refresh compares items between runs: the key names
 * the resource (ARN when present, else account/region/type/id) and the capture time says which
 * version of it this is. Items arrive as objects or, from advanced queries, as JSON strings.
 */
export interface ItemIdentity {
  key: string;
  captureTime: string | undefined;
  resourceType: string | undefined;
  resourceId: string | undefined;
  accountId: string | undefined;
  region: string | undefined;
}

export function asObject(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

const str = (o: Record<string, unknown>, ...names: string[]): string | undefined => {
  for (const n of names) if (typeof o[n] === 'string' && o[n] !== '') return o[n] as string;
  return undefined;
};

export function identityOf(raw: unknown): ItemIdentity | undefined {
  const o = asObject(raw);
  if (!o) return undefined;
  const resourceType = str(o, 'resourceType', 'ResourceType');
  const resourceId = str(o, 'resourceId', 'ResourceId');
  const accountId = str(o, 'accountId', 'awsAccountId', 'AccountId');
  const region = str(o, 'awsRegion', 'AwsRegion');
  const arn = str(o, 'arn', 'ARN', 'Arn');
  if (!arn && !(resourceType && resourceId)) return undefined;
  return {
    key: arn ?? `${accountId ?? ''}/${region ?? ''}/${resourceType}/${resourceId}`,
    captureTime: str(o, 'configurationItemCaptureTime', 'ConfigurationItemCaptureTime'),
    resourceType,
    resourceId,
    accountId,
    region,
  };
}
