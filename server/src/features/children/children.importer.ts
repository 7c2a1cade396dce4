import { todayInKazakhstan } from '#domain/clock';
import { CHILD_MARK_VOCABULARY, parseCategoryList } from '#domain/categories';
import { COMMON_MESSAGES } from '#domain/common-messages';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { policy, type Scope } from '../../access/policy.ts';
import { inScope } from '../../access/scope-sql.ts';
import { AppError, type Message } from '../../http/app-error.ts';
import { acceptedWords } from '../import/import-cells.ts';
import type { ApplyResult, ImportContext, Importer, RowIssue } from '../import/importer.ts';
import { OrgUnitsRepository } from '../org-units/org-units.repository.ts';
import { ChildrenRepository } from './children.repository.ts';
import { childTarget, insertChildren, rawOf, updateChild, type ChildDetails } from './children.service.ts';
import { checkChild, dupKeyOf, sortNameOf, type ChildValues, type RawChild } from './children.validation.ts';

// The "children" template: ИИН; Фамилия; Имя; Отчество; Дата рождения; Школа (код); Класс; Категории;
// Законный представитель; Телефон; Адрес. A row is matched to a child by IIN (without one: by surname, name and
// birth date in the same school), so importing the same file again changes nothing.

export interface ChildImportRow {
  rowNumber: number;
  school: { id: string; path: string };
  values: ChildValues;
}

// Where checkChild names a field, the template names its column.
const COLUMN_OF: Record<string, string> = {
  classLabel: 'class',
  'guardians.0.name': 'guardian',
  'guardians.0.phone': 'phone',
};
const issues = (fields: Record<string, Message>): RowIssue[] =>
  Object.entries(fields).map(([field, message]) => ({ field: COLUMN_OF[field] ?? field, message }));

function scratch<T>(ic: ImportContext, key: string, make: () => T): T {
  let value = ic.state.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    ic.state.set(key, value);
  }
  return value;
}

/** The school of a row: its own code, else the unit chosen for the import, else the importer's own school. */
async function schoolOf(ic: ImportContext, code: string) {
  const { viewer } = ic.ctx;
  const key = code || ic.options.orgCode || '';
  const cache = scratch(ic, 'children.schools', () => new Map<string, { id: string; path: string } | null>());
  if (!cache.has(key)) {
    const units = new OrgUnitsRepository(ic.db);
    const visible = policy.scope(viewer, 'unit.read');
    const unit = key ? await units.findByCode(key, visible) : await units.findById(viewer.orgUnitId, visible);
    cache.set(key, unit && unit.type === 'school' ? { id: unit.id, path: unit.path } : null);
  }
  return cache.get(key) ?? null;
}

/**
 * For a row without an IIN: the child of the same school with the same surname, name and birth date, if any, among
 * those the importer may change (a teacher: their own classes). A look-alike outside that is never touched.
 */
async function matchWithoutIin(db: Kysely<DB>, row: ChildImportRow, scope: Scope) {
  const same = await db
    .selectFrom('children')
    .select(['id', 'org_unit_id'])
    .where('dup_key', '=', dupKeyOf(row.values))
    .where('org_unit_id', '=', row.school.id)
    .where('iin', 'is', null)
    .where(inScope(scope, 'org_path', { classColumn: 'class_label' }))
    .orderBy('id')
    .executeTakeFirst();
  return same ? { id: same.id, schoolId: same.org_unit_id } : null;
}

/** What the file says, laid over what is stored: the file never removes a category, a guardian or an address. */
function mergeOnto(stored: RawChild, file: ChildValues): RawChild {
  const guardians = [...(stored.guardians ?? [])];
  for (const g of file.guardians) {
    const known = guardians.findIndex(
      (s) =>
        sortNameOf({ surname: s.name, name: '', patronymic: null }) ===
        sortNameOf({ surname: g.name, name: '', patronymic: null }),
    );
    if (known === -1) guardians.push(g);
    else if (g.phone && !guardians[known]!.phone) guardians[known] = { ...guardians[known]!, phone: g.phone };
  }
  const categories = [...(stored.categories ?? [])];
  for (const c of file.categories) if (!categories.some((s) => s.code === c.code)) categories.push(c);
  return {
    ...stored,
    iin: file.iin ?? stored.iin,
    surname: file.surname,
    name: file.name,
    patronymic: file.patronymic ?? stored.patronymic,
    birthDate: file.birthDate,
    classLabel: file.classLabel,
    address: file.address ?? stored.address,
    notAttending: stored.notAttending || file.notAttending,
    guardians,
    categories,
  };
}

