import { useState, type ReactNode } from 'react';
import { Dialog } from '../../../ui/dialog.tsx';

/**
 * One action of a device's page: a button that opens its form in a dialog. The form gets `done`
 * to close the dialog once the server has answered.
 */
export function ActionDialog({
  label,
  title,
  primary = false,
  small = false,
  name,
  children,
}: {
  label: string;
  title?: string;
  primary?: boolean;
  /** The smaller button, inside a table's row. */
  small?: boolean;
  /** The button's accessible name when the visible label alone is not enough (it contains the label). */
  name?: string;
  children: (done: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-label={name}
        // Long labels wrap rather than push the page wider than a phone.
        className={`${primary ? 'btn-primary' : 'btn-secondary'} whitespace-normal ${small ? 'btn-sm' : ''}`}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      <Dialog open={open} title={title ?? label} onClose={() => setOpen(false)}>
        {children(() => setOpen(false))}
      </Dialog>
    </>
  );
}
