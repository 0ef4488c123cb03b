import { useEffect, useRef, useState, type FormEvent } from 'react';
import { TextInput } from '../shared/components/text-input.component';
import { normaliseLinkAddress } from './link-address';

interface LinkDialogProps {
  open: boolean;
  /** The address of the link at the cursor, when there is one. */
  currentHref: string | null;
  onSave: (href: string) => void;
  onRemove: () => void;
  onClose: () => void;
}

/** A modal dialog for adding, changing or removing a link; focus returns to the text on closing. */
export function LinkDialog({ open, currentHref, onSave, onRemove, onClose }: LinkDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [href, setHref] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setHref(currentHref ?? '');
      setError(undefined);
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open, currentHref]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = normaliseLinkAddress(href);
    if (!address) {
      setError(
        href.trim()
          ? 'Enter a web address like www.nhs.uk, or an email address like name@nhs.net'
          : 'Enter the address to link to',
      );
      return;
    }
    onSave(address);
  };

  return (
    <dialog
      ref={dialog}
      className="app-link-dialog"
      aria-labelledby="link-dialog-heading"
      onClose={onClose}
    >
      <form noValidate onSubmit={submit}>
        <h2 className="nhsuk-heading-s" id="link-dialog-heading">
          {currentHref ? 'Change the link' : 'Add a link'}
        </h2>
        <TextInput
          id="link-address"
          label="Link address"
          hint="A web address like https://www.nhs.uk, or an email address"
          value={href}
          onChange={setHref}
          error={error}
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
        />
        <div className="app-inline-actions">
          <button type="submit" className="nhsuk-button nhsuk-button--small">
            {currentHref ? 'Change link' : 'Add link'}
          </button>
          {currentHref ? (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              onClick={onRemove}
            >
              Remove link
            </button>
          ) : null}
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            onClick={onClose}
          >
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
