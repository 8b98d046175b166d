import React from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { alertApiRef, type AlertApi } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { pillarguardApiRef, type PillarguardApi } from '../api/PillarguardApi';
import { history, plainEntity, scores, tableEntity } from '../__fixtures__/scores';
import { EntityPillarguardContent } from './EntityPillarguardContent';

const alerts: Array<{ message: string }> = [];
const alertApi = { post: (a: { message: string }) => alerts.push(a), alert$: () => ({ subscribe: () => ({ unsubscribe() {} }) }) } as unknown as AlertApi;

function render(api: Partial<PillarguardApi>, options: { entity?: Entity; refresh?: AuthorizeResult.ALLOW | AuthorizeResult.DENY } = {}) {
  return renderInTestApp(
    <TestApiProvider apis={[[pillarguardApiRef, api], [permissionApiRef, mockApis.permission({ authorize: options.refresh ?? AuthorizeResult.ALLOW })], [alertApiRef, alertApi]]}>
      <EntityProvider entity={options.entity ?? tableEntity}>
        <EntityPillarguardContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityPillarguardContent', () => {
  beforeEach(() => (alerts.length = 0));

  it('groups findings by pillar with severity, resource, failing property, rationale and copyable fixes', async () => {
    await render({ getEntityScores: async () => scores, getHistory: async () => history });
    expect(screen.getByRole('heading', { name: 'Encryption (1)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Backup & recovery (1)' })).toBeInTheDocument();
    expect(screen.getByText('Findings (2 open)')).toBeInTheDocument();
    fireEvent.click(screen.getByText('Red and orange tables use a customer-managed KMS key'));
    expect(await screen.findByText('configuration.sseDescription.status')).toBeInTheDocument();
    expect(screen.getByText(/audit and revoke access/)).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'CloudFormation' })).toBeInTheDocument();
    // The snippet is syntax-highlighted (split into tokens): compare the text.
    await waitFor(() => expect(document.body.textContent).toContain('SSEType: KMS'));
    fireEvent.click(screen.getByRole('tab', { name: 'Terraform' }));
    await waitFor(() => expect(document.body.textContent).toContain('server_side_encryption'));
    expect(screen.getAllByRole('button', { name: /copy/i }).length).toBeGreaterThan(0);
    // AWS Config's own verdicts beside ours, and a history per pillar.
    expect(screen.getByText('dynamodb-pitr-enabled')).toBeInTheDocument();
    expect(screen.getByText('COMPLIANT')).toBeInTheDocument();
    expect(screen.getByText('Backup & recovery: +13 points')).toBeInTheDocument();
  });

  it('refreshes for those allowed, and reloads the scores', async () => {
    const getEntityScores = jest.fn().mockResolvedValue(scores);
    const refresh = jest.fn().mockResolvedValue({ refresh: { ok: true, problems: [], finishedAt: '' }, entity: scores });
    await render({ getEntityScores, getHistory: async () => history, refresh });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    await waitFor(() => expect(refresh).toHaveBeenCalledWith({ kind: 'Resource', namespace: 'default', name: 'customer-profiles-table' }));
    await waitFor(() => expect(getEntityScores).toHaveBeenCalledTimes(2));
    expect(alerts.map((a) => a.message)).toEqual(['Pillarguard scores refreshed']);
  });

  it('hides the refresh button from those the policy denies', async () => {
    // Another entity: permission decisions are cached per request (entity) by the permission hook.
    const other = { ...tableEntity, metadata: { ...tableEntity.metadata, name: 'other-table' } };
    await render({ getEntityScores: async () => scores, getHistory: async () => history }, { entity: other, refresh: AuthorizeResult.DENY });
    expect(screen.getByText('Findings (2 open)')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refresh now' })).not.toBeInTheDocument();
  });

  it('warns when the scores are stale', async () => {
    await render({ getEntityScores: async () => ({ ...scores, stale: true, ageSeconds: 2 * 86400 }), getHistory: async () => history });
    expect(screen.getAllByText(/These scores are stale: the last good refresh was 2 days ago/).length).toBeGreaterThan(0);
  });

  it('loading, error and empty states', async () => {
    await render({ getEntityScores: () => new Promise(() => {}), getHistory: async () => [] });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('an error is shown, not thrown', async () => {
    await render({ getEntityScores: async () => Promise.reject(new Error('403 not allowed: pillarguard.findings.read')), getHistory: async () => [] });
    expect(screen.getAllByText(/not allowed: pillarguard\.findings\.read/).length).toBeGreaterThan(0);
  });

  it('an entity without annotations gets the annotation to add', async () => {
    await render({ getEntityScores: async () => undefined, getHistory: async () => [] }, { entity: plainEntity });
    expect(screen.getByRole('heading', { name: 'Add an AWS annotation to score this entity' })).toBeInTheDocument();
    expect(screen.getAllByText('aws.amazon.com/arn').length).toBeGreaterThan(0);
  });
});
