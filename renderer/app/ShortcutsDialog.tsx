import * as Dialog from '@radix-ui/react-dialog';
import { useReturnFocus } from '../ui/use-return-focus.js';
import { useAppState } from './app-context.js';

/** The console's single-key shortcuts, as the ? dialog lists them (the console binds the same keys). */
export const SHORTCUTS: [string, string][] = [
  ['Space', 'Pause or resume the clock'],
  ['N', 'Jump to the next event: an inject, a decision, a deadline'],
  ['D', 'Go to the pending decisions'],
  ['S', 'Go to the severity declaration'],
  ['A', 'Go to the plan actions'],
  ['U', 'Go to the communication duties'],
  ['F', 'Go to the inject feed'],
  ['M', 'Go to the MSEL (upcoming injects)'],
  ['O', 'Write an observation'],
  ['?', 'Show this list'],
];

export function ShortcutsDialog() {
  const open = useAppState((state) => state.shortcutsOpen);
  const setOpen = useAppState((state) => state.setShortcutsOpen);
  // Opened by the header's button or the ? key: the focus goes back to where it was.
  const returnFocus = useReturnFocus();
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" {...returnFocus}>
          <Dialog.Title>Keyboard shortcuts</Dialog.Title>
          <Dialog.Description>They work anywhere in the console except while typing in a field.</Dialog.Description>
          <dl className="shortcuts">
            {SHORTCUTS.map(([key, what]) => <div key={key}><dt><kbd>{key}</kbd></dt><dd>{what}</dd></div>)}
          </dl>
          <Dialog.Close asChild><button type="button">Close</button></Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
