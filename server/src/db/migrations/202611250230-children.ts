import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { createPathIndex } from '../portable.ts';

// The children registry: children, their guardians, categories with proof, status history, the need-items
// catalogue, needs per child, probable-duplicate flags and transfers between schools.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('children')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    // Unique across the whole system: a child moving school is moved, not copied. NULL until the IIN is known.
    .addColumn('iin', 'text', (c) => c.unique())
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('patronymic', 'text')
    // Lower-cased "surname name patronymic", computed by the application (SQLite's lower() is ASCII-only):
    // the search and sort key of lists.
    .addColumn('sort_name', 'text', (c) => c.notNull())
    // "surname|name|birth date" lower-cased: finds probable duplicates of children without an IIN.
    .addColumn('dup_key', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('sex', 'text')
    .addColumn('grade', 'integer', (c) => c.notNull())
    .addColumn('class_label', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('notes', 'text')
    .addColumn('not_attending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('consent_by', 'text')
    .addColumn('consent_date', 'text')
    .addColumn('consent_scope', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createPathIndex(db, 'children_org_path', 'children', 'org_path');
  // Keyset paging: every sort ends in the id so that the order is total.
  await db.schema
    .createIndex('children_school_name')
    .on('children')
    .columns(['org_unit_id', 'sort_name', 'id'])
    .execute();
  await db.schema
    .createIndex('children_school_class')
    .on('children')
    .columns(['org_unit_id', 'grade', 'class_label', 'sort_name', 'id'])
    .execute();
  await db.schema.createIndex('children_name').on('children').columns(['sort_name', 'id']).execute();
  await db.schema.createIndex('children_birth').on('children').columns(['birth_date', 'id']).execute();
  await db.schema.createIndex('children_updated').on('children').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('children_dup_key').on('children').column('dup_key').execute();

  await db.schema
    .createTable('child_guardians')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text')
    .addColumn('phone', 'text')
    .addColumn('iin', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('child_guardians_child').on('child_guardians').column('child_id').execute();

  await db.schema
    .createTable('child_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('doc_name', 'text')
    .addColumn('doc_number', 'text')
    .addColumn('doc_date', 'text')
    .addColumn('valid_until', 'text')
    .addUniqueConstraint('child_categories_child_code', ['child_id', 'code'])
    .execute();
  await db.schema
    .createIndex('child_categories_code')
    .on('child_categories')
    .columns(['code', 'child_id'])
    .execute();

  await db.schema
    .createTable('child_status_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('child_status_history_child')
    .on('child_status_history')
    .columns(['child_id', 'at'])
    .execute();

  await db.schema
    .createTable('need_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_kk', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('has_size', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('default_cost', 'bigint')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  const now = new Date().toISOString();
  const seed: [string, string, string, string, number, number][] = [
    [
      'supplies',
      'оқу-жазу құралдары жиынтығы',
      'набор школьно-письменных принадлежностей',
      'school supplies set',
      0,
      15000,
    ],
    ['uniform', 'мектеп формасы', 'школьная форма', 'school uniform', 1, 25000],
    ['sportswear', 'спорт киімі', 'спортивная форма', 'sportswear', 1, 12000],
    ['shoes', 'аяқ киім', 'обувь', 'shoes', 1, 15000],
    ['backpack', 'рюкзак', 'рюкзак', 'backpack', 0, 10000],
    ['winter_clothes', 'қысқы киім', 'зимняя одежда', 'winter clothes', 1, 30000],
    ['other', 'басқа', 'другое', 'other', 0, 0],
  ];
  await (db as Kysely<Record<string, Record<string, unknown>>>)
    .insertInto('need_items')
    .values(
      seed.map(([code, kk, ru, en, hasSize, cost], i) => ({
        id: uuidv7(),
        code,
        name_kk: kk,
        name_ru: ru,
        name_en: en,
        has_size: hasSize,
        default_cost: cost,
        position: i + 1,
        active: 1,
        created_at: now,
        updated_at: now,
        version: 1,
      })),
    )
    .execute();

  await db.schema
    .createTable('child_needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('need_items.id'))
    .addColumn('size', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('est_cost', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('child_needs_child').on('child_needs').column('child_id').execute();
  await db.schema.createIndex('child_needs_item').on('child_needs').columns(['item_id', 'status']).execute();

  await db.schema
    .createTable('child_duplicate_flags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('other_child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await createPathIndex(db, 'child_duplicate_flags_path', 'child_duplicate_flags', 'org_path');
  await db.schema
    .createIndex('child_duplicate_flags_child')
    .on('child_duplicate_flags')
    .columns(['child_id', 'status'])
    .execute();
  await db.schema
    .createIndex('child_duplicate_flags_other')
    .on('child_duplicate_flags')
    .columns(['other_child_id', 'status'])
    .execute();

  await db.schema
    .createTable('child_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('from_org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('from_path', 'text', (c) => c.notNull())
    .addColumn('to_org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('to_path', 'text', (c) => c.notNull())
    .addColumn('class_label', 'text', (c) => c.notNull())
    .addColumn('grade', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await createPathIndex(db, 'child_transfers_from', 'child_transfers', 'from_path');
  await createPathIndex(db, 'child_transfers_to', 'child_transfers', 'to_path');
  await db.schema
    .createIndex('child_transfers_child')
    .on('child_transfers')
    .columns(['child_id', 'status'])
    .execute();
}
