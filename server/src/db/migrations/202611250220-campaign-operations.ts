import type { Kysely } from 'kysely';
import { createPathIndex, isPostgres } from '../portable.ts';

// The yearly campaign and its operations: plan of activities (with evidence and the director's approval),
// texts of the stand and booklets, the hotline log, raids, and non-attendance cases with their steps.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A campaign row on a unit applies to every school below it; a school may hold its own for itself.
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text', (c) => c.notNull())
    .addColumn('motto_ru', 'text')
    .addColumn('motto_kk', 'text')
    .addColumn('goals', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('campaigns_org_year', ['org_path', 'year'])
    .execute();
  await createPathIndex(db, 'campaigns_org_path', 'campaigns', 'org_path');

  await db.schema
    .createTable('plan_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createPathIndex(db, 'plan_items_org_path', 'plan_items', 'org_path');
  await db.schema.createIndex('plan_items_campaign').on('plan_items').column('campaign_id').execute();

  await db.schema
    .createTable('plan_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_item_id', 'text', (c) => c.notNull().references('plan_items.id').onDelete('cascade'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // file | link
    .addColumn('url', 'text')
    .addColumn('file_name', 'text')
    .addColumn('mime', 'text')
    .addColumn('size', 'bigint')
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_evidence_item').on('plan_evidence').column('plan_item_id').execute();

  // The director's approval of one school's plan for one campaign.
  await db.schema
    .createTable('plan_approvals')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_approvals_pk', ['campaign_id', 'org_path'])
    .execute();

  // The school's own wording of the stand and booklets, per language (JSON of the edited texts).
  await db.schema
    .createTable('material_texts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('texts', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('material_texts_key', ['campaign_id', 'org_path', 'lang'])
    .execute();

  await db.schema
    .createTable('hotline_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('caller', 'text')
    .addColumn('caller_phone', 'text')
    .addColumn('child_id', 'text')
    .addColumn('about', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('handler', 'text')
    .addColumn('action_taken', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createPathIndex(db, 'hotline_calls_org_path', 'hotline_calls', 'org_path');

  await db.schema
    .createTable('raids')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('time_from', 'text')
    .addColumn('time_to', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createPathIndex(db, 'raids_org_path', 'raids', 'org_path');

  await db.schema
    .createTable('raid_places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('raid_id', 'text', (c) => c.notNull().references('raids.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .execute();
  await db.schema.createIndex('raid_places_raid').on('raid_places').column('raid_id').execute();

  await db.schema
    .createTable('raid_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('raid_id', 'text', (c) => c.notNull().references('raids.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('organisations', 'text')
    .execute();
  await db.schema.createIndex('raid_participants_raid').on('raid_participants').column('raid_id').execute();

  // A child found in a raid: a registry child (child_id) and/or the quick record typed on the spot.
  await db.schema
    .createTable('raid_children')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('raid_id', 'text', (c) => c.notNull().references('raids.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('child_id', 'text')
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('action', 'text')
    .execute();
  await db.schema.createIndex('raid_children_raid').on('raid_children').column('raid_id').execute();

  // Non-attendance follow-up of one child, from identification to "attends school".
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    .addColumn('child_id', 'text')
    .addColumn('child_name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // raid | teacher | hotline
    .addColumn('source_id', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open')) // open | closed
    .addColumn('outcome', 'text') // attends_school
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createPathIndex(db, 'cases_org_path', 'cases', 'org_path');
  await db.schema.createIndex('cases_child').on('cases').column('child_id').execute();

  await db.schema
    .createTable('case_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text', (c) => c.notNull())
    .addColumn('by_whom', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('next_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_steps_case').on('case_steps').column('case_id').execute();
}
