import { Group, PasswordInput, Select } from '@mantine/core';
import type { Identity } from '../../../../shared/contracts/identities';

interface Props {
  identities: Pick<Identity, 'id' | 'name' | 'organisation'>[];
  identityId: string | null;
  onIdentity(id: string | null): void;
  passphrase: string;
  onPassphrase(value: string): void;
  /** What the key opens for, in "Opens the key for this … only". */
  purpose: string;
}

/** Who signs and the passphrase that opens their key, for one signed export; nothing is kept. */
export function SignerFields({
  identities,
  identityId,
  onIdentity,
  passphrase,
  onPassphrase,
  purpose,
}: Props) {
  return (
    <Group grow align="flex-start">
      <Select
        label="Signing identity"
        placeholder="Choose who signs"
        data={identities.map((i) => ({
          value: i.id,
          label: `${i.name}${i.organisation ? ` (${i.organisation})` : ''}`,
        }))}
        value={identityId}
        onChange={onIdentity}
        required
      />
      <PasswordInput
        label="Passphrase"
        description={`Opens the key for this ${purpose} only; it is not kept.`}
        value={passphrase}
        onChange={(e) => onPassphrase(e.currentTarget.value)}
        autoComplete="off"
        required
      />
    </Group>
  );
}
