import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconKey, IconUserPlus } from '@tabler/icons-react';
import { useCallback, useState, type FormEvent } from 'react';
import type { Rekeyed, UserSummary } from '@shared/contract/users';
import { userRoles, type UserRole } from '@shared/domain/enums';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSession } from '../../state/sessionStore';
import { EnumSelect } from '../../components/EnumSelect';
import { FailureAlert } from '../../components/FailureAlert';
import { GuardedModal } from '../../components/GuardedModal';
import { instantText } from '../../components/format';
import { useAction } from '../../components/useAction';
import { useRecord } from '../../components/useRecord';
import { useT } from '../../i18n';
import { NewRecoveryKeyModal } from '../../components/NewRecoveryKeyModal';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserSummary } | { kind: 'password'; user: UserSummary };

/** The office's accounts: who signs in, with which role, and whether the account still opens the registry. */
export function UsersCard() {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const read = useCallback(() => call('users.list', {}), []);
  const users = useRecord(read);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [rekeyed, setRekeyed] = useState<{ username: string; rekeyed: Rekeyed } | null>(null);
  const closeAndReload = async () => {
    setDialog(null);
    await users.reload();
  };

  return (
    <Card withBorder data-testid="users-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('users.title')}</Title>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconUserPlus size={14} />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="user-add"
          >
            {t('users.add')}
          </Button>
        </Group>
        {users.failure ? <Text c="red">{errorText(users.failure, t)}</Text> : null}
        {users.value && (
          <Table verticalSpacing={4} fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.username')}</Table.Th>
                <Table.Th>{t('users.displayName')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                <Table.Th>{t('users.lastSignIn')}</Table.Th>
                <Table.Th w={80} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.value.map((user) => (
                <Table.Tr key={user.id} data-testid="user-row">
                  <Table.Td ff="monospace">{user.username}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {user.displayName}
                      {!user.active && (
                        <Badge size="xs" color="gray" variant="outline" tt="none">
                          {t('users.disabled')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t(`role.${user.role}`)}</Table.Td>
                  <Table.Td>{user.lastSignInAt ? instantText(user.lastSignInAt, lang) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <Tooltip label={t('action.edit')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          onClick={() => setDialog({ kind: 'edit', user })}
                          aria-label={t('action.edit')}
                        >
                          <IconEdit size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('users.resetPassword')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          onClick={() => setDialog({ kind: 'password', user })}
                          aria-label={t('users.resetPassword')}
                        >
                          <IconKey size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <GuardedModal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === 'create'
            ? t('users.add')
            : dialog?.kind === 'edit'
              ? t('users.edit', { username: dialog.user.username })
              : dialog
                ? t('users.resetPasswordOf', { username: dialog.user.username })
                : ''
        }
      >
        {dialog?.kind === 'create' && <CreateUserForm onDone={closeAndReload} />}
        {dialog?.kind === 'edit' && (
          <EditUserForm
            user={dialog.user}
            onDone={closeAndReload}
            onRekeyed={(result) => setRekeyed({ username: dialog.user.username, rekeyed: result })}
          />
        )}
        {dialog?.kind === 'password' && <ResetPasswordForm user={dialog.user} onDone={closeAndReload} />}
      </GuardedModal>
      <NewRecoveryKeyModal
        rekeyed={rekeyed?.rekeyed ?? null}
        note={rekeyed ? t('rekey.accountDisabled', { username: rekeyed.username }) : ''}
        onDone={() => setRekeyed(null)}
      />
    </Card>
  );
}

function CreateUserForm({ onDone }: { onDone(): Promise<void> }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<UserRole | null>('clerk');
  const [password, setPassword] = useState('');
  const [passwordConfirm, setPasswordConfirm] = useState('');
  const save = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save.run(() => call('users.create', { username, displayName, role: role ?? 'clerk', password, passwordConfirm })))
      await onDone();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('users.username')}
          description={t('user.username.format')}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          withAsterisk
          autoComplete="off"
          error={save.errors.username}
          data-autofocus
          data-testid="user-username"
        />
        <TextInput
          label={t('users.displayName')}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          withAsterisk
          error={save.errors.displayName}
          data-testid="user-displayName"
        />
        <EnumSelect
          label={t('users.role')}
          values={userRoles}
          labelOf={(value) => `role.${value}`}
          value={role}
          onChange={setRole}
          allowDeselect={false}
          error={save.errors.role}
          data-testid="user-role"
        />
        <PasswordInput
          label={t('settings.newPassword')}
          description={t('setup.admin.password.hint')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          withAsterisk
          error={save.errors.password}
          data-testid="user-password"
        />
        <PasswordInput
          label={t('settings.newPasswordConfirm')}
          value={passwordConfirm}
          onChange={(event) => setPasswordConfirm(event.currentTarget.value)}
          withAsterisk
          error={save.errors.passwordConfirm}
          data-testid="user-password-confirm"
        />
        <FailureAlert error={save.error} shownFields={['username', 'displayName', 'role', 'password', 'passwordConfirm']} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy} data-testid="user-save">
            {t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Disabling an account rekeys the registry: the new recovery key is then shown and confirmed. */
function EditUserForm({
  user,
  onDone,
  onRekeyed,
}: {
  user: UserSummary;
  onDone(): Promise<void>;
  onRekeyed(rekeyed: Rekeyed): void;
}) {
  const t = useT();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<UserRole | null>(user.role);
  const [active, setActive] = useState(user.active);
  const save = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const updated = await save.run(() => call('users.update', { id: user.id, displayName, role: role ?? user.role, active }));
    if (!updated) return;
    await onDone();
    if (updated.rekeyed) onRekeyed(updated.rekeyed);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('users.displayName')}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          withAsterisk
          error={save.errors.displayName}
          data-autofocus
        />
        <EnumSelect
          label={t('users.role')}
          values={userRoles}
          labelOf={(value) => `role.${value}`}
          value={role}
          onChange={setRole}
          allowDeselect={false}
          error={save.errors.role}
        />
        <Switch
          label={t('users.active')}
          description={t('users.active.help')}
          checked={active}
          onChange={(event) => setActive(event.currentTarget.checked)}
        />
        <FailureAlert error={save.error} shownFields={['displayName', 'role', 'active']} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy}>
            {t('ui.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ResetPasswordForm({ user, onDone }: { user: UserSummary; onDone(): Promise<void> }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [passwordConfirm, setPasswordConfirm] = useState('');
  const save = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await save.run(() => call('users.resetPassword', { id: user.id, password, passwordConfirm })))) return;
    notifications.show({ color: 'green', message: t('users.passwordReset', { username: user.username }) });
    await onDone();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <PasswordInput
          label={t('settings.newPassword')}
          description={t('setup.admin.password.hint')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          withAsterisk
          error={save.errors.password}
          data-autofocus
        />
        <PasswordInput
          label={t('settings.newPasswordConfirm')}
          value={passwordConfirm}
          onChange={(event) => setPasswordConfirm(event.currentTarget.value)}
          withAsterisk
          error={save.errors.passwordConfirm}
        />
        <FailureAlert error={save.error} shownFields={['password', 'passwordConfirm']} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy}>
            {t('users.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
