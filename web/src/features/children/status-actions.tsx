import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/use-error-text.ts';
import { useSession } from '../auth/session-context.tsx';
import { useChangeStatus } from './children.api.ts';
import type { Child, ChildStatus, StatusAction } from './children.types.ts';

// The same rules as the server's; the server decides, this only hides buttons that would be refused.
const FROM: Record<StatusAction, readonly ChildStatus[]> = {
  approve: ['proposed', 'rejected'],
  reject: ['proposed', 'approved'],
  helped: ['approved'],
  archive: ['proposed', 'approved', 'rejected', 'helped'],
  reopen: ['rejected', 'archived'],
};
const NEEDS_REASON: readonly StatusAction[] = ['reject'];

/** The commission's decisions on a child: approve, reject with a reason, mark helped, archive, reopen. */
export function StatusActions({ child, onChanged }: { child: Child; onChanged: (child: Child) => void }) {
  const { t: tc } = useTranslation('children');
  const me = useSession();
  const errorText = useErrorText();
  const change = useChangeStatus(child.id);
  const [asking, setAsking] = useState<StatusAction | null>(null);
  const [reason, setReason] = useState('');
  if (!child.editable || !['admin', 'coordinator', 'director'].includes(me.role)) return null;

  const run = async (action: StatusAction, why?: string) => {
    const saved = await change.mutateAsync({ version: child.version, action, reason: why });
    setAsking(null);
    setReason('');
    onChanged(saved);
  };
  const actions = (Object.keys(FROM) as StatusAction[]).filter((a) => FROM[a].includes(child.status));
  return (
    <>
      <Group gap="xs">
        {actions.map((action) => (
          <Button
            key={action}
            size="xs"
            variant={action === 'approve' ? 'filled' : 'default'}
            color={action === 'reject' ? 'red' : undefined}
            onClick={() => setAsking(action)}
            data-testid={`child-status-${action}`}
          >
            {tc(`actions.${action}`)}
          </Button>
        ))}
      </Group>
      {asking && (
        <Modal opened onClose={() => setAsking(null)} title={tc(`actions.${asking}`)}>
          <Stack>
            <Textarea
              label={tc('actions.reason')}
              required={NEEDS_REASON.includes(asking)}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={change.error ? errorText(change.error) : undefined}
              data-testid="child-status-reason"
            />
            <Group justify="flex-end">
              <Button
                disabled={NEEDS_REASON.includes(asking) && reason.trim() === ''}
                loading={change.isPending}
                onClick={() => void run(asking, reason.trim() || undefined).catch(() => undefined)}
                data-testid="child-status-confirm"
              >
                {tc(`actions.${asking}`)}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}
