/**
 * A Viva Goals export as read from its files (organisation JSON or Explorer CSV/XLSX), before any
 * mapping to Bearing. Every field is optional in real exports; readers keep what they find and
 * report the rest as issues.
 */

/** Where a record came from, for messages: `objectives_export_file_….json #12`, `export.csv line 7`. */
export type SourceRef = string;

export interface VivaPerson {
  readonly vivaId?: string;
  readonly name: string;
  readonly email?: string;
}

export type VivaItemKind = 'objective' | 'keyResult' | 'initiative';

export interface VivaOutcome {
  readonly kind: 'percentage' | 'metric';
  readonly metricName?: string;
  readonly unit?: string;
  readonly start?: number;
  readonly target?: number;
  /** `Increase From`, `Decrease From`, `Reach`, `Stay Above`, `Stay Below` (or absent). */
  readonly targetType?: string;
}

export interface VivaItem {
  readonly vivaId: string;
  readonly source: SourceRef;
  readonly title: string;
  /** Undefined when the type label is unknown (the plan skips it, naming the label). */
  readonly kind?: VivaItemKind;
  readonly typeLabel: string;
  readonly teams: readonly string[];
  readonly owners: readonly VivaPerson[];
  readonly periodId?: string;
  readonly periodName?: string;
  readonly start?: string;
  readonly end?: string;
  /** Parents by Viva id, with their alignment weight in percent when given. */
  readonly parents: readonly {
    readonly id?: string;
    readonly title?: string;
    readonly weight?: number;
  }[];
  readonly description?: string;
  readonly progress?: number;
  readonly status?: string;
  readonly score?: number;
  readonly goalType?: string;
  readonly outcome?: VivaOutcome;
  readonly createdAt?: string;
}

export interface VivaCheckIn {
  readonly vivaId: string;
  readonly source: SourceRef;
  readonly itemId: string;
  /** ISO instant. */
  readonly at: string;
  readonly owner?: VivaPerson;
  /** Plain text (HTML already converted by the reader). */
  readonly note?: string;
  readonly status?: string;
  readonly value?: number;
}

export interface VivaComment {
  readonly vivaId: string;
  readonly source: SourceRef;
  readonly itemId: string;
  readonly text: string;
  readonly author?: VivaPerson;
  readonly at?: string;
}

export interface VivaTeam {
  readonly vivaId?: string;
  readonly name: string;
  readonly parentName?: string;
}

export interface VivaPeriod {
  readonly vivaId?: string;
  readonly name: string;
  readonly start?: string;
  readonly end?: string;
}

/** A problem found while reading or mapping; `error` ones block the apply. */
export interface ImportIssue {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly source?: SourceRef;
}

/** A record that cannot be imported, with the reason. */
export interface SkippedRow {
  readonly source: SourceRef;
  readonly code: string;
  readonly reason: string;
}

export interface VivaExport {
  readonly items: readonly VivaItem[];
  readonly checkIns: readonly VivaCheckIn[];
  readonly comments: readonly VivaComment[];
  readonly teams: readonly VivaTeam[];
  readonly users: readonly VivaPerson[];
  readonly periods: readonly VivaPeriod[];
  readonly issues: readonly ImportIssue[];
  readonly skipped: readonly SkippedRow[];
}

export const emptyExport = (): VivaExport => ({
  items: [],
  checkIns: [],
  comments: [],
  teams: [],
  users: [],
  periods: [],
  issues: [],
  skipped: [],
});
