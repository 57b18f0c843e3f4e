/** Browser mode refuses a short or guessable ASSAY_TOKEN instead of guarding the store with it. */
import { describe, expect, it } from 'vitest';
import { startTestWeb } from '../helpers/web';

describe('an ASSAY_TOKEN given from outside', () => {
  it.each(['a', 'password', 'x'.repeat(31), 'has spaces and is long enough to pass a length test'])(
    '%j is refused',
    async (token) => {
      await expect(startTestWeb({ token })).rejects.toThrow(/ASSAY_TOKEN must be/);
    },
  );

  it('a long random one is used as given', async () => {
    const token = 'k3J9_qv-8ZbLwP2xR7tN0mYcH5sFdG1e';
    const web = await startTestWeb({ token });
    try {
      expect(web.server.token).toBe(token);
    } finally {
      await web.close();
    }
  });
});