const comparable = (v: RawChild) =>
  JSON.stringify([
    v.iin,
    v.surname,
    v.name,
    v.patronymic,
    v.birthDate,
    v.classLabel,
    v.address,
    v.notAttending,
    v.guardians?.map((g) => [g.name, g.phone ?? null]),
    v.categories?.map((c) => c.code).sort(),
  ]);

export const childrenImporter: Importer<ChildImportRow> = {
  kind: 'children',
  action: 'child.write',
  columns: [
    {
      key: 'iin',
      headers: ['ИИН', 'ЖСН', 'IIN', 'ИИН ребёнка', 'ИИН ребенка', 'Баланың ЖСН', "Child's IIN"],
      required: false,
      iin: true,
    },
    { key: 'surname', headers: ['Фамилия', 'Тегі', 'Surname', 'Last name'], required: true },
    { key: 'name', headers: ['Имя', 'Аты', 'Name', 'First name'], required: true },
    {
      key: 'patronymic',
      headers: ['Отчество', 'Әкесінің аты', 'Patronymic', 'Middle name'],
      required: false,
    },
    {
      key: 'birthDate',
      headers: ['Дата рождения', 'Туған күні', 'Date of birth', 'Birth date', 'Туған күні мен айы'],
      required: true,
    },
    {
      key: 'school',
      headers: ['Школа (код)', 'Мектеп (коды)', 'School (code)', 'Код школы', 'Мектеп коды', 'School code'],
      required: false,
    },
    { key: 'class', headers: ['Класс', 'Сынып', 'Class', 'Grade'], required: true },
    {
      key: 'categories',
      headers: ['Категории', 'Санаттар', 'Categories', 'Категория', 'Санаты', 'Category'],
      required: false,
    },
    {
      key: 'guardian',
      headers: [
        'Законный представитель',
        'Заңды өкіл',
        'Legal representative',
        'Guardian',
        'Родитель (опекун)',
        'Ата-анасы (қамқоршы)',
      ],
      required: false,
    },
    { key: 'phone', headers: ['Телефон', 'Телефоны', 'Phone', 'Telephone'], required: false },
    { key: 'address', headers: ['Адрес', 'Мекенжай', 'Address', 'Мекенжайы'], required: false },
  ],
  example: {
    iin: '140315500013',
    surname: 'Абенов',
    name: 'Нурлан',
    patronymic: 'Серикович',
    birthDate: '15.03.2014',
    school: 'KRG-KAR-012',
    class: '5А',
    categories: 'АСП, многодетная',
    guardian: 'Абенова Айгуль Маратовна',
    phone: '+7 701 000 00 00',
    address: 'г. Караганда, ул. Ерубаева, 1',
  },

  async validate(cells, rowNumber, ic) {
    const { viewer } = ic.ctx;
    const errors: RowIssue[] = [];
    const marks = parseCategoryList(cells.categories ?? '');
    if (marks.unknown.length > 0) {
      const names = COMMON_MESSAGES[ic.lang].categoryShort;
      const guess = CHILD_MARK_VOCABULARY.suggest(marks.unknown[0]!);
      errors.push({
        field: 'categories',
        message: {
          key: 'import:cell.choice',
          params: {
            value: marks.unknown.join(', '),
            values: acceptedWords(names, CHILD_MARK_VOCABULARY.codes),
            suggestion: guess === undefined ? 'none' : names[guess],
          },
        },
      });
    }
    const guardian = (cells.guardian ?? '').trim();
    const phone = (cells.phone ?? '').trim();
    const check = checkChild(
      {
        iin: cells.iin,
        surname: cells.surname,
        name: cells.name,
        patronymic: cells.patronymic,
        birthDate: cells.birthDate,
        classLabel: cells.class,
        address: cells.address,
        notAttending: marks.flags.includes('not_attending'),
        source: 'import',
        guardians: guardian ? [{ name: guardian, phone: phone || null }] : [],
        categories: marks.categories.map((code) => ({ code })),
      },
      todayInKazakhstan(),
    );
    const warnings = issues(Object.fromEntries(check.warnings.map((w) => [w.field, w.message])));
    if (!check.ok) errors.push(...issues(check.errors));

    const school = await schoolOf(ic, (cells.school ?? '').trim());
    if (!school) {
      errors.push({
        field: 'school',
        message: {
          key: 'children:errors.school',
          params: { code: (cells.school ?? '').trim() || (ic.options.orgCode ?? '') },
        },
      });
    }
    if (
      check.ok &&
      school &&
      !policy.may(viewer, 'child.write', { path: school.path, classLabel: check.values.classLabel })
    ) {
      errors.push({
        field: 'class',
        message: { key: 'children:errors.notYourClass', params: { value: check.values.classLabel } },
      });
    }

    const iin = check.ok ? check.values.iin : null;
    if (iin) {
      const seen = scratch(ic, 'children.iins', () => new Map<string, number>());
      const first = seen.get(iin);
      if (first !== undefined && first !== rowNumber) {
        errors.push({
          field: 'iin',
          message: { key: 'children:errors.iinTwiceInFile', params: { row: first } },
        });
      } else {
        seen.set(iin, rowNumber);
        const holder = await new ChildrenRepository(ic.db).findByIinAnywhere(iin);
        // Another school's child is not named (nor its school): the row only says where to go next.
        if (holder && school && holder.org_unit_id !== school.id) {
          errors.push({ field: 'iin', message: { key: 'children:errors.iinElsewhere' } });
        } else if (holder && !policy.may(viewer, 'child.write', childTarget(holder))) {
          errors.push({ field: 'iin', message: { key: 'children:errors.iinTaken' } });
        }
      }
    }
    if (errors.length > 0 || !check.ok || !school) return { ok: false, errors, warnings };
    return { ok: true, value: { rowNumber, school, values: check.values }, warnings };
  },

  async apply(rows, ic): Promise<ApplyResult> {
    const { ctx, db } = ic;
    const repo = new ChildrenRepository(db);
    // Whoever sits on the school's commission (and the CLI operator) brings in an approved list.
    const status = policy.anywhere(ctx.viewer, 'child.decide') ? 'approved' : 'proposed';
    const writable = policy.scope(ctx.viewer, 'child.write');
    const result: ApplyResult = { created: 0, updated: 0, unchanged: 0 };
    const holders = new Map<string, { id: string; schoolId: string }>();
    const iins = rows.flatMap((r) => (r.values.iin ? [r.values.iin] : []));
    for (const h of await repo.holdersOfIins(iins))
      holders.set(h.iin!, { id: h.id, schoolId: h.org_unit_id });
    const fresh: ChildImportRow[] = [];
    const matched: { row: ChildImportRow; id: string }[] = [];
    for (const row of rows) {
      const match = row.values.iin
        ? (holders.get(row.values.iin) ?? null)
        : await matchWithoutIin(db, row, writable);
      if (!match) fresh.push(row);
      else if (match.schoolId !== row.school.id) {
        throw new AppError(409, 'iin_elsewhere', {
          key: 'children:errors.iinElsewhere',
        });
      } else matched.push({ row, id: match.id });
    }
    // Rows of children already in the system: load them all at once, then compare each with its row.
    const ids = matched.map((m) => m.id);
    const stored = new Map((await repo.findManyByIds(ids, writable)).map((r) => [r.id, r]));
    for (let i = 0; i < matched.length; i += 500) {
      const chunk = matched.slice(i, i + 500);
      const d = await repo.detailsOf(chunk.map((m) => m.id));
      for (const { row, id } of chunk) {
        const child = stored.get(id)!;
        const details: ChildDetails = {
          guardians: d.guardians.get(id) ?? [],
          categories: d.categories.get(id) ?? [],
          openNeeds: 0,
          possibleDuplicate: false,
        };
        const before = rawOf(child, details);
        const merged = mergeOnto(before, row.values);
        if (comparable(merged) === comparable(before)) {
          result.unchanged += 1;
          continue;
        }
        const check = checkChild(merged, todayInKazakhstan());
        if (!check.ok) throw new AppError(400, 'invalid_input', { key: 'errors:invalidInput' });
        await updateChild(db, ctx, child, check.values, {
          guardians: true,
          categories: true,
          changed: ['import'],
        });
        result.updated += 1;
      }
    }
    result.created = (await insertChildren(db, ctx, fresh, status)).length;
    return result;
  },
};
