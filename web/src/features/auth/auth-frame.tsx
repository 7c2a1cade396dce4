import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../api/types.ts';
import { LanguageSwitch } from '../../app/layout/language-switch.tsx';

/** The plain frame of the pages seen before signing in: product name, language switch, one card. */
export function AuthFrame({
  title,
  subtitle,
  onPickLanguage,
  children,
}: {
  title: string;
  subtitle?: string;
  onPickLanguage?: (lang: Lang) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0" p="md">
      <Group justify="space-between" wrap="nowrap" mb="xl">
        <Text fw={700} c="blue.8" data-testid="app-name">
          {t('app.name')}
        </Text>
        <LanguageSwitch onPick={onPickLanguage} />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" p="lg" radius="md" w="100%" maw={420}>
          <Stack gap="md">
            <div>
              <Title order={1} size="h3">
                {title}
              </Title>
              {subtitle && (
                <Text size="sm" c="dimmed">
                  {subtitle}
                </Text>
              )}
            </div>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
