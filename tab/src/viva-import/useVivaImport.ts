import { useRef, useState } from 'react';
import type { VivaImportReport, VivaImportRequest } from '@bearing/core';
import type { TabApi } from '../api/client';
import { asApiError, type ApiRequestError } from '../api/errors';
import { saveFile } from '../api/save-file';
import { describeError } from '../components/describe-error';
import { useLocale } from '../i18n/locale';
import { vivaImportMessages as m } from '../i18n/en-viva-import';
import { reportFileName, reportJson } from './download';
import { readFiles, UnreadableFile, type UploadFile } from './read-files';

/** What the Explorer export's own type labels may mean (the API's `labels`). */
export type LabelMeaning = NonNullable<VivaImportRequest['labels']>[string];

/** The admin's changes to the preview's decisions, sent with every preview and the apply. */
export interface ImportChoices {
  /** Viva person (e-mail, else name) → Bearing member, or `null`: ownerless and flagged. */
  readonly people: Readonly<Record<string, string | null>>;
  /** Viva team name → installed Bearing team, or `null`: a new Bearing team. */
  readonly teams: Readonly<Record<string, string | null>>;
  readonly labels: Readonly<Record<string, LabelMeaning>>;
  readonly guardrails: 'keyResult' | 'kpi';
}

const NO_CHOICES: ImportChoices = { people: {}, teams: {}, labels: {}, guardrails: 'keyResult' };

/** Where the page stands: what is on its way, if anything. */
export type ImportPhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading' }
  | { readonly kind: 'previewing' }
  | { readonly kind: 'applying'; readonly done: number; readonly total: number };

export type ImportApi = Pick<
  TabApi,
  'previewVivaImport' | 'applyVivaImport' | 'vivaImportReportCsv'
>;

/** The request for these files and choices (only what the admin changed). */
export function importRequest(files: readonly UploadFile[], c: ImportChoices): VivaImportRequest {
  const people = Object.entries(c.people).map(([viva, userId]) => ({ viva, userId }));
  const teams = Object.entries(c.teams).map(([viva, teamId]) => ({ viva, teamId }));
  return {
    files: files.map(({ name, data }) => ({ name, data })),
    ...(people.length ? { people } : {}),
    ...(teams.length ? { teams } : {}),
    ...(Object.keys(c.labels).length ? { labels: { ...c.labels } } : {}),
    ...(c.guardrails === 'kpi' ? { guardrails: 'kpi' as const } : {}),
  };
}

/**
 * The import page's state: the files read, the admin's choices, the latest report (a preview,
 * or the apply's result) and the apply's progress.
 */
export function useVivaImport(api: ImportApi) {
  const locale = useLocale();
  const [files, setFiles] = useState<readonly UploadFile[]>([]);
  const [choices, setChoices] = useState<ImportChoices>(NO_CHOICES);
  const [report, setReport] = useState<VivaImportReport>();
  const [phase, setPhase] = useState<ImportPhase>({ kind: 'idle' });
  const [failure, setFailure] = useState<string>();
  /** The choices changed since the report on screen was made. */
  const [changed, setChanged] = useState(false);
  // The latest choices, for a preview started in the same event as a change.
  const latest = useRef(choices);
  latest.current = choices;

  const explain = (error: ApiRequestError, applying: boolean): string => {
    if (applying && (error.code === 'IMPORT.INTERRUPTED' || error.code === 'CLIENT.NETWORK'))
      return m.result.interrupted;
    // The server's 4xx says what to fix in the files (too large, another tool's file, errors).
    if (error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 403)
      return error.message;
    return describeError(error, locale);
  };

  const preview = async (upload = files, picked = latest.current) => {
    setPhase({ kind: 'previewing' });
    setFailure(undefined);
    try {
      setReport(await api.previewVivaImport(importRequest(upload, picked)));
      setChanged(false);
    } catch (error) {
      setFailure(explain(asApiError(error), false));
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  /** New files: read them, forget the last import's choices and report, and preview. */
  const choose = async (chosen: readonly File[]) => {
    if (chosen.length === 0) return;
    setPhase({ kind: 'reading' });
    setFailure(undefined);
    setReport(undefined);
    setChoices(NO_CHOICES);
    let upload: UploadFile[];
    try {
      upload = await readFiles(chosen);
    } catch (error) {
      setPhase({ kind: 'idle' });
      setFiles([]);
      return setFailure(m.files.unreadable(error instanceof UnreadableFile ? error.fileName : ''));
    }
    setFiles(upload);
    await preview(upload, NO_CHOICES);
  };

  const apply = async () => {
    setPhase({ kind: 'applying', done: 0, total: 0 });
    setFailure(undefined);
    try {
      const result = await api.applyVivaImport(importRequest(files, choices), (done, total) =>
        setPhase({ kind: 'applying', done, total }),
      );
      setReport(result);
      setChanged(false);
    } catch (error) {
      setFailure(explain(asApiError(error), true));
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  const change = (update: (c: ImportChoices) => ImportChoices) => {
    setChoices(update);
    setChanged(true);
  };

  const download = async (format: 'csv' | 'json') => {
    if (!report) return;
    setFailure(undefined);
    try {
      const blob = format === 'json' ? reportJson(report) : await api.vivaImportReportCsv(report);
      saveFile(blob, reportFileName(report, format));
    } catch (error) {
      setFailure(explain(asApiError(error), false));
    }
  };

  return {
    files,
    choices,
    report,
    phase,
    failure,
    changed,
    busy: phase.kind !== 'idle',
    choose,
    preview: () => preview(),
    apply,
    download,
    setPerson: (viva: string, userId: string | null) =>
      change((c) => ({ ...c, people: { ...c.people, [viva]: userId } })),
    setTeam: (viva: string, teamId: string | null) =>
      change((c) => ({ ...c, teams: { ...c.teams, [viva]: teamId } })),
    setLabel: (label: string, meaning: LabelMeaning | undefined) =>
      change((c) => {
        const { [label]: _old, ...labels } = c.labels;
        return { ...c, labels: meaning ? { ...labels, [label]: meaning } : labels };
      }),
    setGuardrails: (guardrails: ImportChoices['guardrails']) =>
      change((c) => ({ ...c, guardrails })),
  };
}

export type VivaImportState = ReturnType<typeof useVivaImport>;
