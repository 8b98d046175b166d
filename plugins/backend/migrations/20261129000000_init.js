/*
 * Pillarguard backend: current scores per catalog entity, their history, and the state of the
 * last refresh. Scores per pillar are columns (not JSON) so the overview filters and sorts in SQL.
 */

const PILLARS = ['identity', 'classification', 'network', 'encryption', 'secrets', 'monitoring', 'policy_as_code', 'recovery'];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('pillarguard_entity_scores', (t) => {
    t.comment('Current pillar scores of each catalog entity that names AWS resources');
    t.string('entity_ref', 255).primary().notNullable();
    t.string('kind', 64).notNullable();
    t.string('namespace', 255).notNullable();
    t.string('name', 255).notNullable();
    t.string('title', 255).nullable();
    t.string('owner', 255).nullable().index();
    t.string('type', 255).nullable();
    t.string('system', 255).nullable();
    t.string('level', 16).notNullable();
    t.float('overall').nullable();
    for (const p of PILLARS) t.float(`score_${p}`).nullable();
    t.integer('finding_count').notNullable().defaultTo(0);
    t.integer('critical_count').notNullable().defaultTo(0);
    t.integer('high_count').notNullable().defaultTo(0);
    t.integer('resource_count').notNullable().defaultTo(0);
    t.string('evaluated_at', 32).notNullable().comment('ISO time of the evaluation that produced these scores');
    t.string('findings_hash', 64).notNullable().comment('Hash of the open finding ids: a change is a history row');
    t.string('content_hash', 64).notNullable().comment('Hash of everything stored: an unchanged entity is not written again');
    // Last: SQLite keeps a large text in overflow pages, and columns after it would be read through them.
    t.text('body').notNullable().comment('JSON: the entity route body as served (scores, findings, AWS Config compliance, resources, roll-ups, annotation problems)');
  });
  await knex.schema.createTable('pillarguard_history', (t) => {
    t.comment('One row per evaluation that changed an entity (a score, the level or the findings)');
    t.bigIncrements('id').primary();
    t.string('entity_ref', 255).notNullable();
    t.string('evaluated_at', 32).notNullable();
    t.string('level', 16).notNullable();
    t.float('overall').nullable();
    t.text('pillars').notNullable().comment('JSON: pillar → score (null where no rule applied)');
    t.text('finding_ids').notNullable().comment('JSON: ids of the open findings');
    t.index(['entity_ref', 'evaluated_at'], 'pillarguard_history_entity_time_idx');
    t.index(['evaluated_at'], 'pillarguard_history_time_idx');
  });
  await knex.schema.createTable('pillarguard_refresh', (t) => {
    t.comment('The last refresh attempt and the last good one (a single row, id 1)');
    t.integer('id').primary();
    t.string('provider', 32).notNullable();
    t.string('attempted_at', 32).nullable();
    t.string('succeeded_at', 32).nullable();
    t.text('report').notNullable().comment('JSON: counts, AWS calls, problems of the last attempt');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pillarguard_refresh');
  await knex.schema.dropTable('pillarguard_history');
  await knex.schema.dropTable('pillarguard_entity_scores');
};
