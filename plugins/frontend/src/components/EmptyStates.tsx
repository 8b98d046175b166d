import React from 'react';
import { EmptyState, MissingAnnotationEmptyState } from '@backstage/core-components';
import { ANNOTATION_ARN, ANNOTATION_TAGS } from './useEntityScores';

/**
 * An entity the plugin has no scores for: explains the annotation to add when it has none, or
 * that the first evaluation has not run yet — never an error.
 */
export function NoScores(props: { hasAnnotations: boolean }) {
  if (!props.hasAnnotations) {
    return <MissingAnnotationEmptyState annotation={[ANNOTATION_ARN, ANNOTATION_TAGS]} readMoreUrl="https://github.com/pillarguard/pillarguard/blob/main/docs/api.md#which-resources-belong-to-which-entity" />;
  }
  return (
    <EmptyState
      missing="data"
      title="Not evaluated yet"
      description="This entity names AWS resources, but Pillarguard has not evaluated them yet (or none of them is in AWS Config). Scores appear after the next refresh."
    />
  );
}
