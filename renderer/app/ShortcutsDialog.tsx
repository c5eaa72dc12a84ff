import * as Dialog from '@radix-ui/react-dialog';
import { useAppState } from './app-context.js';

export const SHORTCUTS: [string, string][] = [
  ['Space', 'Pause or resume the clock'],
  ['N', 'Jump to the next inject'],
  ['?', 'Show this list'],
];

export function ShortcutsDialog() {
  const open = useAppState((state) => state.shortcutsOpen);
  const setOpen = useAppState((state) => state.setShortcutsOpen);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog">
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
