import React from 'react';
import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { pillarguardApiRef, type PillarguardApi } from '../api/PillarguardApi';
import { history, plainEntity, scores, tableEntity } from '../__fixtures__/scores';
import { EntityPillarguardCard } from './EntityPillarguardCard';

function render(api: Partial<PillarguardApi>, entity: Entity = tableEntity) {
  return renderInTestApp(
    <TestApiProvider apis={[[pillarguardApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityPillarguardCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityPillarguardCard', () => {
  it('shows the eight scores, the level, the overall score, the 30-day trend and a link to the tab', async () => {
    const getHistory = jest.fn().mockResolvedValue(history);
    await render({ getEntityScores: async () => scores, getHistory });
    expect(screen.getByText('Bronze')).toBeInTheDocument();
    expect(screen.getByTestId('overall-score')).toHaveTextContent('Overall 57');
    expect(screen.getByTestId('pillar-score-encryption')).toHaveTextContent('0');
    expect(screen.getByTestId('pillar-score-recovery')).toHaveTextContent('63');
    expect(screen.getByTestId('pillar-score-identity')).toHaveTextContent('n/a');
    expect(screen.getAllByRole('meter')).toHaveLength(8);
    expect(screen.getByText('Last 30 days: +7 points')).toBeInTheDocument();
    expect(screen.getByText('View findings')).toBeInTheDocument();
    expect(screen.queryByText(/Stale/)).not.toBeInTheDocument();
    expect(getHistory).toHaveBeenCalledWith({ kind: 'Resource', namespace: 'default', name: 'customer-profiles-table' }, { days: 30 });
  });

  it('marks stale scores with their age', async () => {
    await render({ getEntityScores: async () => ({ ...scores, stale: true, ageSeconds: 3 * 3600 }), getHistory: async () => history });
    expect(screen.getByText('Stale · 3 h ago')).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await render({ getEntityScores: () => new Promise(() => {}), getHistory: async () => [] });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error', async () => {
    await render({ getEntityScores: async () => Promise.reject(new Error('pillarguard backend unreachable')), getHistory: async () => [] });
    expect(screen.getAllByText(/pillarguard backend unreachable/).length).toBeGreaterThan(0);
  });

  it('explains the annotation to add on an entity without one, not an error', async () => {
    await render({ getEntityScores: async () => undefined, getHistory: async () => [] }, plainEntity);
    expect(screen.getByRole('heading', { name: 'Add an AWS annotation to score this entity' })).toBeInTheDocument();
    expect(screen.getAllByText('aws.amazon.com/arn').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/aws\.amazon\.com\/arn/).length).toBeGreaterThan(0);
  });

  it('says "not evaluated yet" for an annotated entity without scores', async () => {
    await render({ getEntityScores: async () => undefined, getHistory: async () => [] });
    expect(screen.getByText('Not evaluated yet')).toBeInTheDocument();
  });
});
