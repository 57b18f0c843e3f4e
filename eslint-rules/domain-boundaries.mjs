import path from 'node:path';

/**
 * Each folder directly under electron/core/ is a room (a domain such as risks/, or shared
 * infrastructure such as db/). Code outside a room reaches it only through its public index:
 * `../risks` is fine, `../risks/queries` is not. Rooms named in `legacy` are being emptied into
 * domain folders and are exempt until they are gone.
 */
export const domainBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another electron/core room only through its index.ts.' },
    schema: [
      {
        type: 'object',
        properties: {
          coreDir: { type: 'string' },
          legacy: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      internal:
        "'{{source}}' reaches into the internals of electron/core/{{room}}/. Import it from '{{room}}' (its index.ts) and export what you need there.",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const coreDir = path.resolve(context.cwd, options.coreDir ?? 'electron/core');
    const legacy = new Set(options.legacy ?? []);
    const filename = context.filename;

    /** The room a path lies in and what follows it, or null outside electron/core/ rooms. */
    function locate(file) {
      const rel = path.relative(coreDir, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
      const parts = rel.split(path.sep);
      return { room: parts.length > 1 ? parts[0] : null, rest: parts.slice(1) };
    }

    const here = locate(filename);
    if (here?.room && legacy.has(here.room)) return {};

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = locate(path.resolve(path.dirname(filename), source));
      if (!target?.room || legacy.has(target.room)) return;
      if (here?.room === target.room) return;
      const rest = target.rest.join('/').replace(/\.(ts|tsx|js|mjs|cjs)$/, '');
      if (rest === '' || rest === 'index') return;
      context.report({ node, messageId: 'internal', data: { source, room: target.room } });
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'domain-boundaries': domainBoundaries } };
