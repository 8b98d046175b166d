import React from 'react';
import { screen } from '@testing-library/react';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import plugin from './alpha';
import { pillarguardApiRef } from './api/PillarguardApi';
import { history, plainEntity, scores, tableEntity } from './__fixtures__/scores';

const api = { getEntityScores: async () => scores, getHistory: async () => history, getOverview: async () => Promise.reject(new Error('unused')), refresh: async () => Promise.reject(new Error('unused')) };

describe('new frontend system (/alpha)', () => {
  it('provides the API, the overview page, and the entity card and tab', () => {
    for (const id of ['api:pillarguard', 'page:pillarguard', 'entity-card:pillarguard/pillars', 'entity-content:pillarguard/pillars']) {
      expect([id, plugin.getExtension(id as never)]).toEqual([id, expect.anything()]);
    }
  });

  it('shows the card and the tab on entities that can carry scores only', () => {
    const card = createExtensionTester(plugin.getExtension('entity-card:pillarguard/pillars'));
    const content = createExtensionTester(plugin.getExtension('entity-content:pillarguard/pillars'));
    const component = { ...plainEntity, kind: 'Component' };
    const filters = [card.get(EntityCardBlueprint.dataRefs.filterFunction), content.get(EntityContentBlueprint.dataRefs.filterFunction)];
    for (const filter of filters) expect([filter!(tableEntity), filter!(component), filter!(plainEntity)]).toEqual([true, true, false]);
    expect(content.get(coreExtensionData.routePath)).toBe('pillarguard');
  });

  it('the card extension renders the scores through the API', async () => {
    const tester = createExtensionTester(plugin.getExtension('entity-card:pillarguard/pillars'));
    renderInTestApp(<EntityProvider entity={tableEntity}>{tester.reactElement()}</EntityProvider>, { apis: [[pillarguardApiRef, api]] });
    expect(await screen.findByTestId('overall-score')).toHaveTextContent('Overall 57');
  });
});
