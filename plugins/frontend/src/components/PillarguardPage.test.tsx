import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { alertApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { pillarguardApiRef, type PillarguardApi } from '../api/PillarguardApi';
import type { OverviewQuery } from '../api/types';
import { overview } from '../__fixtures__/scores';
import { PillarguardPage } from './PillarguardPage';

const MOUNT = { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } };

function render(api: Partial<PillarguardApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[pillarguardApiRef, api]]}>
      <PillarguardPage />
    </TestApiProvider>,
    MOUNT,
  );
}

describe('PillarguardPage', () => {
  it('shows entities × pillars as a heat map, paged by the backend, with the roll-up', async () => {
    const getOverview = jest.fn(async (q: OverviewQuery) => overview(60, q.page, q.pageSize));
    await render({ getOverview });
    expect(await screen.findByText('table-0')).toBeInTheDocument();
    expect(getOverview).toHaveBeenCalledWith({ page: 1, pageSize: 25 });
    expect(screen.getByTestId('rollup')).toHaveTextContent('60 entities · overall average 88.5 · No level 0 · Bronze 0 · Silver 60 · Gold 0 · 120 open findings');
    const row = screen.getByText('table-0').closest('tr')!;
    expect(within(row).getByLabelText('Identity: no rule applies')).toHaveTextContent('n/a');
    expect(within(row).getByLabelText('Classification: 7')).toBeInTheDocument();
    // The next page comes from the backend, not from rows held in the browser.
    fireEvent.click(screen.getAllByRole('button', { name: /next page/i })[0]);
    expect(await screen.findByText('table-25')).toBeInTheDocument();
    expect(getOverview).toHaveBeenLastCalledWith({ page: 2, pageSize: 25 });
  });

  it('filters through the backend: owner, level, pillar below a score, search', async () => {
    const getOverview = jest.fn(async (q: OverviewQuery) => overview(3, q.page, q.pageSize));
    await render({ getOverview });
    await screen.findByText('table-0');
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'team-orders' } });
    await waitFor(() => expect(getOverview).toHaveBeenLastCalledWith(expect.objectContaining({ owner: 'team-orders' })));
    fireEvent.change(screen.getByLabelText('Score below'), { target: { value: '80' } });
    await waitFor(() => expect(getOverview).toHaveBeenLastCalledWith(expect.objectContaining({ owner: 'team-orders', below: 80 })));
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'orders' } });
    await waitFor(() => expect(getOverview).toHaveBeenLastCalledWith(expect.objectContaining({ search: 'orders', below: 80 })));
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(getOverview).toHaveBeenLastCalledWith({ page: 1, pageSize: 25 }));
  });

  it('sorts on the backend and keeps its order; a new filter starts on the first page', async () => {
    // The fake backend sorts "desc" by reversing: the table must show its order, not re-sort the page.
    const getOverview = jest.fn(async (q: OverviewQuery) => {
      const o = overview(60, q.page, q.pageSize);
      return q.order === 'desc' ? { ...o, items: [...o.items].reverse() } : o;
    });
    await render({ getOverview });
    await screen.findByText('table-0');
    fireEvent.click(screen.getByRole('button', { name: 'Overall' }));
    await waitFor(() => expect(getOverview).toHaveBeenLastCalledWith({ page: 1, pageSize: 25, sort: 'overall', order: 'asc' }));
    fireEvent.click(screen.getByRole('button', { name: 'Overall' }));
    await waitFor(() => expect(getOverview).toHaveBeenLastCalledWith({ page: 1, pageSize: 25, sort: 'overall', order: 'desc' }));
    await waitFor(() => expect(screen.getAllByRole('row')[1]).toHaveTextContent('table-24'));
    fireEvent.click(screen.getAllByRole('button', { name: /next page/i })[0]);
    await waitFor(() => expect(getOverview).toHaveBeenLastCalledWith({ page: 2, pageSize: 25, sort: 'overall', order: 'desc' }));
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'team-1' } });
    await waitFor(() => expect(getOverview).toHaveBeenLastCalledWith({ owner: 'team-1', page: 1, pageSize: 25, sort: 'overall', order: 'desc' }));
  });

  it('shows the error from the backend', async () => {
    await render({ getOverview: async () => Promise.reject(new Error('not allowed: pillarguard.findings.read')) });
    expect((await screen.findAllByText(/not allowed: pillarguard\.findings\.read/)).length).toBeGreaterThan(0);
  });

  it('an empty overview says so', async () => {
    await render({ getOverview: async () => overview(0) });
    expect(await screen.findByText(/No records to display|No data/i)).toBeInTheDocument();
  });

  it('warns when the scores are stale', async () => {
    await render({ getOverview: async (q) => ({ ...overview(2, q.page, q.pageSize), stale: true, ageSeconds: 7200 }) });
    expect((await screen.findAllByText(/Scores are stale: the last good refresh was 2 h ago/)).length).toBeGreaterThan(0);
  });

  it('says so when the CSV export fails, and drops the rows of an earlier query on an error', async () => {
    const post = jest.fn();
    let fail = false;
    const getOverview = jest.fn(async (q: OverviewQuery) => {
      if (q.pageSize === 500 || fail) throw new Error('backend unavailable');
      return overview(30, q.page, q.pageSize);
    });
    await renderInTestApp(
      <TestApiProvider apis={[[pillarguardApiRef, { getOverview }], [alertApiRef, { post } as unknown as typeof alertApiRef.T]]}>
        <PillarguardPage />
      </TestApiProvider>,
      MOUNT,
    );
    await screen.findByText('table-0');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(post).toHaveBeenCalledWith(expect.objectContaining({ message: 'CSV export failed: backend unavailable', severity: 'error' })));
    fail = true;
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'team-1' } });
    expect((await screen.findAllByText(/backend unavailable/)).length).toBeGreaterThan(0);
    expect(screen.queryByText('table-0')).not.toBeInTheDocument();
  });

  it('exports every matching row as CSV, page by page', async () => {
    const getOverview = jest.fn(async (q: OverviewQuery) => overview(1200, q.page, q.pageSize));
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return 'blob:csv';
    });
    URL.revokeObjectURL = jest.fn();
    await render({ getOverview });
    await screen.findByText('table-0');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(getOverview.mock.calls.filter(([q]) => q.pageSize === 500).map(([q]) => q.page)).toEqual([1, 2, 3]);
    const text = await created[0].text();
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1201);
    expect(text.startsWith('entity,title,owner,system,type,level,overall,identity,')).toBe(true);
  });
});
