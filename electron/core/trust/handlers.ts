import type { DomainHandlers } from '../handler';
import { addCertificate, listTrust, pinFingerprint, removeSigner } from './signers';

export const trustHandlers: DomainHandlers<'trust'> = {
  'trust.list': (ctx) => listTrust(ctx),
  'trust.addCertificate': (ctx, input) =>
    addCertificate(ctx, { ...input, bytes: Buffer.from(input.fileBase64, 'base64') }),
  'trust.pinFingerprint': (ctx, input) => pinFingerprint(ctx, input),
  'trust.remove': (ctx, input) => removeSigner(ctx, input.id),
};
