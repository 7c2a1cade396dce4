import type { Kysely } from 'kysely';
import { AID_FORM_VOCABULARY, AID_FORMS, NEED_ITEM_VOCABULARY, type NeedItem } from '#domain/aid-codes';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { checkFvAid } from '#domain/eligibility';
import { isLang } from '#domain/lang';
import { formatTenge } from '#domain/money';
import { formatDate } from '#domain/dates';
import { normalizeLabel } from '#domain/label-lookup';
import type { Database } from '../../db/engine.ts';
import { isPostgres } from '../../db/portable.ts';
import type { DB } from '../../db/schema.ts';
import { FvService, yearOf } from '../fv/fv.service.ts';
import { policy, type Scope } from '../../access/policy.ts';
import { mayRecordHelp } from '../fv/help-access.ts';
import { acceptedWords, RowReader } from '../import/import-cells.ts';
import type { Importer, ImportContext, RowIssue } from '../import/importer.ts';
import { OrgUnitsRepository } from '../org-units/org-units.repository.ts';
import { SponsorsRepository } from '../sponsors/sponsors.repository.ts';
import { AidRepository } from './aid.repository.ts';
import { refreshReportFacts } from '../reports/facts/report-facts.ts';
import { AidService } from './aid.service.ts';

export interface AidImportRow {
  orgCode: string;
  date: string;
  childId: string;
  source: 'fv' | 'sponsor';
  sponsorId: string | null;
  form: (typeof AID_FORMS)[number];
  amount: number;
  items: ParsedItems['items'];
  note: string | null;
  /** Already recorded with exactly these values: importing it again changes nothing. */
  existing: boolean;
  /** For a new ФВ row: the school's fund it is paid from (settled across the file) and the child's IIN. */
  fund: { key: string; iin: string } | null;
}

/** The services over the import's transaction, so that what they read and write is part of it. */
const within = (db: Kysely<DB>): Database => ({
  db,
  reader: db,
  engine: isPostgres(db as Kysely<unknown>) ? 'postgres' : 'sqlite',
  location: 'import',
  close: async () => undefined,
});

const FV_LABELS = new Set(['фв', 'fv', 'фонд всеобуча', 'жбмоқ'].map(normalizeLabel));

export interface ParsedItems {
  items: { item: NeedItem; quantity: number; label?: string }[];
  /** Entries recorded as «другое» because no item matched: the person's own words are kept in `label`. */
  other: string[];
  /** Entries read as the item they most likely mean (a typo): the entry and the item. */
  guessed: { entry: string; item: NeedItem }[];
}

/**
 * "рюкзак, кроссовки x2, школьные принадлежности (1)" → items with quantities. Words are read through the items'
 * vocabulary; a near miss is read as the item it most likely means and anything else is kept as «другое» with the
 * words written, so an item never refuses a row.
 */
