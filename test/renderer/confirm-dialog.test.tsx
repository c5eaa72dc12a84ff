// @vitest-environment jsdom
import './setup.js';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog, type ConfirmDialogProps } from '../../renderer/ui/ConfirmDialog.js';

// The app's one "are you sure?": where the focus starts and goes back, what Escape, Enter and a
// double click do, and the wait while the confirm's command is in flight.

type Asked = Pick<ConfirmDialogProps, 'tone' | 'onConfirm'> & { field?: boolean };

function Page({ tone, onConfirm, field }: Asked) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>Delete the drill</button>
      <ConfirmDialog
        open={open} onOpenChange={setOpen}
        title="Delete this drill?" description="Its journal goes to the trash folder."
        keepLabel="Cancel" confirmLabel="Delete it" busyLabel="Deleting…" tone={tone} onConfirm={onConfirm}
      >
        {field && <label>Name <input type="text" defaultValue="Drill" /></label>}
      </ConfirmDialog>
    </>
  );
}

/** A question that loses something is announced as a warning (an alertdialog), one that loses nothing as a dialog. */
const roleOf = (tone: Asked['tone']) => (tone === 'danger' ? 'alertdialog' : 'dialog');

async function ask(props: Asked) {
  const user = userEvent.setup();
  render(<Page {...props} />);
  const opener = screen.getByRole('button', { name: 'Delete the drill' });
  act(() => opener.focus());
  await user.keyboard('{Enter}');
  const dialog = await screen.findByRole(roleOf(props.tone), { name: 'Delete this drill?' });
  return { user, opener, dialog };
}

describe('the confirm dialog', () => {
  it('is an alertdialog when it loses something, labelled by its title and described by its words (WAI-ARIA APG)', async () => {
    const { dialog } = await ask({ tone: 'danger', onConfirm: vi.fn() });
    expect(dialog).toHaveAttribute('role', 'alertdialog');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)).toHaveTextContent('Delete this drill?');
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)).toHaveTextContent('Its journal goes to the trash folder.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is a plain dialog when it loses nothing', async () => {
    const { dialog } = await ask({ tone: 'primary', onConfirm: vi.fn() });
    expect(dialog).toHaveAttribute('role', 'dialog');
    expect(dialog).toHaveAccessibleName('Delete this drill?');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('opens a destructive question on Keep, so Enter keeps; the words are its description', async () => {
    const onConfirm = vi.fn();
    const { user, opener, dialog } = await ask({ tone: 'danger', onConfirm });
    expect(dialog).toHaveAccessibleDescription('Its journal goes to the trash folder.');
    const keep = within(dialog).getByRole('button', { name: 'Cancel' });
    expect(keep).toHaveFocus();
    // Keep on the left, the red confirm on the right.
    expect(within(dialog).getAllByRole('button').map((button) => button.textContent)).toEqual(['Cancel', 'Delete it']);
    expect(within(dialog).getByRole('button', { name: 'Delete it' })).toHaveClass('danger');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(onConfirm).not.toHaveBeenCalled();
    expect(opener).toHaveFocus();
  });

  it('keeps on Escape, and a click outside does not answer it; the focus goes back to the opener', async () => {
    const onConfirm = vi.fn();
    const { user, opener } = await ask({ tone: 'danger', onConfirm });
    await user.click(document.querySelector('.overlay')!);
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(onConfirm).not.toHaveBeenCalled();
    expect(opener).toHaveFocus();
  });

  it('confirms once on a double click, waits busy while the command is in flight, then closes back on the opener', async () => {
    let answer!: () => void;
    const onConfirm = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)));
    const { user, opener, dialog } = await ask({ tone: 'danger', onConfirm });
    await user.dblClick(within(dialog).getByRole('button', { name: 'Delete it' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(dialog).toHaveAttribute('aria-busy', 'true');
    expect(within(dialog).getByRole('button', { name: 'Deleting…' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    // The command cannot be taken back: Escape waits with it.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    await act(async () => answer());
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(opener).toHaveFocus();
  });

  it('confirms once on a double click when the confirm returns at once', async () => {
    const onConfirm = vi.fn();
    const { user, dialog } = await ask({ tone: 'danger', onConfirm });
    await user.dblClick(within(dialog).getByRole('button', { name: 'Delete it' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it('opens a question that loses nothing on its confirm, or on its first field, where Enter confirms', async () => {
    const onConfirm = vi.fn();
    const { user, dialog } = await ask({ tone: 'primary', onConfirm });
    expect(within(dialog).getByRole('button', { name: 'Delete it' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('confirms from a field with Enter only what loses nothing', async () => {
    const onConfirm = vi.fn();
    const { user, dialog } = await ask({ tone: 'primary', onConfirm, field: true });
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
