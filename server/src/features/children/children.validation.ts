import { checkIin, iinBirthDateMismatch } from '#domain/iin';
import { parseClassLabel } from '#domain/class-label';
import { parseDateInput } from '#domain/dates';
import { checkFreeText, personNameProblem, visibleChar } from '#domain/safe-text';
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

/**
 * Longest value of each text field, the same as the API's schema (children.schema.ts): an import row or any other
 * path into checkChild is held to the limits of the form.
 */
export const CHILD_TEXT_MAX = {
  iin: 20,
  surname: 100,
  name: 100,
  patronymic: 100,
  classLabel: 10,
  address: 500,
  notes: 2000,
  guardianName: 200,
  guardianRelation: 100,
  guardianPhone: 50,
  consentBy: 200,
  consentScope: 500,
  docName: 200,
  docNumber: 100,
} as const;

/** An IIN's refusal as a message, or null when valid. Shared with guardians' IINs and transfers. */
export function iinError(value: string): Message | null {
  const check = checkIin(value);
  return check.ok ? null : { key: `children:errors.iin.${check.error}` };
}

/** A phone as people write it: "+7 (701) 123-45-67", "8 701 1234567", two numbers "8 701 …, 8 777 …". */
function isPhone(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return /^[+\d(][\d\s().,;/+-]*$/.test(text) && digits >= 5 && digits <= 30;
}

/**
 * Checks every field of a child and normalises it. Errors name the field ("guardians.0.phone"); an IIN whose
 * encoded birth date or sex differs from the entered one is only a warning (IINs since 2013 may differ).
 */
export function checkChild(raw: RawChild, today: string): ChildCheck {
  const errors: Record<string, Message> = {};
  const warnings: FieldIssue[] = [];

  const tooLong = (field: string, value: string, max: number) => {
    if (value.trim().length <= max) return false;
    errors[field] = { key: 'children:errors.text.tooLong', params: { max } };
    return true;
  };
  // A person's own name: letters of any script with the joiners names use; the wrong character is named.
  const name = (
    field: string,
    value: string | null | undefined,
    required: boolean,
    max: number,
  ): string | null => {
    if (blank(value)) {
      if (required) errors[field] = { key: 'children:errors.required' };
      return null;
    }
    if (tooLong(field, value!, max)) return null;
    const problem = personNameProblem(value!);
    if (problem) {
      errors[field] =
        problem.problem === 'chars' || problem.problem === 'formula'
          ? { key: 'children:errors.text.char', params: { char: visibleChar(problem.char) } }
          : { key: `children:errors.text.${problem.problem}` };
    }
    return value!.trim().replace(/\s+/g, ' ');
  };
  // Free text: whatever people write (initials, «(мать)», №, quotes, digits), only without markup or control
  // characters.
  const free = (
    field: string,
    value: string | null | undefined,
    max: number,
    multiline = false,
  ): string | null => {
    if (blank(value)) return null;
    if (tooLong(field, value!, max)) return null;
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

  const surname = name('surname', raw.surname, true, CHILD_TEXT_MAX.surname);
  const firstName = name('name', raw.name, true, CHILD_TEXT_MAX.name);
  const patronymic = name('patronymic', raw.patronymic, false, CHILD_TEXT_MAX.patronymic);
  const birthDate = date('birthDate', raw.birthDate, true, true);

  let iin: string | null = null;
  let sex = raw.sex ?? null;
  if (!blank(raw.iin)) {
    iin = raw.iin!.trim();
    const error = iin.length > CHILD_TEXT_MAX.iin ? { key: 'children:errors.iin.length' } : iinError(iin);
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
  else if (tooLong('classLabel', raw.classLabel!, 40)) {
    // A class label is short; a long value is not a class at all (the message below would quote all of it).
  } else {
    const parsed = parseClassLabel(raw.classLabel!);
    if (!parsed.ok)
      errors.classLabel = { key: 'children:errors.class', params: { value: raw.classLabel!.trim() } };
    else ({ grade, label: classLabel } = parsed);
  }

  const address = free('address', raw.address, CHILD_TEXT_MAX.address);
  const notes = free('notes', raw.notes, CHILD_TEXT_MAX.notes, true);

  let consent: ChildValues['consent'] = null;
  if (raw.consent) {
    const by = blank(raw.consent.by)
      ? ((errors['consent.by'] = { key: 'children:errors.required' }), null)
      : free('consent.by', raw.consent.by, CHILD_TEXT_MAX.consentBy);
    const when = date('consent.date', raw.consent.date, true, true);
    const scope = free('consent.scope', raw.consent.scope, CHILD_TEXT_MAX.consentScope);
    if (by && when) consent = { by, date: when, scope };
  }

  const guardians = (raw.guardians ?? []).map((g, i) => {
    // "Иванова А. С. (мать)", "Жумабаева Гульнар (опекун)": a guardian is written as people write it.
    if (blank(g.name)) errors[`guardians.${i}.name`] = { key: 'children:errors.required' };
    const gName = (free(`guardians.${i}.name`, g.name, CHILD_TEXT_MAX.guardianName) ?? '').replace(
      /\s+/g,
      ' ',
    );
    const relation = free(`guardians.${i}.relation`, g.relation, CHILD_TEXT_MAX.guardianRelation);
    const phone = free(`guardians.${i}.phone`, g.phone, CHILD_TEXT_MAX.guardianPhone);
    if (phone && !errors[`guardians.${i}.phone`] && !isPhone(phone))
      errors[`guardians.${i}.phone`] = { key: 'children:errors.phoneValue', params: { value: phone } };
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
        docName: free(`categories.${i}.docName`, c.docName, CHILD_TEXT_MAX.docName),
        docNumber: free(`categories.${i}.docNumber`, c.docNumber, CHILD_TEXT_MAX.docNumber),
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
