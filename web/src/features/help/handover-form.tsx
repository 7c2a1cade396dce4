import {
  Alert,
  MultiSelect,
  Button,
  Checkbox,
  Group,
  List,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { formatNumber, formatTenge } from '#domain/money';
import { useErrorText } from '../../api/use-error-text.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { categoryLabel } from '../children/child-labels.ts';
import { DocLinks } from './doc-links.tsx';
import { useApprovedChildren, useCheckHandover, useFv, useRecordHandover, useSponsors } from './help.api.ts';
import { AID_FORMS, NEED_ITEMS, type AidForm, type AidSource, type HandoverInput } from './help.types.ts';

/**
 * One handover to many children: pick them from the approved list, the amount is prefilled with the year's
 * subsistence minimum; "Check" shows the warnings, "Confirm" records it and offers the act of transfer.
 */
export function HandoverForm({ org, year }: { org: string; year: number }) {
  const { t: th } = useTranslation('help');
  const lang = useLang();
  const errorText = useErrorText();
  const [source, setSource] = useState<AidSource>('fv');
  const [sponsorId, setSponsorId] = useState<string | null>(null);
  const [form, setForm] = useState<AidForm>('money');
  const [date, setDate] = useState(`${year}-08-15`);
  const [amount, setAmount] = useState('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [picked, setPicked] = useState<string[]>([]);
  const [items, setItems] = useState<string[]>([]);
  const fv = useFv(org, year);
  const sponsors = useSponsors(org, '');
  const children = useApprovedChildren(org, q);
  const check = useCheckHandover();
  const record = useRecordHandover();
  const pm = fv.data?.pm ?? null;

  useEffect(() => {
    if (pm !== null && amount === '') setAmount(formatNumber(pm, lang));
  }, [pm, amount, lang]);

  const input: HandoverInput = {
    date,
    source,
    ...(source === 'sponsor' && sponsorId ? { sponsorId } : {}),
    form,
    lines: picked.map((childId) => ({
      childId,
      amount,
      ...(form === 'goods' && items.length > 0 && { items: items.map((item) => ({ item, quantity: 1 })) }),
    })),
  };
  const changed = () => {
    check.reset();
    record.reset();
  };
  const toggle = (id: string) => {
    changed();
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  };
  const error = check.error ?? record.error;

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <SegmentedControl
          value={source}
          onChange={(v) => {
            changed();
            setSource(v);
            if (v === 'fv') setForm('money');
          }}
          data={[
            { value: 'fv', label: th('ui.handover.sourceFv') },
            { value: 'sponsor', label: th('ui.handover.sourceSponsor') },
          ]}
        />
        {source === 'sponsor' && (
          <Select
            label={th('ui.handover.sponsor')}
            searchable
            value={sponsorId}
            onChange={(v) => {
              changed();
              setSponsorId(v);
            }}
            data={(sponsors.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        <Select
          label={th('ui.handover.form')}
          value={form}
          allowDeselect={false}
          onChange={(v) => {
            changed();
            setForm(v ?? 'money');
          }}
          data={AID_FORMS.map((f) => ({ value: f, label: th(`ui.forms.${f}`) }))}
        />
        <TextInput
          type="date"
          label={th('ui.handover.date')}
          value={date}
          onChange={(e) => {
            changed();
            setDate(e.currentTarget.value);
          }}
        />
        <TextInput
          label={th('ui.handover.amount')}
          description={source === 'fv' ? th('ui.handover.amountHint') : undefined}
          value={amount}
          onChange={(e) => {
            changed();
            setAmount(e.currentTarget.value);
          }}
        />
      </Group>
      {form === 'goods' && (
        <MultiSelect
          label={th('ui.handover.items')}
          description={th('ui.handover.itemsHint')}
          value={items}
          onChange={(v) => {
            changed();
            setItems(v);
          }}
          data={NEED_ITEMS.map((i) => ({ value: i, label: COMMON_MESSAGES[lang].item[i] }))}
        />
      )}
      {fv.data && source === 'fv' && fv.data.items.length === 1 && (
        <Text size="sm">
          {th('ui.handover.fvLeft', {
            left: formatTenge(fv.data.items[0]!.left, lang),
            allocated: formatTenge(fv.data.items[0]!.allocated ?? 0, lang),
          })}
        </Text>
      )}
      <TextInput
        label={th('ui.handover.children')}
        placeholder={th('ui.handover.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      <Text size="sm">{th('ui.handover.selected', { n: formatNumber(picked.length, lang) })}</Text>
      <ScrollArea h={260} type="auto">
        <Stack gap={4} data-testid="handover-children">
          {(children.data ?? []).map((c) => (
            <Checkbox
              key={c.id}
              checked={picked.includes(c.id)}
              onChange={() => toggle(c.id)}
              label={`${c.surname} ${c.name} · ${c.classLabel} · ${
                c.categories.length > 0
                  ? c.categories.map((x) => categoryLabel(x.code, lang)).join(', ')
                  : th('ui.handover.noCategory')
              }`}
            />
          ))}
        </Stack>
      </ScrollArea>
      {error && (
        <Alert color="red" role="alert">
          {errorText(error)}
        </Alert>
      )}
      {check.data && (
        <Alert color={check.data.warnings.length > 0 ? 'yellow' : 'green'} title={th('ui.handover.warnings')}>
          <Stack gap={4}>
            <Text size="sm">{th('ui.handover.total', { total: formatTenge(check.data.total, lang) })}</Text>
            {check.data.warnings.length === 0 ? (
              <Text size="sm">{th('ui.handover.noWarnings')}</Text>
            ) : (
              <List size="sm">
                {check.data.warnings.map((w) => (
                  <List.Item key={`${w.row}-${w.code}`}>{w.message}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Alert>
      )}
      {record.data && (
        <Alert color="green">
          <Stack gap={4}>
            <Text size="sm">
              {th('ui.handover.recorded', {
                students: th('ui.students', {
                  count: record.data.handover.students,
                  n: formatNumber(record.data.handover.students, lang),
                }),
                total: formatTenge(record.data.handover.total, lang),
              })}
            </Text>
            <DocLinks label={th('ui.handover.act')} path={`/api/documents/act/${record.data.handover.id}`} />
          </Stack>
        </Alert>
      )}
      <Group>
        <Button
          variant="default"
          disabled={picked.length === 0}
          loading={check.isPending}
          onClick={() => check.mutate(input)}
        >
          {th('ui.handover.check')}
        </Button>
        <Button
          disabled={!check.data || record.isSuccess}
          loading={record.isPending}
          onClick={() => record.mutate(input, { onSuccess: () => setPicked([]) })}
        >
          {th('ui.handover.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
