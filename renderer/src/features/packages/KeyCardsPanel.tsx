import {
  Alert,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconKey, IconRefresh, IconShieldCheck, IconUpload } from '@tabler/icons-react';
import { useCallback, useState, type FormEvent } from 'react';
import type { KeyCardSummary } from '@shared/contract/exchange';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useIsAdministrator } from '../../app/permissions';
import { useSession } from '../../state/sessionStore';
import { FailureAlert } from '../../components/FailureAlert';
import { blobOf, download, readAsBase64 } from '../../components/files';
import { GuardedModal } from '../../components/GuardedModal';
import { instantText } from '../../components/format';
import { useAction } from '../../components/useAction';
import { useRecord } from '../../components/useRecord';
import { useT } from '../../i18n';
import { Fingerprint } from './Fingerprint';
import { useKeyCards, useKeyCardsStore } from './packageStores';

/** This office's own key card to hand out, and the cards of the other offices it trusts. */
export function KeyCardsPanel() {
  const t = useT();
  const administrator = useIsAdministrator();
  return (
    <Stack gap="md" data-testid="key-cards">
      <OwnCard />
      {!administrator && (
        <Text size="sm" c="dimmed">
          {t('keyCards.adminOnly')}
        </Text>
      )}
      <TrustedCards />
    </Stack>
  );
}

