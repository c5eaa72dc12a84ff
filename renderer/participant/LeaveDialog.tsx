import * as Dialog from '@radix-ui/react-dialog';
import { useReturnFocus } from '../ui/use-return-focus.js';

/**
 * Asks before a participant leaves: this device then forgets their place, and their role stays
 * theirs in the session (the facilitator's lobby shows them away), so joining again needs the
 * facilitator to give it back.
 */
export function LeaveDialog({ open, onOpenChange, onLeave, role }: { open: boolean; onOpenChange: (open: boolean) => void; onLeave: () => void; role: string | null }) {
  // Opened without a Radix trigger: the focus goes back by hand to what opened it (the Leave button).
  const returnFocus = useReturnFocus();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog leave-dialog" {...returnFocus}>
          <Dialog.Title>Leave the exercise?</Dialog.Title>
          <Dialog.Description>
            This device forgets your place in the session.{role ? ` ${role} stays in your name: to play it again, join with the code and ask the facilitator to give it back to you.` : ' To come back, join again with the code.'}
          </Dialog.Description>
          <div className="buttons dialog-buttons">
            <Dialog.Close asChild><button type="button" className="primary">Stay</button></Dialog.Close>
            <button type="button" className="danger" onClick={onLeave}>Leave</button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
