import { Button, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { todayInKazakhstan } from '#domain/clock';
import { CASE_STEP_KINDS, type CaseStepKind } from '#domain/operations';

export interface CaseStepInput {
  id: string;
  kind: CaseStepKind;
  doneOn: string;
  byWhom: string;
  notes: string | null;
  nextOn: string | null;
}

/** A follow-up step as typed after a home visit, on a phone. A step before the day the child was found is refused here already. */
export function CaseStepForm({
  openedOn,
  defaultBy,
  onSubmit,
}: {
  openedOn: string;
  defaultBy: string;
  onSubmit: (step: CaseStepInput) => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CaseStepKind>('home_visit');
  const [doneOn, setDoneOn] = useState(todayInKazakhstan());
  const [byWhom, setByWhom] = useState(defaultBy);
  const [notes, setNotes] = useState('');
  const [nextOn, setNextOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!doneOn) found.doneOn = t('operations:raids.errors.required');
    else if (doneOn < openedOn) found.doneOn = t('operations:cases.errors.beforeOpened', { date: openedOn });
    if (!byWhom.trim()) found.byWhom = t('operations:raids.errors.required');
    if (nextOn && doneOn && nextOn < doneOn) found.nextOn = t('operations:cases.errors.nextBeforeStep');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await onSubmit({
      id: uuidv7(),
      kind,
      doneOn,
      byWhom: byWhom.trim(),
      notes: notes.trim() || null,
      nextOn: kind === 'attends_school' ? null : nextOn || null,
    });
  };

  return (
    <Stack gap="xs" data-testid="case-step-form">
      <NativeSelect
        label={t('operations:cases.stepKind')}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as CaseStepKind)}
        data={CASE_STEP_KINDS.map((k) => ({ value: k, label: t(`operations:cases.steps.${k}`) }))}
        data-testid="case-step-kind"
      />
      <TextInput
        type="date"
        label={t('operations:cases.doneOn')}
        value={doneOn}
        onChange={(e) => setDoneOn(e.currentTarget.value)}
        error={errors.doneOn}
        data-testid="case-step-date"
      />
      <TextInput
        label={t('operations:cases.byWhom')}
        value={byWhom}
        onChange={(e) => setByWhom(e.currentTarget.value)}
        error={errors.byWhom}
      />
      <Textarea
        label={t('operations:cases.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        rows={3}
      />
      {kind !== 'attends_school' && (
        <TextInput
          type="date"
          label={t('operations:cases.nextOn')}
          value={nextOn}
          onChange={(e) => setNextOn(e.currentTarget.value)}
          error={errors.nextOn}
        />
      )}
      <Button size="md" fullWidth onClick={() => void submit()} data-testid="case-step-save">
        {t('operations:cases.saveStep')}
      </Button>
    </Stack>
  );
}
