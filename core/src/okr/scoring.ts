import { err, ok, type Result } from '../common/result';
import { keyResultProgress } from './progress';
import type { KeyResult } from './types';

/** What an end-of-cycle score means; 0.7 on a stretch key result is a good result. */
export type ScoreBand = 'missed' | 'progress' | 'goodStretch' | 'achieved';

/** The suggested end-of-cycle score: progress rounded to one decimal (0.0–1.0). */
export function suggestedScore(kr: KeyResult): number {
  return Math.round(keyResultProgress(kr) * 10) / 10;
}

/** Validates a score a manager entered. */
export function validateScore(score: number): Result<number> {
  if (!Number.isFinite(score) || score < 0 || score > 1) {
    return err({
      code: 'OKR.SCORE_OUT_OF_RANGE',
      message: 'A score is a number from 0.0 to 1.0.',
      field: 'score',
    });
  }
  return ok(Math.round(score * 100) / 100);
}

/** The band of a score: below 0.4 missed, below 0.7 progress, below 1 good stretch, 1 achieved. */
export function scoreBand(score: number): ScoreBand {
  if (score >= 1) return 'achieved';
  if (score >= 0.7) return 'goodStretch';
  if (score >= 0.4) return 'progress';
  return 'missed';
}

/** An objective's score: the mean of its scored (or suggested) active key result scores. */
export function objectiveScore(keyResults: readonly KeyResult[]): number {
  const active = keyResults.filter((k) => k.status === 'active');
  if (active.length === 0) return 0;
  const sum = active.reduce((s, k) => s + (k.score ?? suggestedScore(k)), 0);
  return Math.round((sum / active.length) * 100) / 100;
}
