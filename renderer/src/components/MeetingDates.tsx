import { fieldMessage, type FieldErrors } from '../features/findings/field-errors';
import { DateField } from './DateField';

/** A meeting held in one day (a management review). Keys are the contract's; '' is "not set". */
export interface OneDay {
  plannedOn: string;
  heldOn: string;
}

/** Something held over one or more days (an internal audit): its first and last day. */
export interface SeveralDays {
  plannedOn: string;
  heldFrom: string;
  heldTo: string;
}

interface Props<D extends OneDay | SeveralDays> {
  dates: D;
  onChange(dates: NoInfer<D>): void;
  /** The main side's messages, keyed by the same names as `dates`. */
  errors: FieldErrors;
}

/** When it is planned for and when it was held, each day a date field the main side checks. */
export function MeetingDates<D extends OneDay | SeveralDays>({
  dates,
  onChange,
  errors,
}: Props<D>) {
  const set = (key: string, value: string) => onChange({ ...dates, [key]: value });
  const held: OneDay | SeveralDays = dates;
  return (
    <>
      <DateField
        label="Planned for"
        value={dates.plannedOn}
        onChange={(v) => set('plannedOn', v)}
      />
      {'heldOn' in held ? (
        <DateField
          label="Held on"
          value={held.heldOn}
          onChange={(v) => set('heldOn', v)}
          error={fieldMessage(errors, 'heldOn', 'The day held')}
        />
      ) : (
        <>
          <DateField
            label="Held from"
            value={held.heldFrom}
            onChange={(v) => set('heldFrom', v)}
            error={fieldMessage(errors, 'heldFrom', 'The first day')}
          />
          <DateField
            label="Held to"
            value={held.heldTo}
            onChange={(v) => set('heldTo', v)}
            error={fieldMessage(errors, 'heldTo', 'The last day')}
          />
        </>
      )}
    </>
  );
}

/** The dates as the main side takes them: a day not set is null. */
export function datesToSave<D extends OneDay | SeveralDays>(
  dates: D,
): Record<keyof D, string | null> {
  return Object.fromEntries(Object.entries(dates).map(([k, v]) => [k, v || null])) as Record<
    keyof D,
    string | null
  >;
}
