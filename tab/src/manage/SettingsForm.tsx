import { useState, type FormEvent } from 'react';
import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TabApi } from '../api/client';
import { asApiError } from '../api/errors';
import type { PatchTeamSettingsRequest } from '@bearing/core';
import type { TeamSettingsView } from '../api/views';
import { AlertMessage, ErrorState, LoadingState } from '../components/StatusStates';
import { describeError } from '../components/describe-error';
import { useLoad } from '../hooks/useLoad';
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
  });
  const readOnly = !settings.canEdit;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ intent: 'error' | 'warning'; text: string }>();
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
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
    const found: Record<string, string> = {
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
    setErrors(found);
    setSaved(false);
    setMessage(undefined);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const next = {
      checkInDay: draft.checkInDay,
      checkInTime: draft.checkInTime,
      timeZone: draft.timeZone.trim(),
      reminderOffsetMinutes: reminder,
      digestDay: draft.digestDay,
      digestTime: draft.digestTime,
      kpiEscalationMinutes: escalation,
    };
    // Only what changed is sent (PATCH), so a save never rewrites a setting nobody touched.
    const changes = Object.fromEntries(
      Object.entries(next).filter(([k, v]) => settings[k as keyof typeof next] !== v),
    );
    if (Object.keys(changes).length === 0)
      return setMessage({ intent: 'warning', text: m.unchanged });
    try {
      onSaved(await save({ etag: settings.etag, ...changes }));
      setSaved(true);
    } catch (error) {
      const e = asApiError(error);
      if (e.code === 'STORE.CONFLICT') {
        setMessage({ intent: 'warning', text: m.conflict });
        onConflict();
      } else if (e.field) setErrors({ [e.field]: e.message });
      else setMessage({ intent: 'error', text: describeError(e, locale) });
    } finally {
      setSaving(false);
    }
  }
  const state = (name: string) => ({
    validationMessage: errors[name],
    validationState: errors[name] ? ('error' as const) : ('none' as const),
  });
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={m.settings}>
      {readOnly && <Text>{m.settingsReadOnly}</Text>}
      <fieldset className={styles.fieldset} disabled={readOnly}>
        <Field label={m.checkInDay}>{daySelect('checkInDay')}</Field>
        <Field label={m.checkInTime} {...state('checkInTime')}>
          <Input
            value={draft.checkInTime}
            onChange={(_, d) => setDraft({ ...draft, checkInTime: d.value })}
          />
        </Field>
        <Field label={m.timeZone} {...state('timeZone')}>
          <Input
            value={draft.timeZone}
            onChange={(_, d) => setDraft({ ...draft, timeZone: d.value })}
          />
        </Field>
        <Field label={m.reminder} {...state('reminderOffsetMinutes')}>
          <Input
            inputMode="numeric"
            value={draft.reminder}
            onChange={(_, d) => setDraft({ ...draft, reminder: d.value })}
          />
        </Field>
        <Field label={m.digestDay}>{daySelect('digestDay')}</Field>
        <Field label={m.digestTime} {...state('digestTime')}>
          <Input
            value={draft.digestTime}
            onChange={(_, d) => setDraft({ ...draft, digestTime: d.value })}
          />
        </Field>
        <Field label={m.escalation} {...state('kpiEscalationMinutes')}>
          <Input
            inputMode="numeric"
            value={draft.escalation}
            onChange={(_, d) => setDraft({ ...draft, escalation: d.value })}
          />
        </Field>
      </fieldset>
      {message && <AlertMessage intent={message.intent}>{message.text}</AlertMessage>}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={saving || readOnly}>
          {saving ? m.saving : m.saveSettings}
        </Button>
        <div role="status" aria-live="polite">
          {saved && <Text>{m.saved}</Text>}
        </div>
      </div>
    </form>
  );
}
