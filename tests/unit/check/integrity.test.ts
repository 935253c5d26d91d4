import { describe, expect, test } from 'vitest';
import { checkIntegrity } from '../../../src/check/integrity.ts';
import { refs, story } from '../fixtures.ts';

describe('checkIntegrity', () => {
  test('a valid story has no problems', () => {
    expect(checkIntegrity(story())).toEqual([]);
  });

  test.each([
    [
      'statement speaker',
      (s: ReturnType<typeof story>) => {
        s.statements[0]!.data.speaker = 'zelensky';
      },
      'speaker',
      'unknown actor "zelensky"',
      /did you mean "zelenskyy"/,
    ],
    [
      'statement source',
      (s: ReturnType<typeof story>) => {
        s.statements[0]!.data.sources = ['sed'];
      },
      'sources[0]',
      'unknown source "sed"',
      /did you mean "seed"/,
    ],
    [
      'statement about',
      (s: ReturnType<typeof story>) => {
        s.statements[0]!.data.about = ['austn'];
      },
      'about[0]',
      'unknown actor "austn"',
      /austin/,
    ],
    [
      'relation',
      (s: ReturnType<typeof story>) => {
        s.statements[1]!.data.relations = [{ type: 'confirms', statement: 'z2' }];
      },
      'relations[0].statement',
      'unknown statement "z2"',
      /z1/,
    ],
    [
      'country',
      (s: ReturnType<typeof story>) => {
        s.actors[1]!.data.country = 'ukrain';
      },
      'country',
      'unknown actor "ukrain"',
      /ukraine/,
    ],
    [
      'partOf',
      (s: ReturnType<typeof story>) => {
        s.actors[2]!.data.partOf = ['mdo'];
      },
      'partOf[0]',
      'unknown actor "mdo"',
      /mod/,
    ],
    [
      'role of',
      (s: ReturnType<typeof story>) => {
        s.actors[3]!.data.roles = [{ title: 'P', of: 'ukr' }];
      },
      'roles[0].of',
      'unknown actor "ukr"',
      /ukraine/,
    ],
    [
      'issuer',
      (s: ReturnType<typeof story>) => {
        s.sources[1]!.data.issuer = 'nobody';
      },
      'issuer',
      'unknown actor "nobody"',
      /existing actor/,
    ],
    [
      'estimate by',
      (s: ReturnType<typeof story>) => {
        s.figures[0]!.data.estimates[0]!.by = 'hurr';
      },
      'estimates[0].by',
      'unknown actor "hurr"',
      /hur/,
    ],
    [
      'estimate source',
      (s: ReturnType<typeof story>) => {
        s.figures[0]!.data.estimates[1]!.source = 'x';
      },
      'estimates[1].source',
      'unknown source "x"',
      /source/,
    ],
    [
      'estimate statement',
      (s: ReturnType<typeof story>) => {
        s.figures[0]!.data.estimates[0]!.statement = 'z9';
      },
      'estimates[0].statement',
      'unknown statement "z9"',
      /z1/,
    ],
    [
      'event actor',
      (s: ReturnType<typeof story>) => {
        s.events[0]!.data.actors = ['austim'];
      },
      'actors[0]',
      'unknown actor "austim"',
      /austin/,
    ],
    [
      'event source',
      (s: ReturnType<typeof story>) => {
        s.events[0]!.data.sources = ['seeds'];
      },
      'sources[0]',
      'unknown source "seeds"',
      /seed/,
    ],
    [
      'article citation',
      (s: ReturnType<typeof story>) => {
        s.articles[0]!.refs = refs({ citations: ['no-such-source'] });
      },
      'citation',
      'unknown source "no-such-source"',
      /source/,
    ],
    [
      'article mention',
      (s: ReturnType<typeof story>) => {
        s.articles[0]!.refs = refs({ mentions: ['zelensky'] });
      },
      '<Actor id>',
      'unknown actor "zelensky"',
      /zelenskyy/,
    ],
    [
      'article statement',
      (s: ReturnType<typeof story>) => {
        s.articles[0]!.refs = refs({ statements: ['h2'] });
      },
      '<Statement id>',
      'unknown statement "h2"',
      /h1/,
    ],
    [
      'article figure',
      (s: ReturnType<typeof story>) => {
        s.articles[0]!.refs = refs({ figures: ['troop'] });
      },
      '<Figure id>',
      'unknown figure "troop"',
      /troops/,
    ],
    [
      'bio citation',
      (s: ReturnType<typeof story>) => {
        s.actors[3]!.refs = refs({ citations: ['sede'] });
      },
      'citation',
      'unknown source "sede"',
      /seed/,
    ],
  ])('unknown id in %s', (_name, breakIt, field, message, fix) => {
    const set = story();
    breakIt(set);
    const problems = checkIntegrity(set);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field, message, severity: 'error' });
    expect(problems[0]?.fix).toMatch(fix);
  });

  test('duplicate ids name both files', () => {
    const set = story();
    set.statements.push({ ...set.statements[0]!, file: 'content/statements/other.yaml' });
    const [problem] = checkIntegrity(set);
    expect(problem?.file).toBe('content/statements/other.yaml');
    expect(problem?.message).toMatch(/duplicate statement id "z1": also used in content\/statements\/z1/);
  });

  test('a partOf cycle is reported once in every file of the circle', () => {
    const set = story();
    set.actors[1]!.data.partOf = ['hur'];
    const problems = checkIntegrity(set);
    expect(problems.map((p) => p.file).sort()).toEqual(['content/actors/hur', 'content/actors/mod']);
    expect(problems.map((p) => p.message).sort()).toEqual([
      'goes round in a circle: hur → mod → hur (also in content/actors/mod)',
      'goes round in a circle: mod → hur → mod (also in content/actors/hur)',
    ]);
  });

  test('country must name a state', () => {
    const set = story();
    set.actors[2]!.data.country = 'mod';
    const problems = checkIntegrity(set);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'country', message: '"mod" is a government-body, not a state' });
  });

  test('a statement cannot relate to itself', () => {
    const set = story();
    set.statements[0]!.data.relations = [{ type: 'confirms', statement: 'z1' }];
    expect(checkIntegrity(set)[0]?.message).toBe('a statement cannot relate to itself');
  });

  test('timeline actors and dates are checked', () => {
    const set = story();
    set.articles[0]!.refs = {
      ...refs({}),
      timelines: [{ actors: ['austn'], from: '2024-13-01', to: undefined, line: 3, column: 1 }],
    };
    const problems = checkIntegrity(set);
    expect(problems.map((p) => p.field)).toEqual(['<Timeline actors>', '<Timeline from>']);
  });
});
