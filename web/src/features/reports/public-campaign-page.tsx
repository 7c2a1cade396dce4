import {
  Alert,
  Box,
  Card,
  Container,
  Group,
  List,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDate } from '#domain/dates';
import { LANGS } from '#domain/lang';
import { formatNumber, formatTenge } from '#domain/money';
import { useLang } from '../../i18n/use-lang.ts';
import { usePublicCampaign } from './reports.api.ts';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Card>
  );
}

/** The campaign of a unit for anyone, without signing in: no child is named or can be singled out. */
export function PublicCampaignPage() {
  const { t: tr, i18n } = useTranslation('reports');
  const lang = useLang();
  const { code = '', year = '' } = useParams();
  const page = usePublicCampaign(code, Number(year), lang);
  const num = (n: number | null) => (n === null ? '—' : formatNumber(n, lang));
  return (
    <Container size="md" py="lg">
      <Stack>
        <Group justify="flex-end">
          <SegmentedControl
            size="xs"
            data={LANGS.map((l) => ({ value: l, label: l.toUpperCase() }))}
            value={lang}
            onChange={(l) => void i18n.changeLanguage(l)}
          />
        </Group>
        {page.isPending && <Loader />}
        {page.error && <Alert color="gray">{tr('ui.public.notFound')}</Alert>}
        {page.data && (
          <>
            <Title order={1} size="h2">
              {tr('ui.public.title', { org: page.data.org.name })}
            </Title>
            <Text>
              {tr('ui.public.dates', {
                from: formatDate(page.data.campaign.from, lang),
                to: formatDate(page.data.campaign.to, lang),
              })}
            </Text>
            {page.data.campaign.motto && (
              <Box>
                <Text size="sm" c="dimmed">
                  {tr('ui.public.motto', { year: String(page.data.campaign.year) })}
                </Text>
                <Text fw={600} size="lg">
                  «{page.data.campaign.motto}»
                </Text>
              </Box>
            )}
            {page.data.org.hotline && (
              <Text>
                {tr('ui.public.hotline')}: <b>{page.data.org.hotline}</b>
              </Text>
            )}
            <Title order={2} size="h3">
              {tr('ui.public.totals')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <Figure label={tr('ui.public.helped')} value={num(page.data.totals.students)} />
              <Figure
                label={tr('ui.public.amount')}
                value={page.data.totals.amount === null ? '—' : formatTenge(page.data.totals.amount, lang)}
              />
              <Figure label={tr('ui.public.sponsors')} value={num(page.data.totals.sponsors)} />
            </SimpleGrid>
            {page.data.sponsors.length + page.data.anonymousSponsors > 0 && (
              <Box>
                <Text fw={600}>{tr('ui.public.sponsorList')}</Text>
                <List>
                  {page.data.sponsors.map((s) => (
                    <List.Item key={s}>{s}</List.Item>
                  ))}
                </List>
                {page.data.anonymousSponsors > 0 && (
                  <Text size="sm" c="dimmed">
                    {tr('ui.public.anonymous', { count: num(page.data.anonymousSponsors) })}
                  </Text>
                )}
              </Box>
            )}
            <Title order={2} size="h3">
              {tr('ui.public.needs')}
            </Title>
            {page.data.needs.length === 0 ? (
              <Text c="dimmed">{tr('ui.public.noNeeds')}</Text>
            ) : (
              <Table withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{tr('ui.public.needItem')}</Table.Th>
                    <Table.Th ta="right">{tr('ui.public.needCount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.data.needs.map((n) => (
                    <Table.Tr key={n.item}>
                      <Table.Td>{n.name}</Table.Td>
                      <Table.Td ta="right">{num(n.quantity)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Text size="sm" c="dimmed">
              {tr('ui.public.needsNote', { min: page.data.minGroup })}
            </Text>
            <Text>{tr('ui.public.contact')}</Text>
          </>
        )}
      </Stack>
    </Container>
  );
}
