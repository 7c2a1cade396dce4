import {
  ActionIcon,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { todayInKazakhstan } from '#domain/clock';
import { PARTICIPANT_KINDS, PLACE_KINDS, type ParticipantKind, type PlaceKind } from '#domain/raid-codes';
import { useLang } from '../../i18n/use-lang.ts';
import { useRegistrySearch, type RaidInput } from './raids.api.ts';

interface PlaceRow {
  key: string;
  kind: PlaceKind;
  name: string;
}
interface ParticipantRow {
  key: string;
  kind: ParticipantKind;
  count: number | string;
  organisations: string;
}
interface ChildRow {
  key: string;
  mode: 'registry' | 'new';
  childId: string | null;
  childLabel: string;
  surname: string;
  name: string;
  birthDate: string;
  classLabel: string;
  reason: string;
  action: string;
}

const key = () => Math.random().toString(36).slice(2);
const emptyChild = (): ChildRow => ({
  key: key(),
  mode: 'registry',
  childId: null,
  childLabel: '',
  surname: '',
  name: '',
  birthDate: '',
  classLabel: '',
  reason: '',
  action: '',
});

/** Checks the form the way the server will, so that a raid typed offline is not refused later. */
export function validateRaid(input: RaidInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.heldOn) errors.heldOn = 'required';
  if (input.places.length === 0) errors.places = 'noPlace';
  input.participants.forEach((p, i) => {
    if (!Number.isInteger(p.count) || p.count < 0) errors[`participants.${i}.count`] = 'countBelowZero';
  });
  input.children.forEach((c, i) => {
    if (!c.reason.trim()) errors[`children.${i}.reason`] = 'required';
    if (!c.childId && !c.newChild) errors[`children.${i}.childId`] = 'childMissing';
    if (c.newChild) {
      for (const f of ['surname', 'name', 'birthDate', 'classLabel'] as const) {
        if (!c.newChild[f].trim()) errors[`children.${i}.newChild.${f}`] = 'required';
      }
    }
  });
  return errors;
}

