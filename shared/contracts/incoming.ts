import { z } from 'zod';
import { idSchema } from './common';
import { defineCommand } from './define';

/** Largest file the page may hand over in chunks (20 GiB) and largest raw chunk (3 MiB). */
export const MAX_INCOMING_BYTES = 20 * 1024 * 1024 * 1024;
export const INCOMING_CHUNK_BYTES = 3 * 1024 * 1024;

/** What incoming.end answers and a consumer command takes: a UUID, never a path. */
export const incomingTokenSchema = idSchema;

export const incomingContracts = {
  'incoming.begin': defineCommand({
    name: 'incoming.begin',
    summary: 'Start handing the main side a large file (a pack to import or verify) as chunks.',
    input: z.strictObject({
      fileName: z.string().trim().min(1, 'is required').max(255, 'must be at most 255 characters'),
      size: z.number().int().min(0).max(MAX_INCOMING_BYTES, 'must be at most 20 GiB'),
    }),
    output: z.object({ incomingId: idSchema }),
    mutates: true,
  }),
  'incoming.chunk': defineCommand({
    name: 'incoming.chunk',
    summary: 'The next chunk of an incoming file, in order (at most 3 MiB, 4 MiB as base64).',
    input: z.strictObject({
      incomingId: idSchema,
      offset: z.number().int().min(0).max(MAX_INCOMING_BYTES),
      base64: z
        .string()
        .max((INCOMING_CHUNK_BYTES / 3) * 4, 'must be at most 3 MiB per chunk')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
    }),
    output: z.object({ received: z.number().int() }),
    mutates: true,
  }),
  'incoming.end': defineCommand({
    name: 'incoming.end',
    summary: 'Finish an incoming file: it is stored whole and answered with a token to use once.',
    input: z.strictObject({ incomingId: idSchema }),
    output: z.object({ token: incomingTokenSchema }),
    mutates: true,
  }),
  'incoming.abort': defineCommand({
    name: 'incoming.abort',
    summary: 'Cancel an incoming file; nothing of it is kept.',
    input: z.strictObject({ incomingId: idSchema }),
    output: z.object({ ok: z.literal(true) }),
    mutates: true,
  }),
};
