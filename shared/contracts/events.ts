import { z } from 'zod';

/** Events the main side pushes to the renderer (IPC `on`, or Server-Sent Events in browser mode). */
export const eventSchemas = {
  progress: z.object({
    taskId: z.string(),
    label: z.string(),
    done: z.number(),
    total: z.number(),
  }),
  'data.changed': z.object({ domain: z.string(), id: z.string().optional() }),
};
export type EventName = keyof typeof eventSchemas;
export type EventPayload<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
export const eventNames = Object.keys(eventSchemas) as EventName[];
