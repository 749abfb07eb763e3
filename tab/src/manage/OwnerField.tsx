import { Field, Select } from '@fluentui/react-components';
import type { TeamViewResponse } from '@bearing/core';
import { useLocale } from '../i18n/locale';

/** The owner picker of the objective and key result forms: one of the team's members. */
export function OwnerField({
  members,
  ownerId,
  onChange,
}: {
  readonly members: TeamViewResponse['members'];
  readonly ownerId: string;
  readonly onChange: (ownerId: string) => void;
}) {
  const m = useLocale().messages.manage;
  return (
    <Field label={m.owner}>
      <Select value={ownerId} onChange={(_, d) => onChange(d.value)}>
        {members.map((u) => (
          <option key={u.userId} value={u.userId}>
            {u.displayName}
          </option>
        ))}
      </Select>
    </Field>
  );
}
