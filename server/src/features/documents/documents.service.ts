import { todayInKazakhstan } from '#domain/clock';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { formatDate } from '#domain/dates';
import type { Lang } from '#domain/lang';
import { formatNumber, formatTenge, sumTenge } from '#domain/money';
import type { Database } from '../../db/engine.ts';
import { invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { translate } from '../../i18n/translator.ts';
import { AidRepository } from '../aid/aid.repository.ts';
import { AidService, fullName } from '../aid/aid.service.ts';
import { FvService } from '../fv/fv.service.ts';
import { OrgUnitsRepository, type OrgUnitRow } from '../org-units/org-units.repository.ts';
import { SponsorsRepository } from '../sponsors/sponsors.repository.ts';
import { DocumentsRepository } from './documents.repository.ts';
import type { Letterhead, Paper } from './paper.ts';

type Items = { item: string; quantity: number }[];

const unitName = (u: { name_ru: string; name_kk: string; name_en: string | null }, lang: Lang) =>
  lang === 'kk' ? u.name_kk : lang === 'en' ? (u.name_en ?? u.name_ru) : u.name_ru;

const itemName = (code: string, lang: Lang) =>
  (COMMON_MESSAGES[lang].item as Record<string, string>)[code] ?? code;
const formName = (code: string, lang: Lang) =>
  (COMMON_MESSAGES[lang].aidForm as Record<string, string>)[code] ?? code;
const categoryName = (code: string, lang: Lang) =>
  (COMMON_MESSAGES[lang].categoryShort as Record<string, string>)[code] ?? code;

/** The act of transfer, the thank-you letter and the ФВ decision list, in kk, ru or en; text from help.json. */
export class DocumentsService {
  private readonly aid: AidService;
  private readonly fv: FvService;

  constructor(private readonly database: Database) {
    this.aid = new AidService(database);
    this.fv = new FvService(database);
  }

  private t(lang: Lang, key: string, params?: Record<string, string | number>) {
    return translate(lang, `help:doc.${key}`, params);
  }

  private async letterhead(unit: OrgUnitRow, lang: Lang): Promise<Letterhead> {
    const parent = await new DocumentsRepository(this.database.db).parentOf(unit.parent_id);
    return {
      name: unitName(unit, lang),
      parent: parent && parent.type !== 'republic' ? unitName(parent, lang) : null,
      address: unit.address,
      phone:
        (unit.phone ?? unit.hotline) ? this.t(lang, 'phone', { phone: (unit.phone ?? unit.hotline)! }) : null,
    };
  }

  private students(lang: Lang, count: number) {
    return this.t(lang, 'students', { count, n: formatNumber(count, lang) });
  }

  async act(ctx: RequestContext, handoverId: string, lang: Lang): Promise<Paper> {
    const h = await this.aid.get(ctx, handoverId);
    const unit = await new OrgUnitsRepository(this.database.db).findByCode(h.orgCode, ctx.viewer.orgPath);
    if (!unit) throw notFound();
    const live = h.lines.filter((l) => l.reverses === null && l.reversedBy === null);
    const guardians = await new DocumentsRepository(this.database.db).guardians(live.map((l) => l.childId));
    const what = (items: Items) =>
      items.length > 0
        ? items
            .map((i) =>
              this.t(lang, 'itemQty', { item: itemName(i.item, lang), n: formatNumber(i.quantity, lang) }),
            )
            .join(', ')
        : formName(h.form, lang);
    const source =
      h.source === 'fv'
        ? this.t(lang, 'sourceFv')
        : this.t(lang, 'sourceSponsor', { sponsor: h.sponsorName ?? '' });
    const number = h.id.slice(-6).toUpperCase();
    return {
      lang,
      fileName: `${this.t(lang, 'act.file')}-${h.date}-${number}`,
      letterhead: await this.letterhead(unit, lang),
      dateLine: formatDate(h.date, lang, 'long'),
      blocks: [
        {
          kind: 'title',
          text: this.t(lang, 'act.title'),
          subtitle: this.t(lang, 'act.subtitle', { number, date: formatDate(h.date, lang, 'short') }),
        },
        {
          kind: 'paragraph',
          text: this.t(lang, 'act.intro', {
            school: unitName(unit, lang),
            source,
            form: formName(h.form, lang),
          }),
        },
        {
          kind: 'table',
          columns: [
            { header: this.t(lang, 'col.no'), align: 'center', width: 4 },
            { header: this.t(lang, 'col.child'), align: 'left', width: 21 },
            { header: this.t(lang, 'col.class'), align: 'center', width: 8 },
            { header: this.t(lang, 'col.what'), align: 'left', width: 23 },
            { header: this.t(lang, 'col.amount'), align: 'right', width: 12 },
            { header: this.t(lang, 'col.guardian'), align: 'left', width: 19 },
            { header: this.t(lang, 'col.signature'), align: 'center', width: 11 },
          ],
          rows: live.map((l, i) => [
            String(i + 1),
            l.childName,
            l.classLabel,
            what(l.items),
            l.amount > 0 ? formatTenge(l.amount, lang) : '—',
            guardians.get(l.childId) ?? '',
            '',
          ]),
          total: [
            '',
            this.t(lang, 'total'),
            '',
            '',
            formatTenge(sumTenge(live.map((l) => l.amount)), lang),
            '',
            '',
          ],
        },
        {
          kind: 'paragraph',
          text: this.t(lang, 'act.summary', {
            students: this.students(lang, new Set(live.map((l) => l.childId)).size),
            amount: formatTenge(sumTenge(live.map((l) => l.amount)), lang),
          }),
        },
        {
          kind: 'signatures',
          lines: [
            { role: this.t(lang, 'act.handedBy'), name: h.recordedByName },
            { role: this.t(lang, 'act.receivedBy'), name: this.t(lang, 'act.perTable') },
            { role: this.t(lang, 'director'), name: unit.director ?? '' },
          ],
        },
      ],
    };
  }

  async thanks(
    ctx: RequestContext,
    sponsorId: string,
    year: number,
    org: string | undefined,
    lang: Lang,
  ): Promise<Paper> {
    const units = new OrgUnitsRepository(this.database.db);
    const unit = await units.findByCode(org ?? ctx.viewer.orgCode, ctx.viewer.orgPath);
    if (!unit) throw notFound();
    const sponsor = await new SponsorsRepository(this.database.db).findById(sponsorId, unit.path);
    if (!sponsor) throw notFound();
    const rows = await new DocumentsRepository(this.database.db).sponsorRows(sponsorId, unit.path, year);
    const amount = sumTenge(rows.map((r) => Number(r.amount)));
    const count = new Set(rows.map((r) => r.child_id)).size;
    const items = new Map<string, number>();
    for (const r of rows)
      for (const i of JSON.parse(r.items) as Items) items.set(i.item, (items.get(i.item) ?? 0) + i.quantity);
    const itemList = [...items.entries()]
      .map(([item, n]) => this.t(lang, 'itemQty', { item: itemName(item, lang), n: formatNumber(n, lang) }))
      .join(', ');
    return {
      lang,
      fileName: `${this.t(lang, 'thanks.file')}-${year}`,
      letterhead: await this.letterhead(unit, lang),
      dateLine: formatDate(todayInKazakhstan(), lang, 'long'),
      blocks: [
        { kind: 'title', text: this.t(lang, 'thanks.title') },
        {
          kind: 'paragraph',
          align: 'center',
          bold: true,
          text: sponsor.head
            ? this.t(lang, 'thanks.greeting', { head: sponsor.head })
            : this.t(lang, 'thanks.greetingOrg', { sponsor: sponsor.name }),
        },
        {
          kind: 'paragraph',
          text: this.t(lang, 'thanks.body', { school: unitName(unit, lang), sponsor: sponsor.name, year }),
        },
        ...(count > 0
          ? [
              {
                kind: 'paragraph' as const,
                text: this.t(lang, 'thanks.did', {
                  students: this.students(lang, count),
                  amount: formatTenge(amount, lang),
                }),
              },
            ]
          : []),
        ...(itemList
          ? [
              {
                kind: 'paragraph' as const,
                text: this.t(lang, 'thanks.items', { list: itemList.replace(/\.$/, '') }),
              },
            ]
          : []),
        { kind: 'paragraph', text: this.t(lang, 'thanks.closing') },
        { kind: 'signatures', lines: [{ role: this.t(lang, 'director'), name: unit.director ?? '' }] },
      ],
    };
  }

  async fvDecision(ctx: RequestContext, year: number, org: string | undefined, lang: Lang): Promise<Paper> {
    const unit = await new OrgUnitsRepository(this.database.db).findByCode(
      org ?? ctx.viewer.orgCode,
      ctx.viewer.orgPath,
    );
    if (!unit) throw notFound();
    if (unit.type !== 'school') throw invalid({ org: { key: 'help:fv.notSchool' } });
    const repo = new DocumentsRepository(this.database.db);
    const rows = await repo.fvRows(unit.id, ctx.viewer.orgPath, year);
    const cats = await new AidRepository(this.database.db).categoriesOf([
      ...new Set(rows.map((r) => r.child_id)),
    ]);
    const list = await this.fv.list(ctx, { org: unit.code, year });
    const fv = list.items[0];
    const decided = sumTenge(rows.map((r) => Number(r.amount)));
    const count = new Set(rows.map((r) => r.child_id)).size;
    return {
      lang,
      fileName: `${this.t(lang, 'fv.file')}-${unit.code}-${year}`,
      letterhead: await this.letterhead(unit, lang),
      dateLine: formatDate(todayInKazakhstan(), lang, 'long'),
      blocks: [
        {
          kind: 'approval',
          lines: [
            this.t(lang, 'fv.approve'),
            this.t(lang, 'director'),
            `____________ ${unit.director ?? ''}`,
            this.t(lang, 'fv.approveDate', { year }),
          ],
        },
        { kind: 'title', text: this.t(lang, 'fv.title'), subtitle: this.t(lang, 'fv.subtitle', { year }) },
        {
          kind: 'paragraph',
          text: this.t(lang, 'fv.intro', { pm: list.pm === null ? '—' : formatTenge(list.pm, lang) }),
        },
        {
          kind: 'table',
          columns: [
            { header: this.t(lang, 'col.no'), align: 'center', width: 5 },
            { header: this.t(lang, 'col.child'), align: 'left', width: 30 },
            { header: this.t(lang, 'col.class'), align: 'center', width: 10 },
            { header: this.t(lang, 'col.category'), align: 'left', width: 25 },
            { header: this.t(lang, 'col.date'), align: 'center', width: 13 },
            { header: this.t(lang, 'col.amount'), align: 'right', width: 17 },
          ],
          rows: rows.map((r, i) => [
            String(i + 1),
            fullName(r),
            r.class_label,
            cats
              .filter((c) => c.child_id === r.child_id && c.code !== 'not_attending')
              .map((c) => categoryName(c.code, lang))
              .join(', '),
            formatDate(r.date, lang, 'short'),
            formatTenge(Number(r.amount), lang),
          ]),
          total: ['', this.t(lang, 'total'), '', '', '', formatTenge(decided, lang)],
        },
        {
          kind: 'paragraph',
          text: this.t(lang, 'fv.summary', {
            year,
            allocated: formatTenge(fv?.allocated ?? 0, lang),
            students: this.students(lang, count),
            decided: formatTenge(decided, lang),
            left: formatTenge((fv?.allocated ?? 0) - decided, lang),
          }),
        },
        {
          kind: 'signatures',
          lines: [
            { role: this.t(lang, 'fv.preparedBy'), name: ctx.viewer.name },
            { role: this.t(lang, 'director'), name: unit.director ?? '' },
          ],
        },
      ],
    };
  }
}
