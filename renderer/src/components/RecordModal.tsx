import type { ReactNode } from 'react';
import { GuardedModal } from './GuardedModal';

/** What a record's dialog is showing: a new record, an existing one, or nothing. */
export type Editing<Row> = Row | 'new' | null;

interface RecordModalProps<Row> {
  editing: Editing<Row>;
  onClose(): void;
  addTitle: string;
  editTitle: string;
  /** The form, given the record to edit or null for a new one. */
  children(record: Row | null): ReactNode;
}

/** The add-or-edit dialog of a small register, asking before typing is dropped; its title does not change while it fades out. */
export function RecordModal<Row>({ editing, onClose, addTitle, editTitle, children }: RecordModalProps<Row>) {
  return (
    <GuardedModal
      opened={editing !== null}
      onClose={onClose}
      title={editing === null ? undefined : editing === 'new' ? addTitle : editTitle}
      size="lg"
    >
      {editing !== null && children(editing === 'new' ? null : editing)}
    </GuardedModal>
  );
}
