// Arranges campaign records for report tests by inserting rows straight into the other features' tables, so the
// report is checked against exactly the records it should read.
import { v7 as uuidv7 } from 'uuid';
import type { ReportInput } from '#domain/report/report-input';
import type { Database } from '../../../db/engine.ts';
import { refreshReportFacts } from '../facts/report-facts.ts';

const now = () => new Date().toISOString();

/**
 * `manualFacts`: leave the report facts alone (the caller refreshes them in bulk, like a set-based import does);
 * by default each write refreshes the facts of its child, like the features' write paths.
 */
export function reportGiven(database: Database, opts: { manualFacts?: boolean } = {}) {
  const db = database.db;
  const facts = async (childId: string) => {
    if (!opts.manualFacts) await refreshReportFacts(db, [childId]);
  };
  const unit = async (code: string) =>
    db.selectFrom('org_units').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  let seq = 0;

  const api = {
    unit,
    async rename(code: string, nameRu: string, hotline: string | null = null) {
      await db.updateTable('org_units').set({ name_ru: nameRu, hotline }).where('code', '=', code).execute();
    },
    async campaign(
      code: string,
      year: number,
      opts: { motto?: string; closed?: boolean; from?: string; to?: string } = {},
    ): Promise<string> {
      const u = await unit(code);
      const id = uuidv7();
      await db
        .insertInto('campaigns')
        .values({
          id,
          org_unit_id: u.id,
          org_path: u.path,
          year,
          date_from: opts.from ?? `${year}-08-01`,
          date_to: opts.to ?? `${year}-09-30`,
          motto_ru: opts.motto ?? null,
          motto_kk: opts.motto ?? null,
          goals: null,
          status: opts.closed ? 'closed' : 'open',
          closed_at: opts.closed ? now() : null,
          closed_by: null,
          created_at: now(),
          updated_at: now(),
        })
        .execute();
      return id;
    },
    async child(
      code: string,
      opts: {
        surname?: string;
        name?: string;
        iin?: string | null;
        classLabel?: string;
        categories?: readonly string[];
        status?: 'proposed' | 'approved' | 'rejected' | 'helped' | 'archived';
      } = {},
    ): Promise<string> {
      const u = await unit(code);
      const id = uuidv7();
      seq += 1;
      const surname = opts.surname ?? `Фамилия${seq}`;
      const name = opts.name ?? `Имя${seq}`;
      const categories = (opts.categories ?? []).filter((c) => c !== 'not_attending');
      await db
        .insertInto('children')
        .values({
          id,
          org_unit_id: u.id,
          org_path: u.path,
          iin: opts.iin ?? null,
          surname,
          name,
          patronymic: null,
          sort_name: `${surname} ${name}`.toLowerCase(),
          dup_key: `${surname}|${name}|${seq}`.toLowerCase(),
          birth_date: '2012-05-01',
          sex: null,
          grade: 5,
          class_label: opts.classLabel ?? '5А',
          address: null,
          notes: null,
          not_attending: (opts.categories ?? []).includes('not_attending') ? 1 : 0,
          status: opts.status ?? 'approved',
          reject_reason: null,
          source: 'teacher',
          consent_by: null,
          consent_date: null,
          consent_scope: null,
          created_by: 'test',
          created_at: now(),
          updated_at: now(),
        })
        .execute();
      for (const c of categories) {
        await db
          .insertInto('child_categories')
          .values({
            id: uuidv7(),
            child_id: id,
            code: c,
            doc_name: null,
            doc_number: null,
            doc_date: null,
            valid_until: null,
          })
          .execute();
      }
      await facts(id);
      return id;
    },
    /** Replaces a child's categories (and its not-attending flag). */
    async setCategories(childId: string, marks: readonly string[]) {
      await db.deleteFrom('child_categories').where('child_id', '=', childId).execute();
      for (const c of marks.filter((m) => m !== 'not_attending')) {
        await db
          .insertInto('child_categories')
          .values({
            id: uuidv7(),
            child_id: childId,
            code: c,
            doc_name: null,
            doc_number: null,
            doc_date: null,
            valid_until: null,
          })
          .execute();
      }
      await db
        .updateTable('children')
        .set({ not_attending: marks.includes('not_attending') ? 1 : 0 })
        .where('id', '=', childId)
        .execute();
      await facts(childId);
    },
    /** Moves a child to another school; its aid stays where it was handed over. */
    async transfer(childId: string, code: string) {
      const u = await unit(code);
      await db
        .updateTable('children')
        .set({ org_unit_id: u.id, org_path: u.path })
        .where('id', '=', childId)
        .execute();
      await facts(childId);
    },
    async setStatus(childId: string, status: 'proposed' | 'approved' | 'rejected' | 'helped' | 'archived') {
      await db.updateTable('children').set({ status }).where('id', '=', childId).execute();
      await facts(childId);
    },
    async sponsor(
      code: string,
      opts: { name: string; type?: string; head?: string | null; anonymous?: boolean },
    ): Promise<string> {
      const u = await unit(code);
      const id = uuidv7();
      await db
        .insertInto('sponsors')
        .values({
          id,
          org_unit_id: u.id,
          org_path: u.path,
          name: opts.name,
          name_key: opts.name.toLowerCase(),
          type: opts.type ?? 'company',
          head: opts.head ?? null,
          phone: null,
          email: null,
          address: null,
          notes: null,
          anonymous: opts.anonymous ? 1 : 0,
          merged_into: null,
          created_at: now(),
          updated_at: now(),
        })
        .execute();
      return id;
    },
    async aid(
      code: string,
      opts: {
        childId: string;
        date: string;
        amount: number;
        sponsorId?: string | null;
        form?: string;
        items?: readonly { item: string; quantity: number }[];
        reverses?: string | null;
      },
    ): Promise<string> {
      const u = await unit(code);
      const handover = uuidv7();
      const source = opts.sponsorId ? ('sponsor' as const) : ('fv' as const);
      const common = {
        org_unit_id: u.id,
        org_path: u.path,
        date: opts.date,
        year: Number(opts.date.slice(0, 4)),
        source,
        sponsor_id: opts.sponsorId ?? null,
        form: opts.form ?? 'money',
        created_at: now(),
      };
      await db
        .insertInto('aid_handovers')
        .values({
          id: handover,
          ...common,
          note: null,
          pledge_id: null,
          recorded_by: 'test',
          recorded_by_name: 'test',
        })
        .execute();
      const id = uuidv7();
      await db
        .insertInto('aid')
        .values({
          id,
          handover_id: handover,
          ...common,
          child_id: opts.childId,
          amount: opts.amount,
          items: JSON.stringify(opts.items ?? []),
          reverses: opts.reverses ?? null,
          reason: opts.reverses ? 'mistake' : null,
          created_by: 'test',
        })
        .execute();
      await facts(opts.childId);
      return id;
    },
    async raid(
      code: string,
      campaignId: string | null,
      raid: ReportInput['raids'][number],
      childIds: ReadonlyMap<string, string>,
    ) {
      const u = await unit(code);
      const id = uuidv7();
      await db
        .insertInto('raids')
        .values({
          id,
          org_path: u.path,
          campaign_id: campaignId,
          held_on: raid.date,
          time_from: null,
          time_to: null,
          notes: null,
          created_by: 'test',
          created_at: now(),
          updated_at: now(),
        })
        .execute();
      for (const [i, p] of raid.places.entries()) {
        await db
          .insertInto('raid_places')
          .values({ id: uuidv7(), raid_id: id, position: i, kind: p.kind, name: p.name })
          .execute();
      }
      for (const [i, p] of raid.participants.entries()) {
        await db
          .insertInto('raid_participants')
          .values({
            id: uuidv7(),
            raid_id: id,
            position: i,
            kind: p.kind,
            count: p.count,
            organisations: p.orgs.length > 0 ? p.orgs.join('; ') : null,
          })
          .execute();
      }
      for (const [i, f] of raid.found.entries()) {
        const rowId = uuidv7();
        const childId = f.childId ? (childIds.get(f.childId) ?? null) : null;
        const fullName = childId ? 'Registry child' : `Найденный ребёнок ${i + 1}`;
        await db
          .insertInto('raid_children')
          .values({
            id: rowId,
            raid_id: id,
            position: i,
            child_id: childId,
            full_name: fullName,
            reason: 'skips',
            action: null,
          })
          .execute();
        if (f.returnedToSchool) {
          await db
            .insertInto('cases')
            .values({
              id: uuidv7(),
              org_path: u.path,
              campaign_id: campaignId,
              child_id: childId,
              child_name: fullName,
              source: 'raid',
              source_id: rowId,
              opened_on: raid.date,
              due_on: null,
              status: 'closed',
              outcome: 'attends_school',
              closed_on: raid.date,
              created_at: now(),
              updated_at: now(),
            })
            .execute();
        }
      }
      return id;
    },
    async hotline(
      code: string,
      campaignId: string | null,
      status: 'open' | 'closed',
      subject = 'Вопрос о помощи',
    ) {
      const u = await unit(code);
      await db
        .insertInto('hotline_calls')
        .values({
          id: uuidv7(),
          org_path: u.path,
          campaign_id: campaignId,
          received_at: '2023-08-10T09:00:00.000Z',
          channel: 'phone',
          caller: null,
          caller_phone: null,
          child_id: null,
          about: null,
          subject,
          handler: null,
          action_taken: null,
          status,
          closed_at: status === 'closed' ? now() : null,
          created_by: 'test',
          created_at: now(),
          updated_at: now(),
        })
        .execute();
    },
    async plan(
      code: string,
      campaignId: string,
      status: 'planned' | 'in_progress' | 'done' | 'cancelled',
      n: number,
    ) {
      const u = await unit(code);
      await db
        .insertInto('plan_items')
        .values({
          id: uuidv7(),
          campaign_id: campaignId,
          org_path: u.path,
          position: n,
          title: `Мероприятие ${n}`,
          date_from: '2023-08-01',
          date_to: '2023-08-05',
          responsible: 'Координатор',
          status,
          notes: null,
          created_at: now(),
          updated_at: now(),
        })
        .execute();
    },
    async materials(code: string, campaignId: string, lang: string) {
      const u = await unit(code);
      await db
        .insertInto('material_texts')
        .values({
          id: uuidv7(),
          campaign_id: campaignId,
          org_path: u.path,
          lang,
          texts: '{}',
          updated_at: now(),
        })
        .execute();
    },
    async need(childId: string, itemCode: string, quantity = 1) {
      const item = await db
        .selectFrom('need_items')
        .select('id')
        .where('code', '=', itemCode)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('child_needs')
        .values({
          id: uuidv7(),
          child_id: childId,
          item_id: item.id,
          size: null,
          quantity,
          est_cost: null,
          status: 'open',
          created_at: now(),
          updated_at: now(),
        })
        .execute();
      await facts(childId);
    },

    /**
     * Records the example school's campaign (the domain fixture) at the school `code`, through the tables. The
     * campaign is opened at `campaignAt` (the school itself by default). Returns the map fixture id → row id.
     */
    async exampleSchool(code: string, input: ReportInput, campaignId: string) {
      await api.rename(code, input.org.name, input.org.hotline);
      const ids = new Map<string, string>();
      for (const c of input.children) {
        ids.set(c.id, await api.child(code, { categories: c.categories, status: c.status }));
      }
      for (const s of input.sponsors) {
        ids.set(
          s.id,
          await api.sponsor(code, { name: s.name, type: s.type, head: s.head, anonymous: s.anonymous }),
        );
      }
      // Reversing rows must come after the rows they cancel.
      const ordered = [...input.aid].sort(
        (a, b) => Number(Boolean(a.reverses)) - Number(Boolean(b.reverses)),
      );
      for (const a of ordered) {
        ids.set(
          a.id,
          await api.aid(code, {
            childId: ids.get(a.childId)!,
            date: a.date,
            amount: a.amount,
            sponsorId: a.source.kind === 'sponsor' ? ids.get(a.source.sponsorId) : null,
            form: a.form,
            items: a.items,
            reverses: a.reverses ? ids.get(a.reverses) : null,
          }),
        );
      }
      for (const raid of input.raids) await api.raid(code, campaignId, raid, ids);
      for (const call of input.hotline) await api.hotline(code, campaignId, call.status);
      let n = 0;
      for (const item of input.plan) await api.plan(code, campaignId, item.status, (n += 1));
      if (input.stand || input.booklets.languages.length > 0) {
        for (const lang of input.booklets.languages) await api.materials(code, campaignId, lang);
      }
      return ids;
    },
  };
  return api;
}
