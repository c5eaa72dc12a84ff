import { ConfirmDialog } from '../ui/ConfirmDialog.js';

/**
 * Asks before a participant leaves: this device then forgets their place, and their role stays
 * theirs in the session (the facilitator's lobby shows them away), so joining again needs the
 * facilitator to give it back.
 */
export function LeaveDialog({ open, onOpenChange, onLeave, role }: { open: boolean; onOpenChange: (open: boolean) => void; onLeave: () => void; role: string | null }) {
  return (
    <ConfirmDialog
      open={open} onOpenChange={onOpenChange}
      title="Leave the exercise?"
      description={`This device forgets your place in the session.${role ? ` ${role} stays in your name: to play it again, join with the code and ask the facilitator to give it back to you.` : ' To come back, join again with the code.'}`}
      keepLabel="Stay" confirmLabel="Leave" tone="danger"
      onConfirm={onLeave}
    />
  );
}
