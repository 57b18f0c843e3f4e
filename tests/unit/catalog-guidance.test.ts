import { describe, expect, it } from 'vitest';
import { catalogProblems, catalogSchema, type Catalog } from '../../shared/catalog/format';
import { artefactOwner, overlapsOf, scoresArtefact } from '../../shared/catalog/overlaps';
import {
  scopingAnswerProblems,
  scopingAnswersSchema,
  suggestedControls,
} from '../../shared/catalog/scoping';
import type { Overlap, ScopingQuestion } from '../../shared/catalog/guidance';

const guidance = (questions: unknown[], evidence = ['policy']) => ({
  intent: 'What it is for. Why it matters.',
  questions,
  goodPractice: ['Good.'],
  evidence,
  roles: ['owner'],
  pitfalls: ['Often missing.'],
  sampling: { applies: false, why: 'There is one document.' },
  nonconformity: { major: 'Missing entirely.', minor: 'One gap.' },
});
const staged = [
  { text: 'How is it designed?', stage: 1 },
  { text: 'How does it run?', stage: 2 },
];
const controlQuestions = [
  ...staged,
  { text: 'What does the SoA say?', stage: 1, asks: 'soa-and-treatment' },
];

/** A two-requirement catalog in format 2 that passes every check; tests break one thing at a time. */
function minimal(): Record<string, unknown> & { nodes: Record<string, unknown>[] } {
  return {
    format: 'assay-framework',
    formatVersion: 2,
    framework: { id: 'tiny', name: 'Tiny', title: 'Tiny framework', edition: '1' },
    revision: 1,
    sections: [{ id: 'main', title: 'Main' }],
    vocabulary: { roles: { owner: 'Owner' }, evidence: { policy: 'Policy', log: 'Log' } },
    nodes: [
      {
        ref: '1',
        title: 'Clause',
        kind: 'clause',
        section: 'main',
        parent: null,
        assessable: true,
        guidance: guidance(staged),
      },
      {
        ref: 'A.1',
        title: 'Control',
        kind: 'control',
        section: 'main',
        parent: null,
        assessable: true,
        guidance: guidance(controlQuestions, ['policy', 'log']),
      },
    ],
    overlaps: [
      {
        id: 'policy',
        sides: [
          { ref: '1', ground: 'That it exists.' },
          { ref: 'A.1', ground: 'That it is applied.' },
        ],
        artefacts: [{ evidence: 'policy', owner: '1' }],
      },
    ],
    scoping: [
      {
        id: 'roles',
        answer: 'several',
        text: 'Which roles?',
        help: 'Tick all.',
        options: [
          {
            id: 'maker',
            label: 'Maker',
            help: 'Makes.',
            suggests: [{ control: 'A.1', reason: 'R1' }],
          },
          {
            id: 'user',
            label: 'User',
            help: 'Uses.',
            suggests: [{ control: 'A.1', reason: 'R2' }],
          },
        ],
      },
      {
        id: 'bought',
        answer: 'yes-no',
        text: 'Bought?',
        help: 'Embedded AI.',
        suggests: [{ control: 'A.1', reason: 'R3' }],
      },
    ],
  };
}

function problemsOf(raw: unknown): string[] {
  const parsed = catalogSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return catalogProblems(parsed.data);
}

function withGuidance(ref: string, change: (g: Record<string, unknown>) => void) {
  const raw = minimal();
  const node = raw.nodes.find((n) => n.ref === ref);
  change(node?.guidance as Record<string, unknown>);
  return raw;
}

