import type { Core } from '../../electron/core/start';

const CHUNK = 3 * 1024 * 1024;

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await core.dispatcher.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Hands bytes to the core as the renderer does (incoming.*, ordered chunks); answers the token. */
export async function sendBytes(core: Core, bytes: Buffer, fileName = 'file'): Promise<string> {
  const { incomingId } = await call<{ incomingId: string }>(core, 'incoming.begin', {
    fileName,
    size: bytes.length,
  });
  for (let offset = 0; offset < bytes.length; offset += CHUNK)
    await call(core, 'incoming.chunk', {
      incomingId,
      offset,
      base64: bytes.subarray(offset, offset + CHUNK).toString('base64'),
    });
  return (await call<{ token: string }>(core, 'incoming.end', { incomingId })).token;
}
