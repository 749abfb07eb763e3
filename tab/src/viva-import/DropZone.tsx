import { useState, type DragEvent } from 'react';
import { Field, Text, mergeClasses } from '@fluentui/react-components';
import { vivaImportMessages as m } from '../i18n/en-viva-import';
import { useImportStyles } from './styles';

/** What the file picker offers: Viva Goals' zip, its JSON files, the Explorer's CSV and XLSX. */
export const EXPORT_TYPES = [
  '.zip',
  '.json',
  '.csv',
  '.xlsx',
  'application/zip',
  'application/json',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

/**
 * Where the admin drops the export files, or picks them with the labelled file input inside it
 * (the keyboard's way in: a drop zone alone is mouse-only).
 */
export function DropZone({
  names,
  disabled,
  onFiles,
}: {
  /** The files of the current import. */
  readonly names: readonly string[];
  readonly disabled: boolean;
  readonly onFiles: (files: File[]) => void;
}) {
  const styles = useImportStyles();
  const [over, setOver] = useState(false);
  const dragging = (e: DragEvent, now: boolean) => {
    e.preventDefault();
    if (!disabled) setOver(now);
  };
  return (
    <div
      className={mergeClasses(styles.drop, over && styles.dropActive)}
      onDragEnter={(e) => dragging(e, true)}
      onDragOver={(e) => dragging(e, true)}
      onDragLeave={(e) => dragging(e, false)}
      onDrop={(e) => {
        dragging(e, false);
        if (!disabled) onFiles([...e.dataTransfer.files]);
      }}
    >
      <Text weight="semibold">{over ? m.files.dropping : m.files.drop}</Text>
      {/* A native file input: Field hands it the id its label points at (a render child). */}
      <Field label={m.files.label} hint={m.files.hint}>
        {(control) => (
          <input
            {...control}
            className={styles.file}
            type="file"
            multiple
            accept={EXPORT_TYPES}
            disabled={disabled}
            onChange={(e) => {
              onFiles([...(e.target.files ?? [])]);
              // Choosing the same files again (a second import) is a new choice.
              e.target.value = '';
            }}
          />
        )}
      </Field>
      <Text className={styles.muted}>
        {names.length ? m.files.chosen(names.join(', ')) : m.files.none}
      </Text>
    </div>
  );
}