describe('catalog format 2', () => {
  it('accepts the minimal catalog', () => {
    expect(problemsOf(minimal())).toEqual([]);
  });

  it('refuses a format-1 file with a message saying what format 2 added', () => {
    expect(problemsOf({ ...minimal(), formatVersion: 1 }).join('\n')).toMatch(
      /formatVersion: must be 2: format 1 catalogs lack the audit stage/,
    );
  });

  it.each([
    [
      'a question without a stage',
      withGuidance('1', (g) => (g.questions = [{ text: 'Q?' }, { text: 'R?', stage: 2 }])),
      /questions\.0\.stage: must be 1 \(design and documentation\) or 2/,
    ],
    [
      'a stage other than 1 or 2',
      withGuidance('1', (g) => (g.questions = [{ text: 'Q?', stage: 3 }])),
      /questions\.0\.stage/,
    ],
    [
      'guidance without nonconformity examples',
      withGuidance('1', (g) => delete g.nonconformity),
      /guidance\.nonconformity/,
    ],
    [
      'a nonconformity example without its minor line',
      withGuidance('1', (g) => (g.nonconformity = { major: 'M' })),
      /nonconformity\.minor/,
    ],
    [
      'guidance that does not say whether sampling applies',
      withGuidance('1', (g) => delete g.sampling),
      /guidance\.sampling/,
    ],
    [
      'a sampling plan without its population',
      withGuidance(
        '1',
        (g) => (g.sampling = { applies: true, period: 'P', size: 3, selection: 'S' }),
      ),
      /sampling\.population/,
    ],
    [
      'a sample size of zero',
      withGuidance(
        '1',
        (g) =>
          (g.sampling = { applies: true, population: 'X', period: 'P', size: 0, selection: 'S' }),
      ),
      /sampling\.size/,
    ],
  ])('refuses %s', (_label, raw, problem) => {
    expect(problemsOf(raw).join('\n')).toMatch(problem);
  });

  it.each([
    [
      'an assessable requirement asked only at stage 1',
      withGuidance('1', (g) => (g.questions = [{ text: 'Q?', stage: 1 }])),
      '1: no stage-2 question',
    ],
    [
      'an assessable requirement asked only at stage 2',
      withGuidance('A.1', (g) => (g.questions = [{ text: 'Q?', stage: 2 }])),
      'A.1: no stage-1 question',
    ],
    [
      'a control that never asks for its SoA entry',
      withGuidance('A.1', (g) => (g.questions = staged)),
      'A.1: needs exactly one soa-and-treatment question, has 0',
    ],
    [
      'a control that asks for its SoA entry twice',
      withGuidance(
        'A.1',
        (g) =>
          (g.questions = [
            ...controlQuestions,
            { text: 'Again?', stage: 1, asks: 'soa-and-treatment' },
          ]),
      ),
      'A.1: needs exactly one soa-and-treatment question, has 2',
    ],
    [
      'a clause that asks for an SoA entry',
      withGuidance('1', (g) => (g.questions = controlQuestions)),
      '1: only a control asks about its SoA entry',
    ],
  ])('flags %s', (_label, raw, problem) => {
    expect(problemsOf(raw)).toContain(problem);
  });

  it('flags overlaps that point nowhere or score an artefact twice', () => {
    const raw = minimal();
    const overlaps = raw.overlaps as Overlap[];
    overlaps.push(
      {
        id: 'policy',
        sides: [
          { ref: '1', ground: 'G' },
          { ref: 'A.9', ground: 'G' },
        ],
        artefacts: [{ evidence: 'policy', owner: 'A.9' }],
      },
      {
        id: 'logs',
        sides: [
          { ref: '1', ground: 'G' },
          { ref: 'A.1', ground: 'G' },
        ],
        artefacts: [
          { evidence: 'log', owner: '1' },
          { evidence: 'diary', owner: 'B.2' },
        ],
      },
    );
    expect(problemsOf(raw)).toEqual([
      'overlap policy: duplicate id',
      'overlap policy: unknown requirement A.9',
      'overlap policy: owner A.9 does not request policy',
      'overlap policy: policy is owned by 1 in another overlap',
      'overlap logs: owner 1 does not request log',
      'overlap logs: unknown evidence diary',
      'overlap logs: owner B.2 is not one of its sides',
    ]);
  });

  it('flags an artefact that two overlaps give to different owners', () => {
    const raw = minimal();
    (raw.overlaps as Overlap[]).push({
      id: 'again',
      sides: [
        { ref: 'A.1', ground: 'G' },
        { ref: '1', ground: 'G' },
      ],
      artefacts: [{ evidence: 'policy', owner: 'A.1' }],
    });
    expect(problemsOf(raw)).toContain('overlap again: policy is owned by 1 in another overlap');
  });

  it('flags scoping options that repeat or suggest a control that does not exist', () => {
    const raw = minimal();
    const [roles] = raw.scoping as Extract<ScopingQuestion, { answer: 'several' }>[];
    if (!roles) throw new Error('fixture');
    roles.options.push({
      id: 'maker',
      label: 'Maker again',
      help: 'H',
      suggests: [{ control: 'A.7', reason: 'R' }],
    });
    expect(problemsOf(raw)).toEqual([
      'scoping roles: duplicate option id',
      'scoping roles: unknown control A.7',
    ]);
  });
});

