import { z } from 'zod';
import { CATEGORY_CODES } from '#domain/categories';
import { ListQuery, Version } from '../../http/common.schema.ts';

export const ChildStatus = z.enum(['proposed', 'approved', 'rejected', 'helped', 'archived']);
export type ChildStatus = z.infer<typeof ChildStatus>;
export const ChildSource = z.enum(['teacher', 'family', 'hotline', 'raid', 'import']);
export const NeedStatus = z.enum(['open', 'pledged', 'delivered']);
export const CategoryCode = z.enum(CATEGORY_CODES);
export const Sex = z.enum(['m', 'f']);

// Shapes only; the meaning (IIN check digit, class, names without markup, dates) is checked by
// children.validation.ts so that the API and the importer refuse the same things with the same messages.
const Text = (max: number) => z.string().max(max);
const OptText = (max: number) => z.string().max(max).nullable().optional();
const IsoDate = z.string().max(10);

export const GuardianInput = z.strictObject({
  name: Text(200),
  relation: OptText(100),
  phone: OptText(50),
  iin: OptText(20),
});

export const CategoryInput = z.strictObject({
  code: CategoryCode,
  docName: OptText(200),
  docNumber: OptText(100),
  docDate: IsoDate.nullable().optional(),
  validUntil: IsoDate.nullable().optional(),
});

export const ConsentInput = z.strictObject({
  by: Text(200),
  date: IsoDate,
  scope: OptText(500),
});

const fields = {
  iin: OptText(20),
  surname: Text(100),
  name: Text(100),
  patronymic: OptText(100),
  birthDate: IsoDate,
  sex: Sex.nullable().optional(),
  classLabel: Text(10),
  address: OptText(500),
  notes: OptText(2000),
  notAttending: z.boolean().optional(),
  source: ChildSource.optional(),
  consent: ConsentInput.nullable().optional(),
  guardians: z.array(GuardianInput).max(10).optional(),
  categories: z.array(CategoryInput).max(10).optional(),
};

export const ChildCreate = z.strictObject({
  /** The school; school staff may leave it out (their own school). */
  schoolCode: z.string().trim().max(40).optional(),
  ...fields,
});
export type ChildCreate = z.infer<typeof ChildCreate>;

export const ChildPatch = z.strictObject({
  version: Version,
  iin: fields.iin,
  surname: fields.surname.optional(),
  name: fields.name.optional(),
  patronymic: fields.patronymic,
  birthDate: fields.birthDate.optional(),
  sex: fields.sex,
  classLabel: fields.classLabel.optional(),
  address: fields.address,
  notes: fields.notes,
  notAttending: fields.notAttending,
  source: fields.source,
  consent: fields.consent,
  guardians: fields.guardians,
  categories: fields.categories,
});
export type ChildPatch = z.infer<typeof ChildPatch>;

export const GuardianDto = z.object({
  name: z.string(),
  relation: z.string().nullable(),
  phone: z.string().nullable(),
  iin: z.string().nullable(),
});
export const CategoryDto = z.object({
  code: z.string(),
  docName: z.string().nullable(),
  docNumber: z.string().nullable(),
  docDate: z.string().nullable(),
  validUntil: z.string().nullable(),
});

