import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceContracts } from '../../shared/contracts/evidence';
import { importFile } from '../../electron/core/evidence';
import { startTestCore } from '../helpers/core';
import { requirementKey, seedAssessment, tableCounts } from '../helpers/db';
import { vaultFiles, writeFiles } from '../helpers/evidence';

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const freeText = new Set(['title', 'description', 'providedBy', 'owner', 'text']);
const hostile = [
  42,
  null,
  true,
  [],
  {},
  '',
  TEN_MB,
  '../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\server\\share',
  '%2e%2e%2fassay.db',
  'a\u0000b',
  JSON.parse('{"__proto__": {"x": 1}}') as unknown,
];

describe('evidence commands refuse malformed input and change nothing', () => {
  let core: Awaited<ReturnType<typeof startTestCore>>;
  let valid: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    core = await startTestCore();
    const ids = seedAssessment(core.store.sqlite);
    const files = writeFiles({ 'f.txt': 'fuzz' });
    const item = await importFile(core.ctx, files['f.txt'] ?? '', {
      engagementId: ids.engagementId,
    });
    const meta = { title: 'T', classification: 'internal', status: 'received' };
    valid = {
      'evidence.list': { engagementId: ids.engagementId },
      'evidence.get': { id: item.id },
      'evidence.forRequirement': {
        engagementId: ids.engagementId,
        requirementId: requirementKey('4.1'),
      },
      'evidence.update': { id: item.id, ...meta },
      'evidence.link': { evidenceId: item.id, requirementId: requirementKey('4.1') },
      'evidence.unlink': { evidenceId: item.id, requirementId: requirementKey('4.1') },
      'evidence.delete': { id: item.id },
      'evidence.importFromDialog': { engagementId: ids.engagementId },
      'evidence.cancelImport': { taskId: 'abc' },
      'evidence.check': {},
      'evidence.preview': { id: item.id },
      'evidence.readChunk': { id: item.id, offset: 0, length: 10 },
      'evidence.requestList': { engagementId: ids.engagementId },
      'evidence.requestListCsv': { assessmentId: ids.assessmentId },
      'evidence.openExternal': { id: item.id },
    };
  });
  afterAll(() => core?.close());

  it('covers every evidence command', () => {
    // Chunked uploads carry bytes, not field values to police: they have their own tests
    // (evidence-chunked-upload) and are fuzzed by shape in command-fuzz.
    const chunked = [
      'evidence.uploadBegin',
      'evidence.uploadChunk',
      'evidence.uploadEnd',
      'evidence.uploadAbort',
    ];
    expect(Object.keys(valid).sort()).toEqual(
      Object.keys(evidenceContracts)
        .filter((n) => !chunked.includes(n))
        .sort(),
    );
  });

  it('answers every hostile value in every field with VALIDATION', async () => {
    const before = JSON.stringify(tableCounts(core.store.sqlite));
    const objects = vaultFiles(core.dataDir, 'objects');
    let tried = 0;
    const wrong: string[] = [];
    for (const [name, input] of Object.entries(valid)) {
      const cases: unknown[] = [42, 'x', [input], null, { ...input, extra: 1 }];
      for (const field of Object.keys(input)) {
        // Free text (a title may well read "../report") is bounded, not policed; ids, enums,
        // dates and numbers must refuse every hostile value.
        const values = freeText.has(field)
          ? hostile.filter((v) => typeof v !== 'string' || v === TEN_MB)
          : hostile;
        for (const value of values) cases.push({ ...input, [field]: value });
        const { [field]: _dropped, ...rest } = input;
        cases.push(rest);
      }
      for (const payload of cases) {
        const result = await core.dispatcher.dispatch(name, payload);
        tried += 1;
        // Dropping an optional field or sending an empty text filter can be valid; all else is not.
        if (result.ok || result.error.code === 'VALIDATION') {
          if (
            result.ok &&
            ['evidence.update', 'evidence.delete', 'evidence.link', 'evidence.unlink'].includes(
              name,
            )
          )
            wrong.push(`${name} ${JSON.stringify(payload).slice(0, 80)} succeeded`);
          continue;
        }
        wrong.push(`${name} ${JSON.stringify(payload).slice(0, 80)} → ${result.error.code}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(JSON.stringify(tableCounts(core.store.sqlite))).toBe(before);
    expect(vaultFiles(core.dataDir, 'objects')).toEqual(objects);
    expect(Object.prototype).not.toHaveProperty('x');
    console.log(`evidence fuzz: tried ${tried} inputs, database and vault unchanged`);
  });
});