describe('overlaps: one missing artefact is scored once', () => {
  const catalog = catalogSchema.parse(minimal()) as Catalog;

  it('counts a shared artefact against its owner only', () => {
    expect(artefactOwner(catalog.overlaps, 'A.1', 'policy')).toBe('1');
    expect(scoresArtefact(catalog.overlaps, 'A.1', 'policy')).toBe(false);
    expect(scoresArtefact(catalog.overlaps, '1', 'policy')).toBe(true);
  });

  it('leaves an artefact no overlap mentions with the requirement that asks for it', () => {
    expect(artefactOwner(catalog.overlaps, 'A.1', 'log')).toBe('A.1');
    expect(artefactOwner(catalog.overlaps, '9.9', 'policy')).toBe('9.9');
    expect(overlapsOf(catalog.overlaps, '9.9')).toEqual([]);
  });
});

describe('scoping answers', () => {
  const catalog = catalogSchema.parse(minimal()) as Catalog;

  it('suggest the controls of every ticked option and every yes, with all their reasons', () => {
    expect([
      ...suggestedControls(catalog.scoping, { roles: ['maker', 'user'], bought: true }),
    ]).toEqual([['A.1', ['R1', 'R2', 'R3']]]);
    expect(suggestedControls(catalog.scoping, { roles: [], bought: false }).size).toBe(0);
    expect(suggestedControls(catalog.scoping, {}).size).toBe(0);
  });

  it('refuses answers of the wrong kind, unknown options and repeated options', () => {
    expect(scopingAnswerProblems(catalog.scoping, { roles: true, bought: ['maker'] }, {})).toEqual([
      'roles: expects a list of the options that apply',
      'bought: expects yes or no',
    ]);
    expect(
      scopingAnswerProblems(catalog.scoping, { roles: ['maker', 'maker', 'boss'] }, {}),
    ).toEqual(['roles: unknown option boss', 'roles: an option is listed twice']);
  });

  it('keeps an answer to a question an earlier revision asked, but refuses a new unknown one', () => {
    const stored = { 'old-question': true };
    expect(
      scopingAnswerProblems(catalog.scoping, { 'old-question': true, bought: true }, stored),
    ).toEqual([]);
    expect(scopingAnswerProblems(catalog.scoping, { 'old-question': false }, stored)).toEqual([
      'old-question: no scoping question has this id',
    ]);
    expect(scopingAnswerProblems(catalog.scoping, { invented: true }, {})).toEqual([
      'invented: no scoping question has this id',
    ]);
  });

  it('limits the size of what a renderer may send', () => {
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`q${i}`, true]));
    expect(scopingAnswersSchema.safeParse(many).success).toBe(false);
    expect(scopingAnswersSchema.safeParse({ roles: Array(51).fill('x') }).success).toBe(false);
    expect(scopingAnswersSchema.safeParse({ roles: ['maker'], bought: false }).success).toBe(true);
  });
});
