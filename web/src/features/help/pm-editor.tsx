import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '#domain/money';
import { useErrorText } from '../../api/use-error-text.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { usePmList, usePutPm } from './help.api.ts';

/** The subsistence minimum of a year as reference data an admin keeps current. */
export function PmEditor({ year }: { year: number }) {
  const { t: th } = useTranslation('help');
  const lang = useLang();
  const errorText = useErrorText();
  const list = usePmList();
  const put = usePutPm();
  const current = list.data?.find((p) => p.year === year);
  const [amount, setAmount] = useState<string | null>(null);
  const value = amount ?? (current ? formatNumber(current.amount, lang) : '');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        put.mutate({ year, amount: value, version: current?.version }, { onSuccess: () => setAmount(null) });
      }}
    >
      <Group align="flex-end">
        <TextInput
          label={th('ui.fv.pmEdit', { year })}
          value={value}
          onChange={(e) => setAmount(e.currentTarget.value)}
        />
        <Button type="submit" variant="light" loading={put.isPending}>
          {th('ui.fv.save')}
        </Button>
      </Group>
      {put.isError && <Alert color="red">{errorText(put.error)}</Alert>}
    </form>
  );
}
