import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import { ApiError } from '../../api/client.ts';
import { ORG_UNIT_TYPES, type OrgUnit, type OrgUnitInput, type OrgUnitType } from '../../api/types.ts';
import { useErrorText } from '../../api/use-error-text.ts';
import { useSession } from '../auth/session-context.tsx';
import { OrgUnitSelect } from './org-unit-select.tsx';
import { useCreateOrgUnit, useOrgUnit, useUpdateOrgUnit } from './org-units.api.ts';

type TextField = 'code' | 'nameRu' | 'nameKk' | 'address' | 'director' | 'phone' | 'hotline';
type FormValues = Record<TextField, string> & { parentCode: string | null; type: OrgUnitType };
type FieldErrors = Partial<Record<keyof FormValues, string>>;

interface OrgUnitFormProps {
  /** The unit to edit; null to create a new one. */
  unit: OrgUnit | null;
  /** Parent offered for a new unit. */
  defaultParent: OrgUnit;
  onClose: () => void;
}

function valuesOf(unit: OrgUnit): FormValues {
  return {
    code: unit.code,
    parentCode: unit.parentCode,
    type: unit.type,
    nameRu: unit.nameRu,
    nameKk: unit.nameKk,
    address: unit.address ?? '',
    director: unit.director ?? '',
    phone: unit.phone ?? '',
    hotline: unit.hotline ?? '',
  };
}

/** The tree has fixed levels: a unit's type follows from its parent's. Schools have no units below them. */
const CHILD_TYPE: Record<OrgUnitType, OrgUnitType | null> = {
  republic: 'region',
  region: 'district',
  district: 'school',
  school: null,
};

const optional = (value: string) => value.trim() || null;

export function OrgUnitFormModal({ unit, defaultParent, onClose }: OrgUnitFormProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={unit ? t('orgUnits.editTitle', { code: unit.code }) : t('orgUnits.addTitle')}
    >
      <OrgUnitForm unit={unit} defaultParent={defaultParent} onClose={onClose} />
    </Modal>
  );
}

function OrgUnitForm({ unit, defaultParent, onClose }: OrgUnitFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const me = useSession();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const [version, setVersion] = useState(unit?.version ?? 0);
  const startParent = CHILD_TYPE[defaultParent.type] ? defaultParent : null;
  const [values, setValues] = useState<FormValues>(() =>
    unit
      ? valuesOf(unit)
      : {
          code: '',
          parentCode: startParent?.code ?? null,
          type: CHILD_TYPE[startParent?.type ?? 'republic'] ?? 'region',
          nameRu: '',
          nameKk: '',
          address: '',
          director: '',
          phone: '',
          hotline: '',
        },
  );
  const [pickedParent, setPickedParent] = useState<OrgUnit | null>(unit ? null : startParent);
  const storedParent = useOrgUnit(pickedParent === null && values.parentCode ? values.parentCode : null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const pending = create.isPending || update.isPending;

  const setText = (field: TextField) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((old) => ({ ...old, [field]: value }));
  };

  const textInput = (field: TextField, required = false) => (
    <TextInput
      label={t(`orgUnits.fields.${field}`)}
      value={values[field]}
      onChange={setText(field)}
      error={errors[field]}
      required={required}
      data-testid={`org-unit-${field}`}
    />
  );

  /** Someone else saved first: show their version, keep the form open, never write over it. */
  const reloadAfterConflict = async (code: string) => {
    setConflict(true);
    try {
      const fresh = await api.get<OrgUnit>(`/api/org-units/${encodeURIComponent(code)}`);
      setValues(valuesOf(fresh));
      setVersion(fresh.version);
      setPickedParent(null);
    } catch (error) {
      setFormError(errorText(error));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!values.code.trim()) found.code = t('common.required');
    if (!values.parentCode) found.parentCode = t('common.required');
    if (!values.nameRu.trim()) found.nameRu = t('common.required');
    if (!values.nameKk.trim()) found.nameKk = t('common.required');
    setErrors(found);
    setFormError(null);
    setConflict(false);
    if (Object.keys(found).length > 0) return;
    const editable = {
      nameRu: values.nameRu.trim(),
      nameKk: values.nameKk.trim(),
      address: optional(values.address),
      director: optional(values.director),
      phone: optional(values.phone),
      hotline: optional(values.hotline),
    };

    const onError = (error: Error) => {
      if (error instanceof ApiError && error.isConflict && unit) {
        void reloadAfterConflict(unit.code);
        return;
      }
      if (error instanceof ApiError) setErrors(error.fields);
      setFormError(errorText(error));
    };

    if (unit) {
      update.mutate(
        { code: unit.code, patch: { ...editable, version } },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('orgUnits.saved') });
            onClose();
          },
          onError,
        },
      );
    } else {
      const input: OrgUnitInput = {
        ...editable,
        code: values.code.trim(),
        parentCode: values.parentCode ?? '',
        type: values.type,
      };
      create.mutate(input, {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('orgUnits.created') });
          onClose();
        },
        onError,
      });
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="org-unit-form">
      <Stack gap="sm">
        {conflict && (
          <Alert color="orange" role="alert" data-testid="conflict-message">
            {t('errors.conflict')}
          </Alert>
        )}
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('orgUnits.fields.code')}
            value={values.code}
            onChange={setText('code')}
            error={errors.code}
            required
            readOnly={unit !== null}
            data-testid="org-unit-code"
          />
          <Select
            label={t('orgUnits.fields.type')}
            value={values.type}
            data={ORG_UNIT_TYPES.map((type) => ({ value: type, label: t(`orgTypes.${type}`) }))}
            error={errors.type}
            disabled
          />
        </SimpleGrid>
        <OrgUnitSelect
          label={t('orgUnits.fields.parent')}
          scope={me.orgUnit.code}
          value={pickedParent ?? storedParent.data ?? null}
          onChange={(parent) => {
            setPickedParent(parent);
            setValues((old) => ({
              ...old,
              parentCode: parent?.code ?? null,
              type: (parent && CHILD_TYPE[parent.type]) ?? old.type,
            }));
          }}
          exclude={(candidate) => CHILD_TYPE[candidate.type] === null}
          error={errors.parentCode}
          disabled={unit !== null}
          allowDeselect={false}
          required
        />
        {textInput('nameKk', true)}
        {textInput('nameRu', true)}
        {textInput('address')}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {textInput('director')}
          {textInput('phone')}
          {textInput('hotline')}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="org-unit-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
