import { useState, type FormEvent } from 'react';
import type { KeyResultView, MyTeamOkrs } from '@bearing/core';
import type { TabApi } from '../api/client';
import { parseNumber } from '../components/EditKeyResultDialog';
import { useSubmit } from '../hooks/useSubmit';
import { useLocale } from '../i18n/locale';

export type Confidence = KeyResultView['confidence'];

/** One key result's entry in the check-in form. */
export interface Draft {
  readonly value: string;
  readonly confidence: Confidence;
}

/** What a team's card on the personal tab is given. */
export interface TeamOkrsProps {
  readonly api: TabApi;
  readonly okrs: MyTeamOkrs;
  readonly onSubmitted: () => void;
}

/** The check-in form's data: one draft per key result, the notes, and sending them. */
export function useCheckIn(api: TabApi, okrs: MyTeamOkrs, onSubmitted: () => void) {
  const locale = useLocale();
  const { keyResults, thisWeek } = okrs;
  // This week's check-in, if sent already, pre-fills the form (sending again updates it).
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      keyResults.map((k) => {
        const sent = thisWeek?.updates.find((u) => u.keyResultId === k.id);
        return [
          k.id,
          { value: String(sent?.value ?? k.current), confidence: sent?.confidence ?? k.confidence },
        ];
      }),
    ),
  );
  const [notes, setNotes] = useState({
    whatChanged: thisWeek?.whatChanged ?? '',
    blockers: thisWeek?.blockers ?? '',
    decisionNeeded: thisWeek?.decisionNeeded ?? '',
  });
  const form = useSubmit();
  const set = (id: string, change: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [id]: { ...(d[id] as Draft), ...change } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const updates = keyResults.map((k) => {
      const draft = drafts[k.id] as Draft;
      const value = parseNumber(draft.value);
      if (value === undefined) found[k.id] = locale.messages.edit.notANumber;
      return { keyResultId: k.id, value: value ?? 0, confidence: draft.confidence };
    });
    if (!form.check(found)) return;
    const text = (s: string) => (s.trim() ? s.trim() : undefined);
    const whatChanged = text(notes.whatChanged);
    const blockers = text(notes.blockers);
    const decisionNeeded = text(notes.decisionNeeded);
    await form.run(async () => {
      await api.submitMyCheckIn({
        teamId: okrs.team.id,
        submissionId: `tab-${okrs.week}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        cycleId: okrs.cycle.id,
        week: okrs.week,
        nothingChanged: false,
        updates,
        ...(whatChanged ? { whatChanged } : {}),
        ...(blockers ? { blockers } : {}),
        ...(decisionNeeded ? { decisionNeeded } : {}),
      });
      onSubmitted();
    });
  }

  return { drafts, set, notes, setNotes, form, submit };
}