export const ChildDto = z.object({
  id: z.string(),
  schoolCode: z.string(),
  schoolNameRu: z.string(),
  schoolNameKk: z.string(),
  iin: z.string().nullable(),
  surname: z.string(),
  name: z.string(),
  patronymic: z.string().nullable(),
  birthDate: z.string(),
  sex: Sex.nullable(),
  grade: z.number(),
  classLabel: z.string(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  notAttending: z.boolean(),
  status: ChildStatus,
  rejectReason: z.string().nullable(),
  source: ChildSource,
  consent: z.object({ by: z.string(), date: z.string(), scope: z.string().nullable() }).nullable(),
  guardians: z.array(GuardianDto),
  categories: z.array(CategoryDto),
  openNeeds: z.number(),
  possibleDuplicate: z.boolean(),
  /** Whether this viewer may change the record (officers above schools only read). */
  editable: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChildDto = z.infer<typeof ChildDto>;

export const Warning = z.object({ field: z.string(), code: z.string(), message: z.string() });
export const ChildSaved = ChildDto.extend({ warnings: z.array(Warning) });

export const ChildSort = z.enum([
  'name',
  '-name',
  'class',
  '-class',
  'birthDate',
  '-birthDate',
  'updated',
  '-updated',
]);
export type ChildSort = z.infer<typeof ChildSort>;

export const ChildFilter = ListQuery.omit({ limit: true, cursor: true }).extend({
  class: z.string().trim().max(10).optional(),
  category: z.enum([...CATEGORY_CODES, 'not_attending']).optional(),
  status: ChildStatus.optional(),
  need: z.string().trim().max(40).optional(),
  sort: ChildSort.default('name'),
});
export type ChildFilter = z.infer<typeof ChildFilter>;
export const ChildListQuery = ListQuery.extend(ChildFilter.shape);
export type ChildListQuery = z.infer<typeof ChildListQuery>;
export const ExportQuery = ChildFilter.extend({ lang: z.enum(['kk', 'ru', 'en']).optional() });

export const StatusAction = z.enum(['approve', 'reject', 'helped', 'archive', 'reopen']);
export type StatusAction = z.infer<typeof StatusAction>;
export const StatusChange = z.strictObject({
  version: Version,
  action: StatusAction,
  reason: z.string().trim().max(1000).optional(),
});
export const StatusHistoryDto = z.object({
  from: ChildStatus.nullable(),
  to: ChildStatus,
  reason: z.string().nullable(),
  actor: z.string(),
  at: z.string(),
});

export const IdParams = z.object({ id: z.string().max(40) });
export const NeedParams = z.object({ id: z.string().max(40), needId: z.string().max(40) });

// Needs.
export const NeedDto = z.object({
  id: z.string(),
  childId: z.string(),
  itemId: z.string(),
  itemCode: z.string(),
  size: z.string().nullable(),
  quantity: z.number(),
  estCost: z.number().nullable(),
  status: NeedStatus,
  version: z.number(),
});
export type NeedDto = z.infer<typeof NeedDto>;
export const NeedCreate = z.strictObject({
  itemId: z.string().max(40),
  size: OptText(20),
  quantity: z.number().int().min(1).max(100).default(1),
  /** Whole tenge, as a number or as people type it ("15 000"). */
  estCost: z
    .union([z.number(), z.string().max(30)])
    .nullable()
    .optional(),
  status: NeedStatus.optional(),
});
export const NeedPatch = z.strictObject({
  version: Version,
  itemId: z.string().max(40).optional(),
  size: OptText(20),
  quantity: z.number().int().min(1).max(100).optional(),
  estCost: z
    .union([z.number(), z.string().max(30)])
    .nullable()
    .optional(),
  status: NeedStatus.optional(),
});
export type NeedCreate = z.infer<typeof NeedCreate>;
export type NeedPatch = z.infer<typeof NeedPatch>;

export const NeedsSummaryQuery = z.object({
  org: z.string().trim().max(40).optional(),
  status: NeedStatus.default('open'),
});
export const NeedsSummaryDto = z.object({
  rows: z.array(
    z.object({
      itemId: z.string(),
      itemCode: z.string(),
      nameKk: z.string(),
      nameRu: z.string(),
      nameEn: z.string(),
      size: z.string().nullable(),
      quantity: z.number(),
      children: z.number(),
      estCost: z.number(),
    }),
  ),
  totalQuantity: z.number(),
  totalEstCost: z.number(),
  children: z.number(),
});

// The need-items catalogue.
export const NeedItemDto = z.object({
  id: z.string(),
  code: z.string(),
  nameKk: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  hasSize: z.boolean(),
  defaultCost: z.number().nullable(),
  position: z.number(),
  active: z.boolean(),
  version: z.number(),
});
export type NeedItemDto = z.infer<typeof NeedItemDto>;
const ItemName = z.string().trim().min(1).max(200);
export const NeedItemCreate = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_]+$/),
  nameKk: ItemName,
  nameRu: ItemName,
  nameEn: ItemName,
  hasSize: z.boolean().default(false),
  defaultCost: z.number().int().min(0).max(10_000_000).nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
export const NeedItemPatch = z.strictObject({
  version: Version,
  nameKk: ItemName.optional(),
  nameRu: ItemName.optional(),
  nameEn: ItemName.optional(),
  hasSize: z.boolean().optional(),
  defaultCost: z.number().int().min(0).max(10_000_000).nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});
export type NeedItemCreate = z.infer<typeof NeedItemCreate>;
export type NeedItemPatch = z.infer<typeof NeedItemPatch>;

// Transfers and duplicates.
export const TransferCreate = z.strictObject({
  iin: z.string().trim().max(20),
  classLabel: Text(10),
  note: OptText(500),
});
export const TransferDto = z.object({
  id: z.string(),
  /** The child and where it comes from: null while the child is not one the viewer may see (a request sent). */
  childId: z.string().nullable(),
  childName: z.string().nullable(),
  fromSchoolCode: z.string().nullable(),
  toSchoolCode: z.string(),
  classLabel: z.string(),
  note: z.string().nullable(),
  status: z.enum(['pending', 'accepted', 'declined']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Whether this viewer decides it (the school that holds the child). */
  decidable: z.boolean(),
});
export type TransferDto = z.infer<typeof TransferDto>;
export const TransferDecision = z.strictObject({ decision: z.enum(['accept', 'decline']) });

export const DuplicateDto = z.object({
  id: z.string(),
  child: z.object({
    id: z.string(),
    fullName: z.string(),
    birthDate: z.string(),
    classLabel: z.string(),
    schoolCode: z.string(),
  }),
  /** The look-alike; null when it is registered where the viewer may not see (another school or class). */
  other: z
    .object({
      id: z.string(),
      fullName: z.string(),
      birthDate: z.string(),
      classLabel: z.string(),
      schoolCode: z.string(),
    })
    .nullable(),
  status: z.enum(['open', 'distinct', 'same']),
});
export const DuplicateResolve = z.strictObject({ decision: z.enum(['distinct', 'same']) });
