import { useState, type FormEvent } from 'react';
import { Button, FileInput, Group, PasswordInput, Radio, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MAX_P12_BYTES } from '../../../../shared/contracts/identities';
import { errorMessage } from '../../api/error-message';
import {
  signingKeyTypeLabels,
  signingKeyTypes,
  type SigningKeyType,
} from '../../../../shared/contracts/identities';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIdentities } from '../../stores/identities';

const MIN = 8;

function passphraseError(passphrase: string, confirm: string | null): string | null {
  if (passphrase.length > 0 && passphrase.length < MIN) return `At least ${MIN} characters.`;
  if (confirm !== null && confirm.length > 0 && confirm !== passphrase)
    return 'The two passphrases differ.';
  return null;
}

/** New identity: an RSA-3072 or ECDSA P-256 key and self-signed certificate, behind a passphrase. */
export function CreateIdentityForm({ onDone }: { onDone(): void }) {
  const create = useIdentities((s) => s.create);
  const [fields, setFields] = useState({ name: '', organisation: '', email: '', role: '' });
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [keyType, setKeyType] = useState<SigningKeyType>('rsa-3072');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mismatch = passphraseError(passphrase, confirm);
  const ready =
    fields.name.trim() && fields.email.trim() && passphrase.length >= MIN && confirm === passphrase;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    create({ ...fields, passphrase, keyType })
      .then((created) => {
        notifications.show({ message: `Signing identity ${created.name} created.` });
        onDone();
      })
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };
  const field = (key: keyof typeof fields) => ({
    value: fields[key],
    onChange: (e: { currentTarget: { value: string } }) =>
      setFields({ ...fields, [key]: e.currentTarget.value }),
  });

  return (
    <form onSubmit={submit} aria-label="Create a signing identity">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput label="Name" required maxLength={200} {...field('name')} />
          <TextInput label="Email" type="email" required maxLength={320} {...field('email')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label="Organisation" maxLength={200} {...field('organisation')} />
          <TextInput label="Role" placeholder="Lead assessor" maxLength={200} {...field('role')} />
        </Group>
        <Group grow align="flex-start">
          <PasswordInput
            label="Passphrase"
            description="Protects the key; Assay never stores it. There is no way to recover it."
            required
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={
              passphrase.length > 0 && passphrase.length < MIN
                ? `At least ${MIN} characters.`
                : null
            }
            autoComplete="new-password"
          />
          <PasswordInput
            label="Repeat the passphrase"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch === 'The two passphrases differ.' ? mismatch : null}
            autoComplete="new-password"
          />
        </Group>
        <Radio.Group
          label="Key"
          value={keyType}
          onChange={(value) => setKeyType(value === 'ec-p256' ? 'ec-p256' : 'rsa-3072')}
        >
          <Group mt={4}>
            {signingKeyTypes.map((type) => (
              <Radio key={type} value={type} label={signingKeyTypeLabels[type]} />
            ))}
          </Group>
        </Radio.Group>
        {error && <ErrorAlert message={error} />}
        <Group>
          <Button type="submit" loading={busy} disabled={!ready}>
            Create identity
          </Button>
          <Button variant="default" onClick={onDone} disabled={busy}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** An organisation-issued .p12/.pfx; a copy is kept in the data directory. */
export function ImportIdentityForm({ onDone }: { onDone(): void }) {
  const importFile = useIdentities((s) => s.importFile);
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [role, setRole] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tooBig = file !== null && file.size > MAX_P12_BYTES;
  const ready = file !== null && !tooBig && passphrase.length >= MIN;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || !ready) return;
    setBusy(true);
    setError(null);
    importFile(file, { passphrase, role })
      .then((imported) => {
        notifications.show({ message: `Signing identity ${imported.name} imported.` });
        onDone();
      })
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} aria-label="Import a signing identity">
      <Stack gap="sm">
        <FileInput
          label="Certificate file (.p12 or .pfx)"
          placeholder="Choose a file"
          accept=".p12,.pfx,application/x-pkcs12"
          required
          clearable
          value={file}
          onChange={setFile}
          error={tooBig ? 'The file is larger than 1 MB.' : null}
        />
        <Group grow align="flex-start">
          <PasswordInput
            label="Passphrase of the file"
            required
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            autoComplete="off"
          />
          <TextInput
            label="Role"
            maxLength={200}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
          />
        </Group>
        {error && <ErrorAlert message={error} />}
        <Group>
          <Button type="submit" loading={busy} disabled={!ready}>
            Import identity
          </Button>
          <Button variant="default" onClick={onDone} disabled={busy}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
