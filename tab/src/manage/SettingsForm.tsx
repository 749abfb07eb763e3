import { useState, type FormEvent } from 'react';
import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TabApi } from '../api/client';
import type { PatchTeamSettingsRequest } from '@bearing/core';
import type { TeamSettingsView } from '../api/views';
import { AlertMessage, ErrorState, LoadingState } from '../components/StatusStates';
import { useLoad } from '../hooks/useLoad';
import { useSubmit } from '../hooks/useSubmit';
import { useLocale } from '../i18n/locale';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '560px',
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  fieldset: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    border: 'none',
    margin: 0,
    padding: 0,
  },
});

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** ISO weekdays, Monday first. */
const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** The team's check-in and digest schedule. */
export function SettingsForm({ api, teamId }: { readonly api: TabApi; readonly teamId: string }) {
  const { state, reload, replace } = useLoad(`settings:${teamId}`, (signal) =>
    api.getTeamSettings(teamId, signal),
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  return (
    <SettingsEditor
      key={teamId}
      settings={state.data}
      save={(changes) => api.updateTeamSettings(teamId, changes)}
      onSaved={(s) => replace(() => s)}
      onConflict={reload}
    />
  );
}

function SettingsEditor({
  settings,
  save,
  onSaved,
  onConflict,
}: {
  readonly settings: TeamSettingsView;
  readonly save: (changes: PatchTeamSettingsRequest) => Promise<TeamSettingsView>;
  readonly onSaved: (s: TeamSettingsView) => void;
  readonly onConflict: () => void;
}) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.manage;
  const [draft, setDraft] = useState({
    ...settings,
    reminder: String(settings.reminderOffsetMinutes),
    escalation: String(settings.kpiEscalationMinutes),
    missed: String(settings.missedCheckInWeeks),
  });
  const readOnly = !settings.canEdit;
  // Warnings (nothing changed, someone else changed it); errors are the form's.
  const [warning, setWarning] = useState<string>();
  const form = useSubmit({
    fields: 'any',
    onError: (e) => {
      if (e.code !== 'STORE.CONFLICT') return false;
      setWarning(m.conflict);
      onConflict();
      return true;
    },
  });
  const daySelect = (key: 'checkInDay' | 'digestDay') => (
    <Select
      value={String(draft[key])}
      onChange={(_, d) => setDraft({ ...draft, [key]: Number(d.value) })}
    >
      {DAYS.map((d) => (
        <option key={d} value={d}>
          {new Intl.DateTimeFormat(locale.tag, { weekday: 'long', timeZone: 'UTC' }).format(
            new Date(Date.UTC(2024, 0, d)), // 1 January 2024 was a Monday: ISO weekday d
          )}
        </option>
      ))}
    </Select>
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const reminder = Number(draft.reminder);
    const escalation = Number(draft.escalation);
    const missed = Number(draft.missed);
    const found: Record<string, string> = {
      ...(Number.isInteger(missed) && missed >= 0 && missed <= 8
        ? {}
        : { missedCheckInWeeks: m.missedWeeksError }),
      ...(Number.isInteger(escalation) && escalation >= 15 && escalation <= 20160
        ? {}
        : { kpiEscalationMinutes: m.escalationError }),
      ...(TIME.test(draft.checkInTime) ? {} : { checkInTime: 'Use a time such as 09:00.' }),
      ...(TIME.test(draft.digestTime) ? {} : { digestTime: 'Use a time such as 09:00.' }),
      ...(Number.isInteger(reminder) && reminder >= 0 && reminder <= 8640
        ? {}
        : { reminderOffsetMinutes: 'Enter whole minutes from 0 to 8640.' }),
      ...(draft.timeZone.trim() ? {} : { timeZone: m.required }),
    };
    setWarning(undefined);
    form.setFormError(undefined);
    if (!form.check(found)) return;
    const next = {
      checkInDay: draft.checkInDay,
      checkInTime: draft.checkInTime,
      timeZone: draft.timeZone.trim(),
      reminderOffsetMinutes: reminder,
      digestDay: draft.digestDay,
      digestTime: draft.digestTime,
      kpiEscalationMinutes: escalation,
      missedCheckInWeeks: missed,
    };
    // Only what changed is sent (PATCH), so a save never rewrites a setting nobody touched.
    const changes = Object.fromEntries(
      Object.entries(next).filter(([k, v]) => settings[k as keyof typeof next] !== v),
    );
    if (Object.keys(changes).length === 0) return setWarning(m.unchanged);
    await form.run(async () => onSaved(await save({ etag: settings.etag, ...changes })));
  }
  const text = (label: string, key: 'checkInTime' | 'timeZone' | 'digestTime') => (
    <Field label={label} {...form.fieldState(key)}>
      <Input value={draft[key]} onChange={(_, d) => setDraft({ ...draft, [key]: d.value })} />
    </Field>
  );
  const minutes = (label: string, key: 'reminder' | 'escalation' | 'missed', error: string) => (
    <Field label={label} {...form.fieldState(error)}>
      <Input
        inputMode="numeric"
        value={draft[key]}
        onChange={(_, d) => setDraft({ ...draft, [key]: d.value })}
      />
    </Field>
  );
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={m.settings}>
      {readOnly && <Text>{m.settingsReadOnly}</Text>}
      <fieldset className={styles.fieldset} disabled={readOnly}>
        <Field label={m.checkInDay}>{daySelect('checkInDay')}</Field>
        {text(m.checkInTime, 'checkInTime')}
        {text(m.timeZone, 'timeZone')}
        {minutes(m.reminder, 'reminder', 'reminderOffsetMinutes')}
        <Field label={m.digestDay}>{daySelect('digestDay')}</Field>
        {text(m.digestTime, 'digestTime')}
        {minutes(m.escalation, 'escalation', 'kpiEscalationMinutes')}
        {minutes(m.missedWeeks, 'missed', 'missedCheckInWeeks')}
      </fieldset>
      {warning ? (
        <AlertMessage intent="warning">{warning}</AlertMessage>
      ) : (
        form.formError && <AlertMessage>{form.formError}</AlertMessage>
      )}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={form.saving || readOnly}>
          {form.saving ? m.saving : m.saveSettings}
        </Button>
        <div role="status" aria-live="polite">
          {form.saved && <Text>{m.saved}</Text>}
        </div>
      </div>
    </form>
  );
}
