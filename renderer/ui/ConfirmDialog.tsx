import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useReturnFocus } from './use-return-focus.js';

/**
 * The one way the app asks "are you sure?" (End, Leave, Delete, Archive, Rename, Reset, Remove).
 * The rule every question follows:
 * - Keep on the left, the confirm on the right; the confirm is red (`danger`) when it loses
 *   something for good, blue (`primary`) otherwise. Keep is never styled as the choice.
 * - A danger question opens with the focus on Keep, so Enter (or a held key, or a second click)
 *   keeps. A primary one opens on its first field, or on the confirm.
 * - Escape keeps. A click outside does nothing: the question needs an answer (the second click
 *   of a double click on the opener landed on the overlay and closed it unseen).
 * - While the confirm's command is in flight both buttons wait (no second send, no Keep that
 *   could not undo it); the dialog closes when it settles, the focus back on what opened it.
 * - A danger question is an `alertdialog` (WAI-ARIA APG), so a screen reader announces it as a
 *   warning that needs an answer; a primary one a `dialog`. Radix names either by its title
 *   (aria-labelledby) and describes it by its words (aria-describedby).
 */
export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** What the confirm does, said in full: the dialog's accessible description. */
  description: ReactNode;
  /** More to show or fill in below the words (a field). */
  children?: ReactNode;
  keepLabel: string;
  confirmLabel: string;
  /** The confirm's words while its command is in flight ("Deleting…"). */
  busyLabel?: string;
  tone: 'danger' | 'primary';
  confirmDisabled?: boolean;
  /** A promise keeps the dialog open and busy until it settles. */
  onConfirm: () => void | Promise<unknown>;
  /** Where the focus goes on close when what opened the dialog is gone (its row was removed). */
  returnFocusFallback?: () => HTMLElement | null | undefined;
  className?: string;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, onOpenChange, tone, onConfirm } = props;
  const returnFocus = useReturnFocus(props.returnFocusFallback);
  const keepButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  // Set in the click itself: a second click in the same frame finds it before React re-renders.
  const sent = useRef(false);
  useEffect(() => {
    if (open) sent.current = false;
  }, [open]);

  const confirm = async () => {
    if (sent.current || props.confirmDisabled) return;
    sent.current = true;
    const result = onConfirm();
    if (result) {
      setBusy(true);
      try {
        await result;
      } finally {
        setBusy(false);
        onOpenChange(false);
      }
    } else {
      onOpenChange(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Enter in a field confirms only what loses nothing.
    if (tone === 'primary') void confirm();
  };

  return (
    <Dialog.Root open={open} onOpenChange={(next) => (busy ? undefined : onOpenChange(next))}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content
          className={`dialog confirm-dialog${props.className ? ` ${props.className}` : ''}`}
          role={tone === 'danger' ? 'alertdialog' : 'dialog'}
          aria-busy={busy || undefined}
          onOpenAutoFocus={(event) => {
            returnFocus.onOpenAutoFocus();
            const content = event.currentTarget as HTMLElement | null;
            if (tone === 'primary' && content?.querySelector('input, select, textarea')) return; // Radix focuses the first field.
            event.preventDefault();
            (tone === 'danger' ? keepButton : confirmButton).current?.focus();
          }}
          onCloseAutoFocus={returnFocus.onCloseAutoFocus}
          onInteractOutside={(event) => event.preventDefault()}
          onEscapeKeyDown={(event) => busy && event.preventDefault()}
        >
          <Dialog.Title>{props.title}</Dialog.Title>
          <Dialog.Description asChild><div className="dialog-words">{props.description}</div></Dialog.Description>
          <form onSubmit={submit}>
            {props.children}
            <div className="buttons dialog-buttons">
              <Dialog.Close asChild><button type="button" ref={keepButton} disabled={busy}>{props.keepLabel}</button></Dialog.Close>
              <button
                type={tone === 'primary' ? 'submit' : 'button'}
                ref={confirmButton}
                className={tone}
                disabled={busy || props.confirmDisabled}
                onClick={tone === 'primary' ? undefined : () => void confirm()}
              >
                {busy && props.busyLabel ? props.busyLabel : props.confirmLabel}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
