import { checkIin, iinBirthDateMismatch } from '#domain/iin';
import { parseClassLabel } from '#domain/class-label';
import { parseDateInput } from '#domain/dates';
import { checkFreeText, checkPersonName } from '#domain/safe-text';
import type { CategoryCode } from '#domain/categories';
import type { Message } from '../../http/app-error.ts';
import type { ChildSource } from '../../db/schema.ts';

/** A child as typed (API body merged onto the stored record, or an import row). */
export interface RawChild {
  iin?: string | null;
  surname?: string;
  name?: string;
  patronymic?: string | null;
  birthDate?: string;
  sex?: 'm' | 'f' | null;
  classLabel?: string;
  address?: string | null;
  notes?: string | null;
  notAttending?: boolean;
  source?: ChildSource;
  consent?: { by: string; date: string; scope?: string | null } | null;
  guardians?: { name: string; relation?: string | null; phone?: string | null; iin?: string | null }[];
  categories?: {
    code: CategoryCode;
    docName?: string | null;
    docNumber?: string | null;
    docDate?: string | null;
    validUntil?: string | null;
  }[];
}

/** The same child, checked and normalised: what the repository stores. */
export interface ChildValues {
  iin: string | null;
  surname: string;
  name: string;
  patronymic: string | null;
  birthDate: string;
  sex: 'm' | 'f' | null;
  grade: number;
  classLabel: string;
  address: string | null;
  notes: string | null;
  notAttending: boolean;
  source: ChildSource;
  consent: { by: string; date: string; scope: string | null } | null;
  guardians: { name: string; relation: string | null; phone: string | null; iin: string | null }[];
  categories: {
    code: CategoryCode;
    docName: string | null;
    docNumber: string | null;
    docDate: string | null;
    validUntil: string | null;
  }[];
}

export interface FieldIssue {
  field: string;
  code: string;
  message: Message;
}

export type ChildCheck =
  | { ok: true; values: ChildValues; warnings: FieldIssue[] }
  | { ok: false; errors: Record<string, Message>; warnings: FieldIssue[] };

const blank = (s: string | null | undefined) => (s ?? '').trim() === '';

/** An IIN's refusal as a message, or null when valid. Shared with guardians' IINs and transfers. */
export function iinError(value: string): Message | null {
  const check = checkIin(value);
  return check.ok ? null : { key: `children:errors.iin.${check.error}` };
}

/**
 * Checks every field of a child and normalises it. Errors name the field ("guardians.0.phone"); an IIN whose
 * encoded birth date or sex differs from the entered one is only a warning (IINs since 2013 may differ).
 */
