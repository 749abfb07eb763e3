import { useState } from 'react';
import { Button, Field, Input, Text, mergeClasses } from '@fluentui/react-components';
import type { TabApi } from '../api/client';
import { asApiError } from '../api/errors';
import { describeError } from '../components/describe-error';
import { AlertMessage } from '../components/StatusStates';
import { useViewStyles } from '../components/viewStyles';
import { useLocale } from '../i18n/locale';
import { useMyOkrsStyles as useStyles } from './useMyOkrsStyles';

/**
 * "Away until" for one team: while away, Bearing sends no check-in card, reminder or nudge and
 * does not list the member as missing. A date input and Save, or "I'm back".
 */
export function AwaySetting({
  api,
  teamId,
  teamName,
  userId,
  awayUntil,
  onSaved,
}: {
  readonly api: TabApi;
  readonly teamId: string;
  readonly teamName: string;
  readonly userId: string;
  readonly awayUntil?: string;
  readonly onSaved: () => void;
}) {
  const styles = useStyles();
  const layout = useViewStyles();
  const locale = useLocale();
  const m = locale.messages.personal.away;
  const [until, setUntil] = useState(awayUntil ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const save = async (value: string | null) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await api.setAway(teamId, userId, value);
      onSaved();
    } catch (error) {
      setFailure(describeError(asApiError(error), locale));
    } finally {
      setBusy(false);
    }
  };
  const title = `${m.title}: ${teamName}`;
  return (
    <section className={mergeClasses(layout.card, styles.card)} aria-label={title}>
      <h2 className={layout.cardTitle}>{title}</h2>
      {awayUntil && <Text block>{m.awayUntil(locale.date(`${awayUntil}T12:00:00Z`))}</Text>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (until) void save(until);
        }}
      >
        <Field label={m.label} hint={m.hint}>
          <Input type="date" value={until} onChange={(_e, d) => setUntil(d.value)} />
        </Field>
        <Button type="submit" disabled={busy || !until}>
          {m.save}
        </Button>{' '}
        {awayUntil && (
          <Button disabled={busy} onClick={() => void save(null)}>
            {m.back}
          </Button>
        )}
      </form>
      {failure && <AlertMessage>{failure}</AlertMessage>}
    </section>
  );
}
