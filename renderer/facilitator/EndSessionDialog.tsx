import * as Dialog from '@radix-ui/react-dialog';
import { useReturnFocus } from '../ui/use-return-focus.js';

/**
 * Asks before a session is ended: the clock stops for good and the journal takes nothing more.
 * Escape or "Keep playing" closes it, the focus back on the End button that opened it.
 */
export function EndSessionDialog({ open, onOpenChange, onEnd }: { open: boolean; onOpenChange: (open: boolean) => void; onEnd: () => void }) {
  const returnFocus = useReturnFocus();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" {...returnFocus}>
          <Dialog.Title>End the session?</Dialog.Title>
          <Dialog.Description>
            The clock stops for good and the debrief opens. Nothing more can be recorded in this session once it has ended.
          </Dialog.Description>
          <div className="buttons dialog-buttons">
            <Dialog.Close asChild><button type="button">Keep playing</button></Dialog.Close>
            <button type="button" className="danger" onClick={onEnd}>End the session</button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
