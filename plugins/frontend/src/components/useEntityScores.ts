import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { pillarguardApiRef } from '../api/PillarguardApi';
import type { HistoryPoint } from '../api/types';

import { ANNOTATION_ARN, ANNOTATION_TAGS } from '@pillarguard/backstage-plugin-common';

export { ANNOTATION_ARN, ANNOTATION_TAGS };

/** The current entity's name as the API's routes take it. */
export function useEntityName() {
  const { entity } = useEntity();
  return { kind: entity.kind, namespace: entity.metadata.namespace ?? 'default', name: entity.metadata.name };
}

/**
 * Whether the entity names AWS resources itself. A Component or System without the annotations
 * may still be scored through what it rolls up, so this only shapes the empty state.
 */
export function useHasAwsAnnotations(): boolean {
  const { entity } = useEntity();
  const a = entity.metadata.annotations ?? {};
  return a[ANNOTATION_ARN] !== undefined || a[ANNOTATION_TAGS] !== undefined;
}

/** The entity's scores and its history over the last `days` (for trends), loaded together. */
export function useEntityScores(days = 30) {
  const api = useApi(pillarguardApiRef);
  const name = useEntityName();
  return useAsyncRetry(async () => {
    const scores = await api.getEntityScores(name);
    const history: HistoryPoint[] = scores ? await api.getHistory(name, { days }) : [];
    return { scores, history };
  }, [api, name.kind, name.namespace, name.name, days]);
}
