import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { attachments, issuedDocuments, members, partyActivityEvents, trips } from '@db/schema';
import {
  attachmentMediaTypes,
  maximumAttachmentBytes,
  type AttachmentInput,
  type AttachmentMediaType,
  type AttachmentRow,
} from '@shared/contract/registry';
import { DomainError } from '@shared/errors';
import { newId } from '@shared/ids';
import { appendAudit } from '../../storage/audit';
import type { Registry } from '../../storage/registry/registry';
import { nowIso } from './common';

/** The type is read from the file's first bytes, never from its name; every accepted type has its signature. */
const signatures: Record<AttachmentMediaType, (bytes: Buffer) => boolean> = {
  'application/pdf': (bytes) => bytes.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
  'image/tiff': (bytes) => ['49492a00', '4d4d002a'].includes(bytes.subarray(0, 4).toString('hex')),
  'image/webp': (bytes) =>
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP',
};

export function sniffMediaType(bytes: Buffer): AttachmentMediaType | null {
  return attachmentMediaTypes.find((mediaType) => signatures[mediaType](bytes)) ?? null;
}

const owners = {
  trip: trips,
  member: members,
  party_activity_event: partyActivityEvents,
  issued_document: issuedDocuments,
} as const;

/** The reason travels as a field issue, so it is shown in the reader's language. */
function refuse(key: 'attachment.tooLarge' | 'attachment.type'): DomainError {
  return new DomainError('ATTACHMENT_REFUSED', {}, [{ path: ['contentBase64'], key }]);
}

/** Stores a scan inside the encrypted registry: a PDF or an image of at most 10 MB, refused otherwise. */
export function addAttachment(registry: Registry, input: z.output<typeof AttachmentInput>): AttachmentRow {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length > maximumAttachmentBytes) throw refuse('attachment.tooLarge');
  const mediaType = sniffMediaType(content);
  if (!mediaType || content.length === 0) throw refuse('attachment.type');
  const owner = owners[input.ownerKind];
  if (!registry.db.select({ id: owner.id }).from(owner).where(eq(owner.id, input.ownerId)).get())
    throw new DomainError('NOT_FOUND');
  const row: AttachmentRow = {
    id: newId(),
    kind: input.kind,
    fileName: input.fileName,
    mediaType,
    size: content.length,
    createdAt: nowIso(),
  };
  registry.write((db) => {
    db.insert(attachments)
      .values({
        ...row,
        ownerKind: input.ownerKind,
        ownerId: input.ownerId,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        createdBy: registry.user.id,
      })
      .run();
    appendAudit(db, registry.actor, {
      action: 'attachment.add',
      entity: input.ownerKind,
      entityId: input.ownerId,
      after: { attachmentId: row.id, kind: row.kind, fileName: row.fileName, size: row.size },
    });
  });
  return row;
}

export function readAttachment(registry: Registry, id: string): AttachmentRow & { contentBase64: string } {
  const record = registry.db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!record) throw new DomainError('NOT_FOUND');
  return {
    id: record.id,
    kind: record.kind,
    fileName: record.fileName,
    mediaType: record.mediaType,
    size: record.size,
    createdAt: record.createdAt,
    contentBase64: record.content.toString('base64'),
  };
}

export function deleteAttachment(registry: Registry, id: string): void {
  registry.write((db) => {
    const record = db
      .select({ ownerKind: attachments.ownerKind, ownerId: attachments.ownerId, fileName: attachments.fileName })
      .from(attachments)
      .where(eq(attachments.id, id))
      .get();
    if (!record) throw new DomainError('NOT_FOUND');
    db.delete(attachments).where(eq(attachments.id, id)).run();
    appendAudit(db, registry.actor, {
      action: 'attachment.delete',
      entity: record.ownerKind,
      entityId: record.ownerId,
      before: { attachmentId: id, fileName: record.fileName },
    });
  });
}
