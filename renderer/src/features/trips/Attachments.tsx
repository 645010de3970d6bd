import { ActionIcon, Alert, Button, FileButton, Group, Image, Modal, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconEye, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { attachmentMediaTypes, maximumAttachmentBytes, type AttachmentRow } from '@shared/contract/registry';
import { attachmentKinds, type AttachmentKind } from '@shared/domain/enums';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useCanEnterData } from '../../app/permissions';
import { useSession } from '../../state/sessionStore';
import { DeleteButton } from '../../components/DeleteButton';
import { blobOf, download, readAsBase64 } from '../../components/files';
import { fileSizeText, instantText } from '../../components/format';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n';

interface AttachmentsProps {
  tripId: string;
  attachments: readonly AttachmentRow[];
  onChanged(): Promise<void>;
}

/** Scans kept inside the encrypted registry: the application, the commitment, the decision, the return report. */
export function Attachments({ tripId, attachments, onChanged }: AttachmentsProps) {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const canEdit = useCanEnterData();
  const [kind, setKind] = useState<AttachmentKind>('application');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ url: string; fileName: string } | null>(null);
  const upload = useAction();
  const fetchFile = useAction();

  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview.url);
    },
    [preview],
  );

  const add = async (file: File | null) => {
    if (!file) return;
    setRefusal(null);
    if (file.size > maximumAttachmentBytes) {
      setRefusal(t('error.ATTACHMENT_REFUSED', { reason: t('attachment.tooLarge') }));
      return;
    }
    const added = await upload.run(async () =>
      call('attachments.add', {
        ownerKind: 'trip',
        ownerId: tripId,
        kind,
        fileName: file.name,
        contentBase64: await readAsBase64(file),
      }),
    );
    if (added) await onChanged();
  };

  const open = async (attachment: AttachmentRow, mode: 'preview' | 'download') => {
    const file = await fetchFile.run(() => call('attachments.get', { id: attachment.id }));
    if (!file) return;
    const blob = blobOf(file.contentBase64, file.mediaType);
    if (mode === 'preview') setPreview({ url: URL.createObjectURL(blob), fileName: file.fileName });
    else download(blob, file.fileName);
  };

  const failure = upload.error ?? fetchFile.error;
  const problem = refusal ?? (failure ? errorText(failure, t) : null);

  return (
    <Stack gap="sm" data-testid="attachments">
      {canEdit && (
        <Group gap="xs" align="flex-end">
          <Select
            label={t('attachments.kind')}
            w={240}
            data={attachmentKinds.map((value) => ({ value, label: t(`attachmentKind.${value}`) }))}
            value={kind}
            onChange={(value) => setKind(attachmentKinds.find((candidate) => candidate === value) ?? 'other')}
            allowDeselect={false}
            data-testid="attachment-kind"
          />
          <FileButton onChange={(file) => void add(file)} accept={attachmentMediaTypes.join(',')}>
            {(props) => (
              <Button
                {...props}
                variant="light"
                leftSection={<IconUpload size={16} />}
                loading={upload.busy}
                data-testid="attachment-upload"
              >
                {t('attachments.upload')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed" mb={8}>
            {t('attachments.accepted')}
          </Text>
        </Group>
      )}
      {problem && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          data-testid="attachment-refusal"
          withCloseButton
          onClose={() => setRefusal(null)}
        >
          {problem}
        </Alert>
      )}
      {attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('attachments.none')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('attachments.kind')}</Table.Th>
              <Table.Th>{t('attachments.fileName')}</Table.Th>
              <Table.Th>{t('attachments.size')}</Table.Th>
              <Table.Th>{t('attachments.added')}</Table.Th>
              <Table.Th w={110} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attachments.map((attachment) => (
              <Table.Tr key={attachment.id} data-testid="attachment-row">
                <Table.Td>{t(`attachmentKind.${attachment.kind}`)}</Table.Td>
                <Table.Td>{attachment.fileName}</Table.Td>
                <Table.Td>{fileSizeText(attachment.size, lang)}</Table.Td>
                <Table.Td>{instantText(attachment.createdAt, lang)}</Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap" justify="flex-end">
                    {attachment.mediaType.startsWith('image/') && attachment.mediaType !== 'image/tiff' && (
                      <Tooltip label={t('attachments.view')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          onClick={() => void open(attachment, 'preview')}
                          aria-label={t('attachments.view')}
                        >
                          <IconEye size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    <Tooltip label={t('attachments.download')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        onClick={() => void open(attachment, 'download')}
                        aria-label={t('attachments.download')}
                      >
                        <IconDownload size={16} />
                      </ActionIcon>
                    </Tooltip>
                    {canEdit && (
                      <DeleteButton
                        question={t('attachments.deleteQuestion', { fileName: attachment.fileName })}
                        onConfirm={async () => {
                          if (await upload.run(() => call('attachments.delete', { id: attachment.id }))) await onChanged();
                        }}
                      />
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={preview !== null} onClose={() => setPreview(null)} title={preview?.fileName} size="xl">
        {preview && <Image src={preview.url} alt={preview.fileName} fit="contain" mah="75vh" />}
      </Modal>
    </Stack>
  );
}
