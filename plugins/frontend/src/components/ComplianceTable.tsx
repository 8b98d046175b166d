import React from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import type { ConfigRuleCompliance } from '../api/types';

type Row = ConfigRuleCompliance & { resource: string; id: string };

const columns: TableColumn<Row>[] = [
  { title: 'Resource', field: 'resource' },
  { title: 'AWS Config rule', field: 'rule' },
  { title: 'Compliance', field: 'compliance' },
  { title: 'Annotation', field: 'annotation', emptyValue: '' },
  { title: 'Evaluated', field: 'evaluatedAt', emptyValue: '', render: (r) => (r.evaluatedAt ? new Date(r.evaluatedAt).toLocaleString() : '') },
];

/** AWS Config rule results beside our own verdicts (per resource, as AWS Config reports them). */
export function ComplianceTable(props: { compliance: Record<string, ConfigRuleCompliance[]> }) {
  const rows: Row[] = Object.entries(props.compliance).flatMap(([resource, list]) => list.map((c) => ({ ...c, resource, id: `${resource}:${c.rule}` })));
  return (
    <Table<Row>
      title="AWS Config rule compliance"
      options={{ paging: rows.length > 20, pageSize: 20, search: false, padding: 'dense', draggable: false }}
      columns={columns}
      data={rows}
      emptyContent={<div style={{ padding: 16 }}>No AWS Config rule results for these resources (none recorded, or the snapshot provider is in use).</div>}
    />
  );
}
