import { ConfirmDialog } from '../ui/ConfirmDialog.js';

/**
 * Asks before a session is ended: the clock stops for good and the journal takes nothing more.
 * Escape or "Keep playing" closes it, the focus back on the End button that opened it.
 */
export function EndSessionDialog({ open, onOpenChange, onEnd }: { open: boolean; onOpenChange: (open: boolean) => void; onEnd: () => Promise<unknown> }) {
  return (
    <ConfirmDialog
      open={open} onOpenChange={onOpenChange}
      title="End the session?"
      description="The clock stops for good and the debrief opens. Nothing more can be recorded in this session once it has ended."
      keepLabel="Keep playing" confirmLabel="End the session" busyLabel="Ending the session…" tone="danger"
      onConfirm={onEnd}
    />
  );
}
