/** Lint messages, in one place so the message catalogue can take them over. */
export const LINT_MESSAGES = {
  okrSoup: (n: number) =>
    `This team has ${n} objectives this cycle. Keep it to 5 or fewer so focus stays possible.`,
  tooFewKrs: 'Add a second key result: one number rarely tells whether an objective is met.',
  tooManyKrs: (n: number) => `This objective has ${n} key results. Keep 2 to 5 that matter most.`,
  unmeasurable: 'This key result has no measurable target: baseline and target are the same.',
  taskLike:
    'This reads like a task, not an outcome. Say what changes when it is done (for example "Raise activation from 20% to 35%").',
  kpiCosplay: (kpi: string) =>
    `This key result just keeps the KPI "${kpi}" in its range. That is health monitoring, not an OKR: aim to move something.`,
  drift: (days: number) => `No check-in for ${days} days.`,
  individual:
    'Individual objectives fragment focus; prefer a team objective with owners per key result.',
} as const;
