import type { PolicyStatement, Resource, V } from '../model';
import { isUnknown, unknown } from '../model';
import type { ResourceIndex } from '../engine/resource-index';
import { isAnyResource, resourcePatternMatches, splitArn } from './resource-pattern';
import { anyOf, not } from './tri';
import { globMatches, hasWildcard } from './wildcard';

/**
 * Which DynamoDB tables of the input a statement's resources cover. A resource entry may be a
 * reference (`${Orders.Arn}`, `${aws_dynamodb_table.orders.arn}`), an ARN, an ARN pattern
 * (`arn:aws:dynamodb:*:*:table/orders-*`), `*`, or any of them with an index/stream suffix
 * (`${Orders.Arn}/index/*`: item reads through an index are reads of the table's data).
 */
export const TABLE_TYPES: readonly string[] = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'];

/** `…/index/x`, `…/stream/x`, `…/backup/x`, `…/export/x` → the table part. */
function tablePart(pattern: string): string {
  return pattern.replace(/\/(index|stream|backup|export|import)(\/.*)?$/, '');
}

function tableName(table: Resource): V<string> | undefined {
  return table.facets.dynamodb?.tableName ?? table.name;
}

function patternCovers(pattern: string, table: Resource, index: ResourceIndex): V<boolean> {
  if (isAnyResource(pattern)) return true;
  const base = tablePart(pattern);
  if (!hasWildcard(base) && index.resolve(base, TABLE_TYPES) === table) return true;
  if (table.arn && (resourcePatternMatches(pattern, table.arn) || resourcePatternMatches(base, table.arn))) return true;
  const arn = splitArn(base);
  if (!arn || !hasWildcard(base) || !globMatches(arn.service, 'dynamodb', false)) return false;
  const name = tableName(table);
  if (isUnknown(name)) return unknown(`table ${table.id}'s name cannot be resolved (${name.reason}), so whether ${pattern} covers it cannot be told`);
  // A table without a name gets a generated one: only a pattern open on the whole name covers it.
  return globMatches(arn.resource, `table/${name ?? '*'}`, false) && (name !== undefined || /^table\/\*+$/.test(arn.resource));
}

/** Whether the statement's Resource/NotResource covers the table. */
export function coversTable(stmt: PolicyStatement, table: Resource, index: ResourceIndex): V<boolean> {
  if (stmt.notResources) return not(anyOf(stmt.notResources.map((p) => (isUnknown(p) ? p : patternCovers(p, table, index)))));
  if (!stmt.resources) return true;
  return anyOf(stmt.resources.map((p) => (isUnknown(p) ? p : patternCovers(p, table, index))));
}

/**
 * `coversTable` for many tables at once, without testing every table against every statement: a
 * `*` resource covers them all, and exact resources (references, ARNs) name their tables through
 * the index. Only wildcard patterns and NotResource fall back to testing each table. Returns the
 * tables that may be covered (verdict true or unknown).
 */
export function tablesCoveredBy(stmt: PolicyStatement, tables: readonly Resource[], index: ResourceIndex): Array<{ table: Resource; covered: V<boolean> }> {
  const resources = stmt.resources;
  if (!stmt.notResources && resources) {
    if (resources.some((p) => !isUnknown(p) && isAnyResource(p))) return tables.map((table) => ({ table, covered: true }));
    if (resources.every((p) => !isUnknown(p) && !hasWildcard(tablePart(p)) && !hasWildcard(p))) {
      const wanted = setOf(tables);
      const out: Array<{ table: Resource; covered: V<boolean> }> = [];
      for (const p of resources as string[]) {
        const t = index.resolve(tablePart(p), TABLE_TYPES);
        if (t && wanted.has(t) && !out.some((o) => o.table === t)) out.push({ table: t, covered: true });
      }
      return out;
    }
  }
  return tables.map((table) => ({ table, covered: coversTable(stmt, table, index) })).filter((t) => t.covered !== false);
}

/** One Set per table list (the same list is passed for every statement of an input). */
const sets = new WeakMap<readonly Resource[], ReadonlySet<Resource>>();
function setOf(tables: readonly Resource[]): ReadonlySet<Resource> {
  let set = sets.get(tables);
  if (!set) {
    set = new Set(tables);
    sets.set(tables, set);
  }
  return set;
}