export function parseItems(text: string): ParsedItems {
  const out: ParsedItems = { items: [], other: [], guessed: [] };
  for (const raw of text.split(/[,;\n]/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const m =
      /^(.*?)\s*(?:[xх×*]\s*(\d+)|\((\d+)\)|[-—–]\s*(\d+)\s*(?:шт\.?|дана|pcs)?|(\d+)\s*(?:шт\.?|дана|pcs))$/iu.exec(
        entry,
      );
    const label = (m ? m[1]! : entry).trim();
    const quantity = Math.max(1, m ? Number(m[2] ?? m[3] ?? m[4] ?? m[5]) : 1);
    const code = NEED_ITEM_VOCABULARY.match(label);
    if (code) {
      out.items.push({ item: code, quantity });
      continue;
    }
    const guess = NEED_ITEM_VOCABULARY.suggest(label);
    if (guess && guess !== 'other') {
      out.items.push({ item: guess, quantity });
      out.guessed.push({ entry: label, item: guess });
    } else {
      out.items.push({ item: 'other', quantity, label: label.slice(0, 200) });
      out.other.push(label);
    }
  }
  return out;
}

/** Orders by the given values only (never by where a row stands in the file). */
function compare(a: unknown, b: unknown): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

type Unit = NonNullable<Awaited<ReturnType<OrgUnitsRepository['findByCode']>>>;

function cached<T>(ic: ImportContext, key: string, make: () => Promise<T>): Promise<T> {
  if (!ic.state.has(key)) ic.state.set(key, make());
  return ic.state.get(key) as Promise<T>;
}

/**
 * Where the file may reach: the schools the importer records aid for (`aid.write`), narrowed to the unit given
 * with `--org`. A child elsewhere is not found, exactly like one that does not exist.
 */
function reachOf(ic: ImportContext): Promise<Scope | null> {
  return cached(ic, 'aid.reach', async () => {
    const { orgCode } = ic.options;
    const { viewer } = ic.ctx;
    if (!orgCode) return policy.scope(viewer, 'aid.write');
    const unit = await new OrgUnitsRepository(ic.db).findByCode(orgCode, policy.scope(viewer, 'unit.read'));
    return unit ? policy.scope(viewer, 'aid.write', unit) : null;
  });
}

function unitById(ic: ImportContext, id: string): Promise<Unit | null> {
  return cached(
    ic,
    `aid.unit.${id}`,
    async () =>
      (await new OrgUnitsRepository(ic.db).findById(id, policy.scope(ic.ctx.viewer, 'unit.read'))) ?? null,
  );
}

/** A sponsor by name, looked up from the child's school upward (its own, its district's, its region's…). */
function sponsorFor(ic: ImportContext, school: Unit, name: string): Promise<string | null> {
  const key = normalizeLabel(name);
  return cached(ic, `aid.sponsor.${school.id}.${key}`, async () => {
    const found = await new SponsorsRepository(ic.db).findVisibleByNameKey(
      policy.scope(ic.ctx.viewer, 'sponsor.read', school),
      key,
    );
    return found[0]?.id ?? null;
  });
}

/**
 * `Дата; ИИН; Источник; Форма; Сумма; Предметы; Примечание` — one row per child. The child's IIN decides the
 * school, so a city's file may cover all its schools (`--org` only narrows); rows of the same school, date,
 * source, form and note become one handover. A row recorded before with the same values is left as it is.
 */
export const aidImporter: Importer<AidImportRow> = {
  kind: 'aid',
  action: 'aid.write',
  columns: [
    { key: 'date', headers: ['Дата', 'Күні', 'Date'], required: true },
    { key: 'iin', headers: ['ИИН', 'ЖСН', 'IIN'], required: true, iin: true },
    { key: 'source', headers: ['Источник', 'Көзі', 'Source'], required: true },
    { key: 'form', headers: ['Форма', 'Түрі', 'Form'], required: true },
    { key: 'amount', headers: ['Сумма', 'Сомасы', 'Amount'], required: false },
    { key: 'items', headers: ['Предметы', 'Заттар', 'Items'], required: false },
    { key: 'note', headers: ['Примечание', 'Ескертпе', 'Note'], required: false },
  ],
  example: {
    date: '15.08.2025',
    iin: '150101500007',
    source: 'ФВ',
    form: 'деньги',
    amount: '46 228',
    items: '',
    note: '',
  },

  async validate(cells, rowNumber, ic) {
    const r = new RowReader(cells);
    const date = r.date('date', { required: true });
    const iin = r.text('iin', { required: true, max: 20 })?.replace(/\s+/g, '') ?? null;
    const sourceText = r.text('source', { required: true, max: 300 });
    const names = COMMON_MESSAGES[ic.lang];
    const form = r.choice('form', AID_FORM_VOCABULARY, { required: true, names: names.aidForm });
    const amount = r.tenge('amount') ?? 0;
    const note = r.text('note', { max: 2000, multiline: true });
    const parsedItems = parseItems(r.text('items', { max: 1000 }) ?? '');
    if (parsedItems.other.length > 0) {
      r.warn('items', 'import:cell.itemOther', {
        value: parsedItems.other.join(', '),
        values: acceptedWords(names.item),
      });
    }
    for (const g of parsedItems.guessed) {
      r.warn('items', 'import:cell.itemGuessed', { value: g.entry, item: names.item[g.item] });
    }
    // The child's IIN decides the school: one file may hold the children of many schools.
    const reach = await reachOf(ic);
    let child: { id: string; status: string } | undefined;
    let school: Unit | null = null;
    if (!reach) r.error('_', 'help:sponsors.orgNotFound');
    else if (iin && !r.failed('iin')) {
      const found = await new AidRepository(ic.db).childByIinWithin(reach, iin);
      if (!found) r.error('iin', 'help:import.childNotFound', { iin });
      else {
        r.child = { name: `${found.surname} ${found.name}`, iin };
        school = await unitById(ic, found.org_unit_id);
        // The same rights as the web form: staff record their own school's help, an admin any in scope.
        if (!school || !mayRecordHelp(ic.ctx.viewer, school)) {
          r.error('iin', 'help:import.notYourSchool', { iin, school: school?.code ?? '' });
          school = null;
        } else child = found;
      }
    }

    let source: 'fv' | 'sponsor' = 'fv';
    let sponsorId: string | null = null;
    if (sourceText && !FV_LABELS.has(normalizeLabel(sourceText))) {
      source = 'sponsor';
      if (school) {
        sponsorId = await sponsorFor(ic, school, sourceText);
        if (!sponsorId) r.error('source', 'help:import.sponsorNotFound', { name: sourceText });
      }
    }
    if (r.failed('amount')) {
      // The amount's own error says enough.
    } else if ((source === 'fv' || form === 'money') && amount === 0) {
      r.error('amount', 'help:aid.moneyNeedsAmount', { row: rowNumber });
    } else if (amount === 0 && parsedItems.items.length === 0 && !r.failed('items')) {
      r.error('amount', 'help:aid.lineEmpty', { row: rowNumber });
    }

    let existing = false;
    let fund: string | null = null;
    if (child && school && date && form && r.errors.length === 0) {
      const items = JSON.stringify(parsedItems.items);
      existing = Boolean(
        await new AidRepository(ic.db).findSame({
          orgUnitId: school.id,
          childId: child.id,
          date,
          source,
          sponsorId,
          form,
          amount,
          items,
        }),
      );
      const key = [child.id, date, source, sponsorId, form, amount, items].join('|');
      const seen = (ic.state.get('aid.rows') as Map<string, number> | undefined) ?? new Map<string, number>();
      ic.state.set('aid.rows', seen);
      const first = seen.get(key);
      if (first !== undefined) r.error('_', 'import:cell.duplicate', { row: first });
      else seen.set(key, rowNumber);

      if (source === 'fv' && !existing) {
        const year = yearOf(date);
        const fv = new FvService(within(ic.db));
        fund = `${school.id}/${year}`;
        // What the fund has left before this file; the file's own rows are charged against it in settle.
        await cached(
          ic,
          `aid.fv.${fund}`,
          async () => (await fv.balanceForSpending(ic.db, school, year)).left,
        );
        const pm = await cached(ic, `aid.pm.${year}`, () => fv.pm(year, ic.db));
        const cats = await new AidRepository(ic.db).categoriesOf([child.id]);
        const check = checkFvAid({
          childCategories: cats.map((c) => ({
            code: c.code,
            validUntil: c.valid_until,
            hasProof: Boolean(c.doc_name || c.doc_number),
          })),
          amount,
          remaining: Number.MAX_SAFE_INTEGER,
          pm,
          date,
        });
        if (check.errors.includes('no-fv-category'))
          r.error('iin', 'help:aid.noFvCategoryRow', { row: rowNumber });
        for (const w of check.warnings) {
          const code = w === 'below-pm' ? 'belowPm' : w === 'proof-missing' ? 'proofMissing' : 'proofExpired';
          r.warn(code === 'belowPm' ? 'amount' : 'iin', `help:warning.${code}`, {
            row: rowNumber,
            pm: pm === null ? '' : formatTenge(pm, ic.lang),
          });
        }
      }
    }
    return r.result(() => ({
      orgCode: school!.code,
      date: date!,
      childId: child!.id,
      source,
      sponsorId,
      form: form!,
      amount,
      items: parsedItems.items,
      note,
      existing,
      fund: fund ? { key: fund, iin: iin! } : null,
    }));
  },

  /**
   * A school's fund pays the file's ФВ rows in the order the help was given (date, then IIN, then amount), not in
   * the order of the file: a row that does not fit what is left is refused and takes nothing, so a later row that
   * fits still passes, and any order of the same rows refuses the same ones.
   */
  async settle(rows, ic) {
    const refused = new Map<number, RowIssue[]>();
    const paid = rows
      .filter((r) => r.value.fund !== null)
      .map((r) => ({ ...r, fund: r.value.fund! }))
      .map((r) => ({ ...r, order: [r.value.date, r.fund.iin, r.value.amount, r.value.note, r.value.items] }))
      .sort((a, b) => compare(a.fund.key, b.fund.key) || compare(a.order, b.order) || a.row - b.row);
    const left = new Map<string, number>();
    for (const { row, value, fund } of paid) {
      const now = left.get(fund.key) ?? ((await ic.state.get(`aid.fv.${fund.key}`)) as number);
      if (value.amount > now) {
        refused.set(row, [
          {
            field: 'amount',
            message: {
              key: 'help:import.fvOverRemaining',
              params: {
                left: formatTenge(Math.max(now, 0), ic.lang),
                amount: formatTenge(value.amount, ic.lang),
                date: formatDate(value.date, ic.lang, 'short'),
              },
            },
          },
        ]);
        left.set(fund.key, now);
      } else left.set(fund.key, now - value.amount);
    }
    return refused;
  },

  async apply(rows, ic) {
    const aid = new AidService(within(ic.db));
    const lang = isLang(ic.ctx.viewer.lang) ? ic.ctx.viewer.lang : 'ru';
    const groups = new Map<string, AidImportRow[]>();
    for (const row of rows.filter((x) => !x.existing)) {
      const key = [row.orgCode, row.date, row.source, row.sponsorId, row.form, row.note].join('|');
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    let done = rows.length - [...groups.values()].reduce((n, g) => n + g.length, 0);
    const touched = new Set<string>();
    for (const group of groups.values()) {
      const first = group[0]!;
      await aid.handoverIn(
        ic.db,
        ic.ctx,
        {
          orgCode: first.orgCode,
          date: first.date,
          source: first.source,
          sponsorId: first.sponsorId ?? undefined,
          form: first.form,
          note: first.note ?? undefined,
          lines: group.map((g) => ({ childId: g.childId, amount: g.amount, items: g.items })),
        },
        lang,
        null,
        touched,
      );
      done += group.length;
      ic.progress?.(done);
    }
    await refreshReportFacts(ic.db, touched);
    const created = rows.filter((x) => !x.existing).length;
    return { created, updated: 0, unchanged: rows.length - created };
  },
};
