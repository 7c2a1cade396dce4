import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Drawer,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatTenge } from '#domain/money';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { DocLinks } from './doc-links.tsx';
import {
  useCreateSponsor,
  useMergeSponsor,
  useSponsorHistory,
  useSponsors,
  useUpdateSponsor,
} from './help.api.ts';
import { SPONSOR_TYPES, type Sponsor, type SponsorInput } from './help.types.ts';

/** The sponsors registry: list, a card with their help by year and the thank-you letter, merging a duplicate. */
export function SponsorsPage() {
  const { t: th } = useTranslation('help');
  const errorText = useErrorText();
  const { unit } = useCurrentOrg();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useSponsors(unit.code, q);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = list.data?.find((s) => s.id === openId) ?? null;
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{th('ui.sponsors.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          {th('ui.sponsors.add')}
        </Button>
      </Group>
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={th('ui.sponsors.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Alert color="red">{errorText(list.error)}</Alert>
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{th('ui.sponsors.empty')}</Text>
      ) : (
        <Table striped highlightOnHover data-testid="sponsors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{th('ui.sponsors.name')}</Table.Th>
              <Table.Th>{th('ui.sponsors.type')}</Table.Th>
              <Table.Th>{th('ui.sponsors.head')}</Table.Th>
              <Table.Th>{th('ui.sponsors.phone')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((s) => (
              <Table.Tr key={s.id} onClick={() => setOpenId(s.id)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm">{s.name}</Text>
                    {s.anonymous && (
                      <Badge size="xs" variant="light">
                        {th('ui.sponsors.anonymous')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{th(`ui.sponsors.types.${s.type}`)}</Table.Td>
                <Table.Td>{s.head ?? ''}</Table.Td>
                <Table.Td>{s.phone ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <SponsorCard sponsor={open} others={list.data ?? []} onClose={() => setOpenId(null)} />
      <SponsorForm opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}

function SponsorCard({
  sponsor,
  others,
  onClose,
}: {
  sponsor: Sponsor | null;
  others: Sponsor[];
  onClose: () => void;
}) {
  const { t: th } = useTranslation('help');
  const lang = useLang();
  const errorText = useErrorText();
  const history = useSponsorHistory(sponsor?.id ?? null);
  const merge = useMergeSponsor();
  const [duplicate, setDuplicate] = useState<string | null>(null);
  return (
    <Drawer
      opened={sponsor !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={sponsor?.name ?? ''}
    >
      {sponsor && (
        <Stack>
          <Text size="sm">{th(`ui.sponsors.types.${sponsor.type}`)}</Text>
          {history.data && (
            <>
              <Title order={5}>{th('ui.sponsors.history')}</Title>
              <Table data-testid="sponsor-history">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{th('ui.sponsors.year')}</Table.Th>
                    <Table.Th ta="right">{th('ui.sponsors.students')}</Table.Th>
                    <Table.Th ta="right">{th('ui.sponsors.amount')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {history.data.years.map((y) => (
                    <Table.Tr key={y.year}>
                      <Table.Td>{y.year}</Table.Td>
                      <Table.Td ta="right">{formatNumber(y.students, lang)}</Table.Td>
                      <Table.Td ta="right">{formatTenge(y.amount, lang)}</Table.Td>
                      <Table.Td>
                        <DocLinks
                          label={th('ui.sponsors.thanks')}
                          path={`/api/documents/thanks/${sponsor.id}`}
                          query={{ year: String(y.year) }}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="sm">{th('ui.sponsors.pledges', history.data.pledges)}</Text>
            </>
          )}
          {sponsor.editable && <SponsorEdit key={`${sponsor.id}-${sponsor.version}`} sponsor={sponsor} />}
          {sponsor.editable && (
            <>
              <Title order={5}>{th('ui.sponsors.merge')}</Title>
              <Text size="sm" c="dimmed">
                {th('ui.sponsors.mergeHint')}
              </Text>
              <Group align="flex-end">
                <Select
                  label={th('ui.sponsors.duplicate')}
                  searchable
                  value={duplicate}
                  onChange={setDuplicate}
                  data={others
                    .filter((o) => o.id !== sponsor.id && o.editable)
                    .map((o) => ({ value: o.id, label: o.name }))}
                />
                <Button
                  color="orange"
                  disabled={!duplicate}
                  loading={merge.isPending}
                  onClick={() =>
                    duplicate &&
                    merge.mutate(
                      { keepId: sponsor.id, duplicateId: duplicate },
                      { onSuccess: () => setDuplicate(null) },
                    )
                  }
                >
                  {th('ui.sponsors.merge')}
                </Button>
              </Group>
              {merge.isError && <Alert color="red">{errorText(merge.error)}</Alert>}
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function SponsorForm({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t: th } = useTranslation('help');
  const errorText = useErrorText();
  const create = useCreateSponsor();
  const [input, setInput] = useState<SponsorInput>({
    name: '',
    type: 'company',
    head: '',
    phone: '',
    anonymous: false,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={th('ui.sponsors.add')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { ...input, head: input.head || null, phone: input.phone || null },
            {
              onSuccess: () => {
                setInput({ name: '', type: 'company', head: '', phone: '', anonymous: false });
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <TextInput
            required
            label={th('ui.sponsors.name')}
            value={input.name}
            onChange={(e) => setInput({ ...input, name: e.currentTarget.value })}
          />
          <Select
            label={th('ui.sponsors.type')}
            value={input.type}
            allowDeselect={false}
            onChange={(v) => setInput({ ...input, type: v ?? 'company' })}
            data={SPONSOR_TYPES.map((c) => ({ value: c, label: th(`ui.sponsors.types.${c}`) }))}
          />
          <TextInput
            label={th('ui.sponsors.head')}
            value={input.head ?? ''}
            onChange={(e) => setInput({ ...input, head: e.currentTarget.value })}
          />
          <TextInput
            label={th('ui.sponsors.phone')}
            value={input.phone ?? ''}
            onChange={(e) => setInput({ ...input, phone: e.currentTarget.value })}
          />
          <Checkbox
            label={th('ui.sponsors.anonymous')}
            checked={input.anonymous ?? false}
            onChange={(e) => setInput({ ...input, anonymous: e.currentTarget.checked })}
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

function SponsorEdit({ sponsor }: { sponsor: Sponsor }) {
  const { t: th } = useTranslation('help');
  const errorText = useErrorText();
  const update = useUpdateSponsor();
  const [head, setHead] = useState(sponsor.head ?? '');
  const [phone, setPhone] = useState(sponsor.phone ?? '');
  const [anonymous, setAnonymous] = useState(sponsor.anonymous);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ sponsor, patch: { head: head || null, phone: phone || null, anonymous } });
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={th('ui.sponsors.head')}
          value={head}
          onChange={(e) => setHead(e.currentTarget.value)}
        />
        <TextInput
          label={th('ui.sponsors.phone')}
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
        />
        <Checkbox
          label={th('ui.sponsors.anonymous')}
          checked={anonymous}
          onChange={(e) => setAnonymous(e.currentTarget.checked)}
        />
        {update.isError && <Alert color="red">{errorText(update.error)}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={update.isPending}>
            {th('ui.fv.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
