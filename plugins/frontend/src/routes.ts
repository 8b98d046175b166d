import { createRouteRef } from '@backstage/core-plugin-api';

/** The overview page (classic frontend system). */
export const rootRouteRef = createRouteRef({ id: 'pillarguard' });
