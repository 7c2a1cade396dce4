import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ROLES, type OrgUnit, type Role, type User } from '../../api/types.ts';
import { useErrorText } from '../../api/use-error-text.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/password-dialog.tsx';
import { useSession } from '../auth/session-context.tsx';
import { useOrgUnit } from '../org-units/org-units.api.ts';
import { OrgUnitSelect } from '../org-units/org-unit-select.tsx';
import { useCreateUser, useUpdateUser } from './users.api.ts';

interface UserFormProps {
  /** The user to edit; null to add one. */
  user: User | null;
  defaultOrg: OrgUnit;
  onClose: () => void;
  /** Fetches the current state of the user after someone else changed it. */
  reload: (id: string) => Promise<User | null>;
}

type Field = 'email' | 'name' | 'role' | 'orgCode' | 'password' | 'classes';

export function UserFormModal(props: UserFormProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.user ? t('users.editTitle', { name: props.user.name }) : t('users.addTitle')}
    >
      <UserForm {...props} />
    </Modal>
  );
}

function UserForm({ user, defaultOrg, onClose, reload }: UserFormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const me = useSession();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [email, setEmail] = useState(user?.email ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'coordinator');
  const [pickedOrg, setPickedOrg] = useState<OrgUnit | null>(user ? null : defaultOrg);
  const [orgCode, setOrgCode] = useState(user?.orgUnitCode ?? defaultOrg.code);
  const [password, setPassword] = useState('');
  const [classes, setClasses] = useState<string[]>(user?.classes ?? []);
  const [version, setVersion] = useState(user?.version ?? 0);
  const storedOrg = useOrgUnit(pickedOrg === null ? orgCode : null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  // Officers manage school staff and officers below them; only an admin can make another admin.
  const roles = ROLES.filter((r) => r !== 'admin' || me.role === 'admin');

  const onError = (error: Error) => {
    if (error instanceof ApiError && error.isConflict && user) {
      setConflict(true);
      void reload(user.id).then((fresh) => {
        if (!fresh) return;
        setName(fresh.name);
        setRole(fresh.role);
        setClasses(fresh.classes);
        setOrgCode(fresh.orgUnitCode);
        setPickedOrg(null);
        setVersion(fresh.version);
      });
      return;
    }
    if (error instanceof ApiError) setErrors(error.fields);
    setFormError(errorText(error));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = t('common.required');
    if (!user && !email.trim()) found.email = t('common.required');
    if (!user && password.length < MIN_PASSWORD_LENGTH) found.password = t('password.tooShort');
    setErrors(found);
    setFormError(null);
    setConflict(false);
    if (Object.keys(found).length > 0) return;
    // Only teachers are limited to classes; other roles keep none.
    const teacherClasses =
      role === 'teacher' ? classes.map((c) => c.trim().toUpperCase()).filter(Boolean) : [];

    if (user) {
      update.mutate(
        { id: user.id, patch: { name: name.trim(), role, orgCode, classes: teacherClasses, version } },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('users.saved') });
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { email: email.trim(), name: name.trim(), role, orgCode, password, classes: teacherClasses },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('users.created') });
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="user-form">
      <Stack gap="sm">
        {conflict && (
          <Alert color="orange" role="alert" data-testid="conflict-message">
            {t('errors.conflict')}
          </Alert>
        )}
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label={t('users.fields.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
          readOnly={user !== null}
          required
          data-testid="user-email"
        />
        <TextInput
          label={t('users.fields.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
          data-testid="user-name"
        />
        <Select
          label={t('users.fields.role')}
          value={role}
          onChange={(value) => value && setRole(value)}
          data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={errors.role}
          allowDeselect={false}
          required
          data-testid="user-role"
        />
        <OrgUnitSelect
          label={t('users.fields.orgUnit')}
          scope={me.orgUnit.code}
          value={pickedOrg ?? storedOrg.data ?? null}
          onChange={(unit) => {
            if (!unit) return;
            setPickedOrg(unit);
            setOrgCode(unit.code);
          }}
          error={errors.orgCode}
          allowDeselect={false}
          required
        />
        {role === 'teacher' && (
          <TagsInput
            label={t('users.fields.classes')}
            description={t('users.fields.classesHint')}
            value={classes}
            onChange={setClasses}
            error={errors.classes}
            data-testid="user-classes"
          />
        )}
        {!user && (
          <PasswordInput
            label={t('users.fields.password')}
            description={t('users.fields.passwordHint')}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            required
            data-testid="user-password"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="user-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
