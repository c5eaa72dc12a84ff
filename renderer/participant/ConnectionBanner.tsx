/**
 * The connection to the facilitator's Firedrill is down: trying again after a short drop, or
 * not answering for a while (the host stopped, LAN mode turned off, this device off the room's
 * network), which is said plainly, with a way to try at once. What is on the screen stays.
 */
export function ConnectionBanner({ gone, onRetry }: { gone: boolean; onRetry: () => void }) {
  if (!gone) return <p className="paused-banner" role="status">Reconnecting to the facilitator's Firedrill… Nothing is lost: what you see comes back up to date.</p>;
  return (
    <div className="paused-banner connection-gone" role="alert">
      <p>The facilitator's Firedrill has not answered for a while. Check that this device is still on the room's network, and ask the facilitator whether the session is still open to the room. This page keeps trying; what you were writing stays here.</p>
      <button type="button" onClick={onRetry}>Try again now</button>
    </div>
  );
}
