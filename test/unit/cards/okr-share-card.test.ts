import {
  buildOkrShareCard,
  okrShareSubtitle,
  type OkrShareModel,
} from '../../../bot/src/features/sharing';
import { cardProblems, texts } from '../../support/cards';

// The one card the message extension inserts and a Bearing link unfurls to.
const kr: OkrShareModel = {
  kind: 'keyResult',
  id: 'k1',
  teamId: 'team-a',
  teamName: 'My Team',
  title: 'Raise NPS from 20 to 40',
  objectiveTitle: 'Delight customers',
  progress: 0.5,
  confidence: 'atRisk',
  ownerName: 'Alex Wilber',
  valueText: '30 → 40',
  keyResults: [],
  url: 'https://bearing.example/tab/?view=alignment&teamId=team-a&keyResult=k1',
};
const objective: OkrShareModel = {
  kind: 'objective',
  id: 'o1',
  teamId: null,
  title: 'Grow a business our customers love',
  progress: 0.25,
  ownerName: 'Someone in your organisation',
  keyResults: [
    { title: 'Grow MRR', progress: 0.1, confidence: 'offTrack', ownerName: 'Megan' },
    { title: 'Win *3* logos', progress: 0.4, confidence: 'onTrack', ownerName: 'Adele' },
  ],
};

const facts = (card: unknown) =>
  (card as { body: { type: string; facts?: { title: string; value: string }[] }[] }).body
    .flatMap((e) => (e.type === 'FactSet' ? (e.facts ?? []) : []))
    .map((f) => [f.title, f.value]);

it('shows a key result with progress, confidence and owner, and opens Bearing', () => {
  const card = buildOkrShareCard(kr);
  expect(cardProblems(card)).toEqual([]);
  expect(facts(card)).toEqual([
    ['Progress', '50% · 30 → 40'],
    ['Confidence', 'At risk'],
    ['Owner', 'Alex Wilber'],
  ]);
  expect(texts(card).slice(0, 2)).toEqual([
    'Raise NPS from 20 to 40',
    'Key result · Objective: Delight customers · in My Team',
  ]);
  expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open in Bearing', url: kr.url }]);
});

it('shows an objective with each key result, escaping what people typed', () => {
  const card = buildOkrShareCard(objective);
  expect(cardProblems(card)).toEqual([]);
  expect(okrShareSubtitle(objective)).toBe('Objective · Company objective');
  expect(facts(card)).toContainEqual(['Confidence', 'Not rated yet']);
  expect(texts(card)).toEqual(
    expect.arrayContaining([
      '2 key results',
      'Grow MRR',
      '10% · Off track · Megan',
      'Win \\*3\\* logos',
    ]),
  );
  expect(card.actions ?? []).toEqual([]);
});