export function checkChild(raw: RawChild, today: string): ChildCheck {
  const errors: Record<string, Message> = {};
  const warnings: FieldIssue[] = [];

  const name = (field: string, value: string | null | undefined, required: boolean): string | null => {
    if (blank(value)) {
      if (required) errors[field] = { key: 'children:errors.required' };
      return null;
    }
    const problem = checkPersonName(value!);
    if (problem) errors[field] = { key: `children:errors.text.${problem}` };
    return value!.trim().replace(/\s+/g, ' ');
  };
  const free = (field: string, value: string | null | undefined, multiline = false): string | null => {
    if (blank(value)) return null;
    const problem = checkFreeText(value!, { multiline });
    if (problem) errors[field] = { key: `children:errors.text.${problem}` };
    return value!.trim();
  };
  const date = (field: string, value: string | null | undefined, required: boolean, notFuture: boolean) => {
    if (blank(value)) {
      if (required) errors[field] = { key: 'children:errors.required' };
      return null;
    }
    const parsed = parseDateInput(value!);
    if (!parsed.ok) {
      errors[field] = { key: `children:errors.date.${parsed.error === 'format' ? 'format' : 'invalid'}` };
      return null;
    }
    if (notFuture && parsed.date > today) errors[field] = { key: 'children:errors.date.future' };
    return parsed.date;
  };

  const surname = name('surname', raw.surname, true);
  const firstName = name('name', raw.name, true);
  const patronymic = name('patronymic', raw.patronymic, false);
  const birthDate = date('birthDate', raw.birthDate, true, true);

  let iin: string | null = null;
  let sex = raw.sex ?? null;
  if (!blank(raw.iin)) {
    iin = raw.iin!.trim();
    const error = iinError(iin);
    if (error) errors.iin = error;
    else {
      const check = checkIin(iin);
      if (birthDate && iinBirthDateMismatch(iin, birthDate)) {
        warnings.push({
          field: 'iin',
          code: 'iin_birth_date',
          message: { key: 'children:warnings.iinBirthDate' },
        });
      }
      if (check.ok && check.sex) {
        if (sex === null) sex = check.sex;
        else if (sex !== check.sex)
          warnings.push({ field: 'iin', code: 'iin_sex', message: { key: 'children:warnings.iinSex' } });
      }
    }
  }

  let grade = 0;
  let classLabel = '';
  if (blank(raw.classLabel)) errors.classLabel = { key: 'children:errors.required' };
  else {
    const parsed = parseClassLabel(raw.classLabel!);
    if (!parsed.ok)
      errors.classLabel = { key: 'children:errors.class', params: { value: raw.classLabel!.trim() } };
    else ({ grade, label: classLabel } = parsed);
  }

  const address = free('address', raw.address);
  const notes = free('notes', raw.notes, true);

  let consent: ChildValues['consent'] = null;
  if (raw.consent) {
    const by = name('consent.by', raw.consent.by, true);
    const when = date('consent.date', raw.consent.date, true, true);
    const scope = free('consent.scope', raw.consent.scope);
    if (by && when) consent = { by, date: when, scope };
  }

  const guardians = (raw.guardians ?? []).map((g, i) => {
    const gName = name(`guardians.${i}.name`, g.name, true) ?? '';
    const relation = free(`guardians.${i}.relation`, g.relation);
    const phone = free(`guardians.${i}.phone`, g.phone);
    if (phone && !/^[+\d][\d\s()-]{4,24}$/.test(phone))
      errors[`guardians.${i}.phone`] = { key: 'children:errors.phone' };
    let gIin: string | null = null;
    if (!blank(g.iin)) {
      gIin = g.iin!.trim();
      const error = iinError(gIin);
      if (error) errors[`guardians.${i}.iin`] = error;
    }
    return { name: gName, relation, phone, iin: gIin };
  });

  const seen = new Set<string>();
  const categories = (raw.categories ?? []).flatMap((c, i) => {
    if (seen.has(c.code)) return [];
    seen.add(c.code);
    return [
      {
        code: c.code,
        docName: free(`categories.${i}.docName`, c.docName),
        docNumber: free(`categories.${i}.docNumber`, c.docNumber),
        docDate: date(`categories.${i}.docDate`, c.docDate, false, true),
        validUntil: date(`categories.${i}.validUntil`, c.validUntil, false, false),
      },
    ];
  });

  if (Object.keys(errors).length > 0) return { ok: false, errors, warnings };
  return {
    ok: true,
    warnings,
    values: {
      iin,
      surname: surname!,
      name: firstName!,
      patronymic,
      birthDate: birthDate!,
      sex,
      grade,
      classLabel,
      address,
      notes,
      notAttending: raw.notAttending ?? false,
      source: raw.source ?? 'teacher',
      consent,
      guardians,
      categories,
    },
  };
}

/** The lists' search and sort key: lower-cased full name (in JS, because SQLite lowers ASCII only). */
export function sortNameOf(v: Pick<ChildValues, 'surname' | 'name' | 'patronymic'>): string {
  return [v.surname, v.name, v.patronymic ?? ''].join(' ').trim().toLocaleLowerCase('ru').replace(/ё/g, 'е');
}

/** Same surname, name and birth date: the mark of a probable duplicate among children without an IIN. */
export function dupKeyOf(v: Pick<ChildValues, 'surname' | 'name' | 'birthDate'>): string {
  return (
    [v.surname, v.name].map((s) => s.toLocaleLowerCase('ru').replace(/ё/g, 'е')).join('|') + '|' + v.birthDate
  );
}
