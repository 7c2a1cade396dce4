import { useFocusYear } from '../reports/use-focus-year.ts';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '#domain/lang';
import { useApi } from '../../api/api-context.tsx';
import { useErrorText } from '../../api/use-error-text.ts';
import { PageLoader } from '../../app/page-loader.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { useSession } from '../auth/session-context.tsx';
import { useCurrentOrg } from '../org-units/current-org.tsx';

const EDITABLE = [
  'motto',
  'title',
  'purpose',
  'helpList',
  'howSteps',
  'docs',
  'hotline',
  'hotlineNote',
  'contacts',
  'closing',
] as const;

interface Materials {
  campaignStatus: 'open' | 'closed';
  texts: Record<string, string>;
  defaults: Record<string, string>;
  overrides: Record<string, string>;
  version: number | null;
}

/** The stand poster and the booklet: the school rewords the generated texts, then downloads the PDFs. */
export function MaterialsPage() {
  const { t } = useTranslation();
  const uiLang = useLang();
  const api = useApi();
  const me = useSession();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { unit } = useCurrentOrg();
  const focus = useFocusYear(unit.code);
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? focus.year;
  const setYear = setPicked;
  const [lang, setLang] = useState<Lang>(uiLang);
  const query = useQuery({
    queryKey: ['materials', { org: unit.code, year, lang }],
    queryFn: ({ signal }) =>
      api.get<Materials>('/api/materials', { query: { org: unit.code, year, lang }, signal }),
  });
  const [draft, setDraft] = useState<Record<string, string>>({});
  useEffect(() => setDraft(query.data?.overrides ?? {}), [query.data]);
  const save = useMutation({
    mutationFn: () =>
      api.request('PUT', '/api/materials', {
        body: { year, lang, texts: draft, version: query.data?.version ?? null },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['materials'] }),
  });
  const canEdit =
    unit.type === 'school' &&
    ['coordinator', 'director', 'admin'].includes(me.role) &&
    query.data?.campaignStatus === 'open';
  const pdf = (kind: string) =>
    `/api/materials/${kind}.pdf?year=${year}&lang=${lang}&org=${encodeURIComponent(unit.code)}`;

  return (
    <Stack maw={820}>
      <Title order={2}>{t('operations:materials.title')}</Title>
      <Group>
        <NumberInput
          aria-label={t('operations:common.year')}
          value={year}
          onChange={(v) => setYear(Number(v) || year)}
          w={110}
        />
        <SegmentedControl
          value={lang}
          onChange={(v) => setLang(v)}
          data={[
            { value: 'kk', label: 'Қазақша' },
            { value: 'ru', label: 'Русский' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Group>
      <Group>
        <Button
          component="a"
          href={pdf('poster')}
          target="_blank"
          leftSection={<IconDownload size={16} />}
          data-testid="materials-poster"
        >
          {t('operations:materials.poster')}
        </Button>
        <Button
          component="a"
          href={pdf('booklet')}
          target="_blank"
          variant="light"
          leftSection={<IconDownload size={16} />}
          data-testid="materials-booklet"
        >
          {t('operations:materials.booklet')}
        </Button>
      </Group>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <Alert color="red">{errorText(query.error)}</Alert>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('operations:materials.hint')}
          </Text>
          {EDITABLE.map((k) => (
            <Textarea
              key={k}
              label={t(`operations:materials.fields.${k}`)}
              placeholder={query.data.defaults[k]}
              value={draft[k] ?? ''}
              onChange={(e) => setDraft({ ...draft, [k]: e.currentTarget.value })}
              rows={2}
              disabled={!canEdit}
            />
          ))}
          {save.isError && <Alert color="red">{errorText(save.error)}</Alert>}
          {canEdit && (
            <Button
              onClick={() => save.mutate()}
              loading={save.isPending}
              w="fit-content"
              data-testid="materials-save"
            >
              {t('operations:materials.save')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
