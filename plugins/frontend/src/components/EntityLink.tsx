import React from 'react';
import { type CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteParams, entityRouteRef, humanizeEntityRef } from '@backstage/plugin-catalog-react';

/**
 * A link to an entity's catalog page with the text we already have. The overview's 25 rows × 2
 * links do not use EntityRefLink: it looks each entity up for its presentation (a catalog request
 * per owner in a real app) and mounts a tooltip per link — most of a filter's render time in
 * bench/portal.js.
 */
export function EntityLink(props: { entityRef: string; title?: string; defaultKind?: string }) {
  const entityRoute = useRouteRef(entityRouteRef);
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(props.entityRef, { defaultKind: props.defaultKind ?? 'component', defaultNamespace: 'default' });
  } catch {
    // A malformed reference is shown as text rather than taking the table down.
    return <>{props.title ?? props.entityRef}</>;
  }
  return <Link to={entityRoute(entityRouteParams(ref))}>{props.title ?? humanizeEntityRef(ref, { defaultKind: props.defaultKind })}</Link>;
}
