import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_CODES, type CategoryCode } from '#domain/categories';
import { parseClassLabel } from '#domain/class-label';
import { checkPersonName } from '#domain/safe-text';
import { ApiError } from '../../api/client.ts';
import { useErrorText } from '../../api/use-error-text.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { categoryLabel } from './child-labels.ts';
import { useRequestTransfer, useSaveChild } from './children.api.ts';
import {
  CHILD_SOURCES,
  type Child,
  type ChildCategory,
  type ChildInput,
  type ChildSource,
  type Guardian,
} from './children.types.ts';
import { ConflictDialog } from './conflict-dialog.tsx';
import { IinInput, useIinState } from './iin-input.tsx';

interface FormValues {
  iin: string;
  surname: string;
  name: string;
  patronymic: string;
  birthDate: string;
  classLabel: string;
  address: string;
  notes: string;
  notAttending: boolean;
  source: ChildSource;
  consentBy: string;
  consentDate: string;
  consentScope: string;
  guardians: Guardian[];
  categories: ChildCategory[];
}

function valuesOf(child: Child | null): FormValues {
  return {
    iin: child?.iin ?? '',
    surname: child?.surname ?? '',
    name: child?.name ?? '',
    patronymic: child?.patronymic ?? '',
    birthDate: child?.birthDate ?? '',
    classLabel: child?.classLabel ?? '',
    address: child?.address ?? '',
    notes: child?.notes ?? '',
    notAttending: child?.notAttending ?? false,
    source: child?.source ?? 'teacher',
    consentBy: child?.consent?.by ?? '',
    consentDate: child?.consent?.date ?? '',
    consentScope: child?.consent?.scope ?? '',
    guardians: child?.guardians ?? [],
    categories: child?.categories ?? [],
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function inputOf(v: FormValues): ChildInput {
  return {
    iin: orNull(v.iin),
    surname: v.surname.trim(),
    name: v.name.trim(),
    patronymic: orNull(v.patronymic),
    birthDate: v.birthDate,
    classLabel: v.classLabel.trim(),
    address: orNull(v.address),
    notes: orNull(v.notes),
    notAttending: v.notAttending,
    source: v.source,
    consent:
      v.consentBy.trim() && v.consentDate
        ? { by: v.consentBy.trim(), date: v.consentDate, scope: orNull(v.consentScope) }
        : null,
    guardians: v.guardians.filter((g) => g.name.trim() !== ''),
    categories: v.categories,
  };
}

interface ChildFormProps {
  child: Child | null;
  /** Where a new child goes (the school chosen in the header). */
  schoolCode?: string;
  onSaved: (child: Child) => void;
}

export function ChildForm({ child, schoolCode, onSaved }: ChildFormProps) {
  const { t: tc } = useTranslation('children');
  const lang = useLang();
  const errorText = useErrorText();
  const save = useSaveChild();
  const transfer = useRequestTransfer();
  const [base, setBase] = useState<Child | null>(child);
  const [values, setValues] = useState<FormValues>(() => valuesOf(child));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<Child | null>(null);
  const readOnly = child !== null && !child.editable;
  const iinState = useIinState(values.iin, values.birthDate);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  // Checks the browser can make at once; the server makes them again.
  const localErrors = (): Record<string, string> => {
    const e: Record<string, string> = {};
    for (const key of ['surname', 'name', 'patronymic'] as const) {
      const text = values[key].trim();
      if (text === '' && key !== 'patronymic') e[key] = tc('errors.required');
      else if (text !== '') {
        const problem = checkPersonName(text);
        if (problem) e[key] = tc(`errors.text.${problem}`);
      }
    }
    if (!values.birthDate) e.birthDate = tc('errors.required');
    if (!parseClassLabel(values.classLabel).ok)
      e.classLabel = tc('errors.class', { value: values.classLabel });
    if (iinState.error) e.iin = iinState.error;
    return e;
  };

  const submit = async (version?: number) => {
    const local = localErrors();
    setFieldErrors(local);
    setError(null);
    if (Object.keys(local).length > 0) return;
    try {
      const saved = await save.mutateAsync({
        id: child?.id ?? null,
        input: child === null && schoolCode ? { ...inputOf(values), schoolCode } : inputOf(values),
        version: version ?? base?.version,
      });
      for (const w of saved.warnings) notifications.show({ color: 'orange', message: w.message });
      notifications.show({ color: 'teal', message: tc('form.saved') });
      setBase(saved);
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict' && e.details.current) {
        setConflict(e.details.current as Child);
      } else if (e instanceof ApiError) {
        setFieldErrors(e.fields);
        setError(e);
      } else throw e;
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };

  const guardian = (i: number, patch: Partial<Guardian>) =>
    set(
      'guardians',
      values.guardians.map((g, j) => (j === i ? { ...g, ...patch } : g)),
    );
  const category = (code: CategoryCode, patch: Partial<ChildCategory>) =>
    set(
      'categories',
      values.categories.map((c) => (c.code === code ? { ...c, ...patch } : c)),
    );

  return (
    <form onSubmit={onSubmit} noValidate data-testid="child-form">
      <Stack>
        {error && error.code === 'iin_elsewhere' ? (
          <Alert color="orange" data-testid="child-iin-elsewhere">
            <Stack gap="xs">
              {error.message}
              <Group>
                <Button
                  size="xs"
                  loading={transfer.isPending}
                  disabled={transfer.isSuccess}
                  onClick={() =>
                    void transfer
                      .mutateAsync({ iin: values.iin, classLabel: values.classLabel })
                      .catch(() => undefined)
                  }
                  data-testid="child-request-transfer"
                >
                  {transfer.isSuccess ? tc('transfer.requested') : tc('transfer.request')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          error && (
            <Alert color="red" role="alert">
              {errorText(error)}
            </Alert>
          )
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <IinInput
            value={values.iin}
            onChange={(v) => set('iin', v)}
            birthDate={values.birthDate}
            serverError={fieldErrors.iin}
            readOnly={readOnly}
          />
          <TextInput
            label={tc('fields.surname')}
            required
            value={values.surname}
            onChange={(e) => set('surname', e.currentTarget.value)}
            error={fieldErrors.surname}
            readOnly={readOnly}
            data-testid="child-surname"
          />
          <TextInput
            label={tc('fields.name')}
            required
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={fieldErrors.name}
            readOnly={readOnly}
            data-testid="child-name"
          />
          <TextInput
            label={tc('fields.patronymic')}
            value={values.patronymic}
            onChange={(e) => set('patronymic', e.currentTarget.value)}
            error={fieldErrors.patronymic}
            readOnly={readOnly}
          />
          <TextInput
            label={tc('fields.birthDate')}
            required
            type="date"
            value={values.birthDate}
            onChange={(e) => set('birthDate', e.currentTarget.value)}
            error={fieldErrors.birthDate}
            readOnly={readOnly}
            data-testid="child-birthDate"
          />
          <TextInput
            label={tc('fields.classLabel')}
            required
            placeholder="5А"
            value={values.classLabel}
            onChange={(e) => set('classLabel', e.currentTarget.value)}
            error={fieldErrors.classLabel}
            readOnly={readOnly}
            data-testid="child-class"
          />
          <TextInput
            label={tc('fields.address')}
            value={values.address}
            onChange={(e) => set('address', e.currentTarget.value)}
            error={fieldErrors.address}
            readOnly={readOnly}
          />
          {child === null && (
            <Select
              label={tc('fields.source')}
              value={values.source}
              onChange={(v) => set('source', v ?? 'teacher')}
              data={CHILD_SOURCES.map((s) => ({ value: s, label: tc(`source.${s}`) }))}
              allowDeselect={false}
            />
          )}
        </SimpleGrid>
        <Checkbox
          label={tc('fields.notAttending')}
          checked={values.notAttending}
          onChange={(e) => set('notAttending', e.currentTarget.checked)}
          disabled={readOnly}
        />
        <Fieldset legend={tc('fields.categories')}>
          <Stack gap="xs">
            <MultiSelect
              aria-label={tc('fields.categories')}
              value={values.categories.map((c) => c.code)}
              onChange={(codes) =>
                set(
                  'categories',
                  codes.map(
                    (code) =>
                      values.categories.find((c) => c.code === code) ?? {
                        code: code,
                        docName: null,
                        docNumber: null,
                        docDate: null,
                        validUntil: null,
                      },
                  ),
                )
              }
              data={CATEGORY_CODES.map((code) => ({ value: code, label: categoryLabel(code, lang) }))}
              readOnly={readOnly}
            />
            {values.categories.map((c) => (
              <SimpleGrid key={c.code} cols={{ base: 1, sm: 4 }}>
                <TextInput
                  label={`${categoryLabel(c.code, lang)}: ${tc('fields.docName')}`}
                  value={c.docName ?? ''}
                  onChange={(e) => category(c.code, { docName: orNull(e.currentTarget.value) })}
                  readOnly={readOnly}
                />
                <TextInput
                  label={tc('fields.docNumber')}
                  value={c.docNumber ?? ''}
                  onChange={(e) => category(c.code, { docNumber: orNull(e.currentTarget.value) })}
                  readOnly={readOnly}
                />
                <TextInput
                  label={tc('fields.docDate')}
                  type="date"
                  value={c.docDate ?? ''}
                  onChange={(e) => category(c.code, { docDate: orNull(e.currentTarget.value) })}
                  readOnly={readOnly}
                />
                <TextInput
                  label={tc('fields.validUntil')}
                  type="date"
                  value={c.validUntil ?? ''}
                  onChange={(e) => category(c.code, { validUntil: orNull(e.currentTarget.value) })}
                  readOnly={readOnly}
                />
              </SimpleGrid>
            ))}
          </Stack>
        </Fieldset>
        <Fieldset legend={tc('fields.guardians')}>
          <Stack gap="xs">
            {values.guardians.map((g, i) => (
              <Group key={i} align="flex-end" wrap="wrap">
                <TextInput
                  label={tc('fields.guardianName')}
                  value={g.name}
                  onChange={(e) => guardian(i, { name: e.currentTarget.value })}
                  error={fieldErrors[`guardians.${i}.name`]}
                  readOnly={readOnly}
                />
                <TextInput
                  label={tc('fields.relation')}
                  value={g.relation ?? ''}
                  onChange={(e) => guardian(i, { relation: orNull(e.currentTarget.value) })}
                  readOnly={readOnly}
                />
                <TextInput
                  label={tc('fields.phone')}
                  value={g.phone ?? ''}
                  onChange={(e) => guardian(i, { phone: orNull(e.currentTarget.value) })}
                  error={fieldErrors[`guardians.${i}.phone`]}
                  readOnly={readOnly}
                />
                <TextInput
                  label={tc('fields.iin')}
                  value={g.iin ?? ''}
                  onChange={(e) => guardian(i, { iin: orNull(e.currentTarget.value) })}
                  error={fieldErrors[`guardians.${i}.iin`]}
                  readOnly={readOnly}
                />
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={tc('form.removeGuardian')}
                    onClick={() =>
                      set(
                        'guardians',
                        values.guardians.filter((_, j) => j !== i),
                      )
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            ))}
            {!readOnly && (
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() =>
                  set('guardians', [
                    ...values.guardians,
                    { name: '', relation: null, phone: null, iin: null },
                  ])
                }
                w="fit-content"
              >
                {tc('form.addGuardian')}
              </Button>
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={tc('fields.consent')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={tc('fields.consentBy')}
              value={values.consentBy}
              onChange={(e) => set('consentBy', e.currentTarget.value)}
              error={fieldErrors['consent.by']}
              readOnly={readOnly}
            />
            <TextInput
              label={tc('fields.consentDate')}
              type="date"
              value={values.consentDate}
              onChange={(e) => set('consentDate', e.currentTarget.value)}
              error={fieldErrors['consent.date']}
              readOnly={readOnly}
            />
            <TextInput
              label={tc('fields.consentScope')}
              value={values.consentScope}
              onChange={(e) => set('consentScope', e.currentTarget.value)}
              readOnly={readOnly}
            />
          </SimpleGrid>
        </Fieldset>
        <Textarea
          label={tc('fields.notes')}
          minRows={2}
          value={values.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={fieldErrors.notes}
          readOnly={readOnly}
        />
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="child-save">
              {tc('form.save')}
            </Button>
          </Group>
        )}
      </Stack>
      {conflict && base && (
        <ConflictDialog
          base={base}
          current={conflict}
          onClose={() => setConflict(null)}
          onTakeTheirs={() => {
            setBase(conflict);
            setValues(valuesOf(conflict));
            setConflict(null);
          }}
          onKeepMine={() => {
            const version = conflict.version;
            setBase(conflict);
            setConflict(null);
            void submit(version);
          }}
        />
      )}
    </form>
  );
}
