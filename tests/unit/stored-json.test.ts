import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJson, StoredJsonError, writeJson } from '../../electron/core/db';

const names = z.array(z.string());

describe('JSON columns', () => {
  it('reads back what was written, checked against its schema', () => {
    expect(readJson(names, writeJson(['Zoë', 'Łukasz']), 'sessions.attendees_json')).toEqual([
      'Zoë',
      'Łukasz',
    ]);
  });

  it('names the column when the stored text is not JSON', () => {
    expect(() => readJson(names, '[oops', 'sessions.attendees_json')).toThrow(
      /sessions\.attendees_json/,
    );
  });

  it('refuses JSON of the wrong shape instead of passing it on', () => {
    expect(() => readJson(names, '[1, 2]', 'sessions.attendees_json')).toThrow(StoredJsonError);
  });
});
