import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/use-error-text.ts';
import { useApprovedChildren, useCreatePledge, useSponsors, type PledgeInput } from './help.api.ts';
import { AID_FORMS } from './help.types.ts';

const empty = (): PledgeInput => ({
  sponsorId: '',
  form: 'goods',
  amount: '',
  childIds: [],
  description: '',
  dueDate: '',
});

/** A sponsor's promise: to chosen children, or an amount, by a date. */
export function PledgeForm({ org, opened, onClose }: { org: string; opened: boolean; onClose: () => void }) {
  const { t: th } = useTranslation('help');
  const errorText = useErrorText();
  const sponsors = useSponsors(org, '');
  const children = useApprovedChildren(org, '');
  const create = useCreatePledge();
  const [input, setInput] = useState<PledgeInput>(empty);
  return (
    <Modal opened={opened} onClose={onClose} title={th('ui.pledges.add')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { ...input, amount: input.amount || undefined, description: input.description || undefined },
            {
              onSuccess: () => {
                setInput(empty());
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <Select
            required
            searchable
            label={th('ui.pledges.sponsor')}
            value={input.sponsorId || null}
            onChange={(v) => setInput({ ...input, sponsorId: v ?? '' })}
            data={(sponsors.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
          <Select
            label={th('ui.handover.form')}
            value={input.form}
            allowDeselect={false}
            onChange={(v) => setInput({ ...input, form: v ?? 'goods' })}
            data={AID_FORMS.map((f) => ({ value: f, label: th(`ui.forms.${f}`) }))}
          />
          <TextInput
            label={th('ui.pledges.amount')}
            value={input.amount}
            onChange={(e) => setInput({ ...input, amount: e.currentTarget.value })}
          />
          <MultiSelect
            searchable
            label={th('ui.pledges.children')}
            value={input.childIds}
            onChange={(childIds) => setInput({ ...input, childIds })}
            data={(children.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.surname} ${c.name} · ${c.classLabel}`,
            }))}
          />
          <TextInput
            required
            type="date"
            label={th('ui.pledges.due')}
            value={input.dueDate}
            onChange={(e) => setInput({ ...input, dueDate: e.currentTarget.value })}
          />
          <TextInput
            label={th('ui.pledges.description')}
            value={input.description}
            onChange={(e) => setInput({ ...input, description: e.currentTarget.value })}
          />
          {create.isError && <Alert color="red">{errorText(create.error)}</Alert>}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {th('ui.fv.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