function RegistryPicker({
  org,
  row,
  onPick,
}: {
  org: string;
  row: ChildRow;
  onPick: (id: string | null, label: string) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(row.childLabel);
  const found = useRegistrySearch(org, q);
  const options = (found.data ?? []).map((c) => ({
    value: c.id,
    label: `${[c.surname, c.name, c.patronymic].filter(Boolean).join(' ')}, ${c.classLabel}`,
  }));
  return (
    <Select
      label={t('operations:raids.child.search')}
      searchable
      searchValue={q}
      onSearchChange={setQ}
      data={options}
      value={row.childId}
      onChange={(value, option) => onPick(value, option?.label ?? '')}
      nothingFoundMessage={
        q.trim().length >= 2 ? t('operations:raids.child.nothingFound') : t('operations:raids.child.typeMore')
      }
      data-testid="raid-child-search"
    />
  );
}

/**
 * The raid as it is typed in the field, on a phone: one column, big touch targets, native date and time inputs.
 * It never waits for the server: `onSubmit` gets the finished raid with its own id.
 */
export function RaidForm({
  org,
  onSubmit,
}: {
  org: string;
  onSubmit: (raid: RaidInput) => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = COMMON_MESSAGES[lang];
  const [heldOn, setHeldOn] = useState(todayInKazakhstan());
  const [timeFrom, setTimeFrom] = useState('');
  const [timeTo, setTimeTo] = useState('');
  const [notes, setNotes] = useState('');
  const [places, setPlaces] = useState<PlaceRow[]>([{ key: key(), kind: 'computer_club', name: '' }]);
  const [participants, setParticipants] = useState<ParticipantRow[]>([
    { key: key(), kind: 'teachers', count: 1, organisations: '' },
    { key: key(), kind: 'police', count: 1, organisations: '' },
  ]);
  const [children, setChildren] = useState<ChildRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const err = (field: string) => (errors[field] ? t(`operations:raids.errors.${errors[field]}`) : undefined);
  const patch = <T extends { key: string }>(
    set: (f: (rows: T[]) => T[]) => void,
    k: string,
    change: Partial<T>,
  ) => set((rows) => rows.map((r) => (r.key === k ? { ...r, ...change } : r)));

  const build = (): RaidInput => ({
    id: uuidv7(),
    heldOn,
    timeFrom: timeFrom || null,
    timeTo: timeTo || null,
    notes: notes.trim() || null,
    places: places.map((p) => ({ kind: p.kind, name: p.name.trim() || null })),
    participants: participants.map((p) => ({
      kind: p.kind,
      count: typeof p.count === 'number' ? p.count : Number(p.count === '' ? NaN : p.count),
      organisations: p.organisations.trim() || null,
    })),
    children: children.map((c) => ({
      ...(c.mode === 'registry'
        ? { childId: c.childId }
        : {
            newChild: {
              surname: c.surname.trim(),
              name: c.name.trim(),
              birthDate: c.birthDate,
              classLabel: c.classLabel.trim(),
            },
          }),
      reason: c.reason.trim(),
      action: c.action.trim() || null,
    })),
  });

  const submit = async () => {
    const raid = build();
    const found = validateRaid(raid);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(raid);
      setPlaces([{ key: key(), kind: 'computer_club', name: '' }]);
      setChildren([]);
      setNotes('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" data-testid="raid-form">
      <TextInput
        type="date"
        label={t('operations:raids.heldOn')}
        value={heldOn}
        onChange={(e) => setHeldOn(e.currentTarget.value)}
        error={err('heldOn')}
        required
        data-testid="raid-date"
      />
      <Group grow>
        <TextInput
          type="time"
          label={t('operations:raids.timeFrom')}
          value={timeFrom}
          onChange={(e) => setTimeFrom(e.currentTarget.value)}
        />
        <TextInput
          type="time"
          label={t('operations:raids.timeTo')}
          value={timeTo}
          onChange={(e) => setTimeTo(e.currentTarget.value)}
        />
      </Group>

      <Title order={4}>{t('operations:raids.places')}</Title>
      {err('places') && (
        <Text c="red" size="sm" role="alert" data-testid="raid-places-error">
          {err('places')}
        </Text>
      )}
      {places.map((p, i) => (
        <Card key={p.key} withBorder p="sm">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <NativeSelect
                style={{ flex: 1 }}
                aria-label={t('operations:raids.placeKind')}
                value={p.kind}
                onChange={(e) => patch(setPlaces, p.key, { kind: e.currentTarget.value as PlaceKind })}
                data={PLACE_KINDS.map((k) => ({ value: k, label: labels.placeKind[k] }))}
                data-testid={`raid-place-kind-${i}`}
              />
              <ActionIcon
                size="lg"
                variant="subtle"
                color="red"
                aria-label={t('operations:raids.remove')}
                onClick={() => setPlaces((rows) => rows.filter((r) => r.key !== p.key))}
                data-testid={`raid-place-remove-${i}`}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
            <TextInput
              aria-label={t('operations:raids.placeName')}
              placeholder={t('operations:raids.placeName')}
              value={p.name}
              onChange={(e) => patch(setPlaces, p.key, { name: e.currentTarget.value })}
              data-testid={`raid-place-name-${i}`}
            />
          </Stack>
        </Card>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        onClick={() => setPlaces((rows) => [...rows, { key: key(), kind: 'market', name: '' }])}
        data-testid="raid-add-place"
      >
        {t('operations:raids.addPlace')}
      </Button>

      <Title order={4}>{t('operations:raids.participants')}</Title>
      {participants.map((p, i) => (
        <Card key={p.key} withBorder p="sm">
          <Stack gap="xs">
            <Group wrap="nowrap">
              <NativeSelect
                style={{ flex: 1 }}
                aria-label={t('operations:raids.participantKind')}
                value={p.kind}
                onChange={(e) =>
                  patch(setParticipants, p.key, { kind: e.currentTarget.value as ParticipantKind })
                }
                data={PARTICIPANT_KINDS.map((k) => ({ value: k, label: labels.participantKind[k] }))}
              />
              <ActionIcon
                size="lg"
                variant="subtle"
                color="red"
                aria-label={t('operations:raids.remove')}
                onClick={() => setParticipants((rows) => rows.filter((r) => r.key !== p.key))}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
            <Group wrap="nowrap" align="flex-start">
              <NumberInput
                w={96}
                aria-label={t('operations:raids.count')}
                value={p.count}
                onChange={(v) => patch(setParticipants, p.key, { count: v })}
                allowDecimal={false}
                error={err(`participants.${i}.count`)}
                data-testid={`raid-participant-count-${i}`}
              />
              <TextInput
                style={{ flex: 1 }}
                aria-label={t('operations:raids.organisations')}
                placeholder={t('operations:raids.organisations')}
                value={p.organisations}
                onChange={(e) => patch(setParticipants, p.key, { organisations: e.currentTarget.value })}
              />
            </Group>
          </Stack>
        </Card>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        onClick={() =>
          setParticipants((rows) => [...rows, { key: key(), kind: 'parents', count: 1, organisations: '' }])
        }
      >
        {t('operations:raids.addParticipant')}
      </Button>

      <Title order={4}>{t('operations:raids.children')}</Title>
      {children.map((c, i) => (
        <Card key={c.key} withBorder p="sm" data-testid={`raid-child-${i}`}>
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <SegmentedControl
                value={c.mode}
                onChange={(v) => patch(setChildren, c.key, { mode: v })}
                data={[
                  { value: 'registry', label: t('operations:raids.child.registry') },
                  { value: 'new', label: t('operations:raids.child.new') },
                ]}
                data-testid={`raid-child-mode-${i}`}
              />
              <ActionIcon
                size="lg"
                variant="subtle"
                color="red"
                aria-label={t('operations:raids.remove')}
                onClick={() => setChildren((rows) => rows.filter((r) => r.key !== c.key))}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
            {c.mode === 'registry' ? (
              <>
                <RegistryPicker
                  org={org}
                  row={c}
                  onPick={(id, label) => patch(setChildren, c.key, { childId: id, childLabel: label })}
                />
                {err(`children.${i}.childId`) && (
                  <Text c="red" size="sm">
                    {err(`children.${i}.childId`)}
                  </Text>
                )}
              </>
            ) : (
              <>
                <TextInput
                  label={t('operations:raids.child.surname')}
                  value={c.surname}
                  onChange={(e) => patch(setChildren, c.key, { surname: e.currentTarget.value })}
                  error={err(`children.${i}.newChild.surname`)}
                  data-testid={`raid-child-surname-${i}`}
                />
                <TextInput
                  label={t('operations:raids.child.name')}
                  value={c.name}
                  onChange={(e) => patch(setChildren, c.key, { name: e.currentTarget.value })}
                  error={err(`children.${i}.newChild.name`)}
                  data-testid={`raid-child-name-${i}`}
                />
                <Group grow>
                  <TextInput
                    type="date"
                    label={t('operations:raids.child.birthDate')}
                    value={c.birthDate}
                    onChange={(e) => patch(setChildren, c.key, { birthDate: e.currentTarget.value })}
                    error={err(`children.${i}.newChild.birthDate`)}
                    data-testid={`raid-child-birth-${i}`}
                  />
                  <TextInput
                    label={t('operations:raids.child.classLabel')}
                    value={c.classLabel}
                    onChange={(e) => patch(setChildren, c.key, { classLabel: e.currentTarget.value })}
                    error={err(`children.${i}.newChild.classLabel`)}
                    data-testid={`raid-child-class-${i}`}
                  />
                </Group>
              </>
            )}
            <TextInput
              label={t('operations:raids.child.reason')}
              value={c.reason}
              onChange={(e) => patch(setChildren, c.key, { reason: e.currentTarget.value })}
              error={err(`children.${i}.reason`)}
              data-testid={`raid-child-reason-${i}`}
            />
            <TextInput
              label={t('operations:raids.child.action')}
              value={c.action}
              onChange={(e) => patch(setChildren, c.key, { action: e.currentTarget.value })}
            />
          </Stack>
        </Card>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        onClick={() => setChildren((rows) => [...rows, emptyChild()])}
        data-testid="raid-add-child"
      >
        {t('operations:raids.addChild')}
      </Button>
      <Textarea
        label={t('operations:raids.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        rows={3}
      />
      <Button size="lg" fullWidth onClick={() => void submit()} loading={busy} data-testid="raid-save">
        {t('operations:raids.save')}
      </Button>
    </Stack>
  );
}