function OwnCard() {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const administrator = useIsAdministrator();
  const read = useCallback(() => call('keys.ownCard', {}), []);
  const card = useRecord(read);
  const [confirming, setConfirming] = useState(false);
  const rotation = useAction();

  if (card.failure) return <Alert color="red">{errorText(card.failure, t)}</Alert>;
  if (!card.value) return <Loader size="sm" />;
  const own = card.value;

  const rotate = async () => {
    const rotated = await rotation.run(() => call('keys.rotate', {}));
    if (!rotated) return;
    card.set(rotated);
    setConfirming(false);
    notifications.show({ color: 'green', autoClose: false, message: t('keyCards.rotated') });
  };

  return (
    <Card withBorder padding="md" data-testid="own-card">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap="xs" maw={560}>
          <Title order={3} fz="md">
            {t('keyCards.own')}
          </Title>
          <Text size="sm">{t('keyCards.ownExplain')}</Text>
          <Text size="xs" c="dimmed">
            {t('keyCards.createdAt', { time: instantText(own.createdAt, lang) })}
          </Text>
          <Group gap="xs" mt="xs">
            <Button
              leftSection={<IconDownload size={16} />}
              onClick={() => download(blobOf(own.contentBase64, 'application/json'), own.fileName)}
              data-testid="own-card-download"
            >
              {t('keyCards.download')}
            </Button>
            {administrator && (
              <Button
                variant="default"
                leftSection={<IconRefresh size={16} />}
                onClick={() => setConfirming(true)}
                data-testid="own-card-rotate"
              >
                {t('keyCards.rotate')}
              </Button>
            )}
          </Group>
        </Stack>
        <Stack gap={6} align="center">
          <Text size="sm" fw={600} c="red.8">
            {t('keyCards.readAloud')}
          </Text>
          <Fingerprint value={own.fingerprint} large data-testid="own-fingerprint" />
        </Stack>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('keyCards.rotateTitle')} size="lg">
        <Stack gap="sm">
          <Text size="sm">{t('keyCards.rotateQuestion')}</Text>
          <FailureAlert error={rotation.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('ui.cancel')}
            </Button>
            <Button color="red" loading={rotation.busy} onClick={() => void rotate()} data-testid="rotate-confirm">
              {t('keyCards.rotateConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function TrustedCards() {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const administrator = useIsAdministrator();
  const cards = useKeyCards();
  const refresh = useKeyCardsStore((state) => state.refresh);
  const [trusting, setTrusting] = useState(false);
  const [revoking, setRevoking] = useState<KeyCardSummary | null>(null);

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="md">
          {t('keyCards.trusted')}
        </Title>
        {administrator && (
          <Button
            variant="light"
            leftSection={<IconShieldCheck size={16} />}
            onClick={() => setTrusting(true)}
            data-testid="trust-card"
          >
            {t('keyCards.trust')}
          </Button>
        )}
      </Group>
      {cards === null ? (
        <Loader size="sm" />
      ) : cards.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('keyCards.none')}
        </Text>
      ) : (
        <Table striped fz="sm" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('keyCards.unit')}</Table.Th>
              <Table.Th w={110}>{t('keyCards.relation')}</Table.Th>
              <Table.Th w={290}>{t('keyCards.fingerprint')}</Table.Th>
              <Table.Th w={140}>{t('keyCards.trustedAt')}</Table.Th>
              <Table.Th w={190}>{t('keyCards.state')}</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cards.map((card) => (
              <Table.Tr key={card.id} className={card.revokedAt ? 'replaced-row' : undefined} data-testid="trusted-card">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {card.unitName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {card.unitCode} · {t(`level.${card.level}`)}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`keyCards.relation.${card.relation}`)}</Table.Td>
                <Table.Td>
                  <Fingerprint value={card.fingerprint} />
                  {card.rotatedFrom && (
                    <Text size="xs" c="dimmed">
                      {t('keyCards.replaces', { fingerprint: card.rotatedFrom.slice(0, 9) + '…' })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{instantText(card.trustedAt, lang)}</Table.Td>
                <Table.Td>
                  {card.revokedAt ? (
                    <Stack gap={0}>
                      <Badge color="red" variant="light" tt="none">
                        {t('keyCards.revokedOn', { time: instantText(card.revokedAt, lang) })}
                      </Badge>
                      {card.revokedReason && (
                        <Text size="xs" c="dimmed">
                          {card.revokedReason}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Badge color="green" variant="light" tt="none">
                      {t('keyCards.active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {administrator && !card.revokedAt && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(card)} data-testid="revoke-card">
                      {t('keyCards.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <GuardedModal opened={trusting} onClose={() => setTrusting(false)} title={t('keyCards.trust')} size="lg">
        {trusting && (
          <TrustCardForm
            onTrusted={async (card) => {
              setTrusting(false);
              await refresh();
              notifications.show({ color: 'green', message: t('keyCards.trustedDone', { unit: card.unitName }) });
            }}
          />
        )}
      </GuardedModal>
      <GuardedModal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={revoking ? t('keyCards.revokeTitle', { unit: revoking.unitName }) : ''}
        size="lg"
      >
        {revoking && (
          <RevokeForm
            card={revoking}
            onRevoked={async () => {
              setRevoking(null);
              await refresh();
              notifications.show({ color: 'green', message: t('keyCards.revokedDone', { unit: revoking.unitName }) });
            }}
          />
        )}
      </GuardedModal>
    </Card>
  );
}

const cardInputProps = { name: 'key-card', 'data-testid': 'trust-card-file' };

interface InspectedCard {
  fileName: string;
  contentBase64: string;
  unitCode: string;
  unitName: string;
  level: KeyCardSummary['level'];
  rotation: boolean;
}

/** Whose card it is first, then the fingerprint read over the phone: the services trust the card only when it matches. */
function TrustCardForm({ onTrusted }: { onTrusted(card: KeyCardSummary): Promise<void> }) {
  const t = useT();
  const [card, setCard] = useState<InspectedCard | null>(null);
  const [typed, setTyped] = useState('');
  const inspection = useAction();
  const trust = useAction();

  const choose = async (file: File | null) => {
    if (!file) return;
    setCard(null);
    trust.clear();
    const inspected = await inspection.run(async () => {
      const contentBase64 = await readAsBase64(file);
      return { fileName: file.name, contentBase64, ...(await call('keys.inspectCard', { fileName: file.name, contentBase64 })) };
    });
    if (inspected)
      setCard({
        fileName: inspected.fileName,
        contentBase64: inspected.contentBase64,
        unitCode: inspected.unitCode,
        unitName: inspected.unitName,
        level: inspected.level,
        rotation: inspected.rotation,
      });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!card) return;
    const fingerprint = typed.trim() === '' && card.rotation ? null : typed;
    const trusted = await trust.run(() =>
      call('keys.trust', { fileName: card.fileName, contentBase64: card.contentBase64, fingerprint }),
    );
    if (trusted) await onTrusted(trusted);
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <Text size="sm">{t('keyCards.trustExplain')}</Text>
        <Group>
          <FileButton onChange={(file) => void choose(file)} accept=".json,application/json" inputProps={cardInputProps}>
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconUpload size={16} />} loading={inspection.busy}>
                {t('keyCards.chooseCard')}
              </Button>
            )}
          </FileButton>
        </Group>
        <FailureAlert error={inspection.error} />
        {card && (
          <>
            <Alert color="blue" icon={<IconKey size={18} />} data-testid="inspected-card">
              <Text size="sm" fw={600}>
                {t('keyCards.whose', { unit: card.unitName, code: card.unitCode, level: t(`level.${card.level}`) })}
              </Text>
              {card.rotation && (
                <Text size="sm" mt={4}>
                  {t('keyCards.rotation')}
                </Text>
              )}
            </Alert>
            <TextInput
              label={t('keyCards.typedFingerprint')}
              description={t('keyCards.typedFingerprintHint')}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              ff="monospace"
              required={!card.rotation}
              autoComplete="off"
              data-autofocus
              error={trust.errors.fingerprint}
              data-testid="trust-fingerprint"
            />
            <FailureAlert error={trust.error} shownFields={['fingerprint']} />
            <Group justify="flex-end">
              <Button type="submit" loading={trust.busy} data-testid="trust-confirm">
                {t('keyCards.confirmTrust')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </form>
  );
}

function RevokeForm({ card, onRevoked }: { card: KeyCardSummary; onRevoked(): Promise<void> }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const revocation = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await revocation.run(() => call('keys.revoke', { id: card.id, reason }))) await onRevoked();
  };
  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <Text size="sm">{t('keyCards.revokeQuestion')}</Text>
        <Fingerprint value={card.fingerprint} />
        <Textarea
          label={t('keyCards.revokeReason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={revocation.errors.reason}
          data-testid="revoke-reason"
        />
        <FailureAlert error={revocation.error} shownFields={['reason']} />
        <Group justify="flex-end" gap="xs">
          <Button color="red" type="submit" loading={revocation.busy} data-testid="revoke-confirm">
            {t('keyCards.revokeConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
