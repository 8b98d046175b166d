import React from 'react';
import { screen } from '@testing-library/react';
import { axe, toHaveNoViolations } from 'jest-axe';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { pillarguardApiRef } from '../api/PillarguardApi';
import { history, overview, scores, tableEntity } from '../__fixtures__/scores';
import { EntityPillarguardCard } from './EntityPillarguardCard';
import { EntityPillarguardContent } from './EntityPillarguardContent';
import { PillarguardPage } from './PillarguardPage';

expect.extend(toHaveNoViolations);

// Structure, names and roles in jsdom; colour contrast needs a real browser (the end-to-end test).
const api = { getEntityScores: async () => scores, getHistory: async () => history, getOverview: async (q: { page?: number; pageSize?: number }) => overview(30, q.page, q.pageSize) };

describe('accessibility (axe)', () => {
  it.each([
    ['entity card', <EntityPillarguardCard />, 'Security pillars'],
    ['entity tab', <EntityPillarguardContent />, 'Findings (2 open)'],
  ])('%s', async (_name, view, ready) => {
    const { container } = await renderInTestApp(
      <TestApiProvider apis={[[pillarguardApiRef, api], [permissionApiRef, mockApis.permission({ authorize: AuthorizeResult.ALLOW })]]}>
        <EntityProvider entity={tableEntity}>{view}</EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByText(ready)).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  });

  it('overview page', async () => {
    const { container } = await renderInTestApp(
      <TestApiProvider apis={[[pillarguardApiRef, api]]}>
        <PillarguardPage />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByText('table-0')).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  }, 30000);
});
