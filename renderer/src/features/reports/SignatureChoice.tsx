import { useEffect, useState, type ReactNode } from 'react';
import {
  reportFormatLabels,
  reportFormats,
  type ReportFormatName,
} from '../../../../shared/contracts/reports';
import { useIdentities } from '../../stores/identities';
import { LabelledChoice } from './LabelledChoice';

type Issue = 'signed' | 'draft';

/**
 * What one signed export needs besides its subject: the format, signed or draft, and who signs
 * with which passphrase. Loads the signing identities.
 */
export function useSignatureChoice(initial: Issue) {
  const identities = useIdentities();
  const { load } = identities;
  useEffect(() => void load(), [load]);
  const [format, setFormat] = useState<ReportFormatName>('pdf');
  const [mode, setMode] = useState<Issue>(initial);
  const [identityId, setIdentityId] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const signed = mode === 'signed';
  return {
    format,
    setFormat,
    mode,
    setMode,
    signed,
    /** The signing identities and whether they are loaded yet. */
    identities: { items: identities.items, status: identities.status },
    /** A signed export needs its signer and their passphrase; a draft needs neither. */
    ready: !signed || (identityId !== null && passphrase !== ''),
    /** The request's part about the format and the signature. */
    request: {
      format,
      draft: !signed,
      ...(signed && identityId ? { identityId, passphrase } : {}),
    },
    /** The passphrase serves one export and is then forgotten. */
    forgetPassphrase: () => setPassphrase(''),
    /** The props of SignerFields. */
    signer: {
      identities: identities.items,
      identityId,
      onIdentity: setIdentityId,
      passphrase,
      onPassphrase: setPassphrase,
    },
  };
}

interface Props {
  choice: ReturnType<typeof useSignatureChoice>;
  /** Unique on the page: names the choices' label elements. */
  idPrefix: string;
  /** The signed-or-draft choice's label ("Signature", "Issue"). */
  issueLabel: string;
  draftLabel: string;
  /** Said under the signed-or-draft choice. */
  children?: ReactNode;
}

/** The format (PDF or Word) and whether it is signed: a Word file names its signer instead. */
export function SignatureChoice({ choice, idPrefix, issueLabel, draftLabel, children }: Props) {
  return (
    <>
      <LabelledChoice
        id={`${idPrefix}-format`}
        label="Format"
        value={choice.format}
        onChange={choice.setFormat}
        options={reportFormats.map((f) => ({ value: f, label: reportFormatLabels[f] }))}
      />
      <LabelledChoice
        id={`${idPrefix}-issue`}
        label={issueLabel}
        value={choice.mode}
        onChange={choice.setMode}
        options={[
          { value: 'signed', label: choice.format === 'pdf' ? 'Signed' : 'Name the signer' },
          { value: 'draft', label: draftLabel },
        ]}
      >
        {children}
      </LabelledChoice>
    </>
  );
}
