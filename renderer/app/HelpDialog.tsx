import * as Dialog from '@radix-ui/react-dialog';

const GUIDE: [string, string][] = [
  ['Run a drill', 'Pick a scenario in the library, set up the roles and start the session. The console shows the clock, the injects as they fire, the decisions and the plan actions.'],
  ['Drive the clock', 'Space pauses or resumes, N jumps to the next event (an inject, a decision, a deadline), ? lists the shortcuts.'],
  ['Show the room', 'View › Projector Mode opens the session read-only in its own window, for a second display: no facilitator notes, nothing of what is coming.'],
  ['Debrief', 'End the session for its scorecard; File › Export Scorecard or Export After-Action Report goes to its exports.'],
  ['Import', 'Drop a scenario or plan (.yaml) or a drill journal (.jsonl) onto the window, or use File › Import.'],
];

export function HelpDialog({ topic, platform, onClose }: { topic: 'about' | 'guide' | null; platform: string; onClose: () => void }) {
  return (
    <Dialog.Root open={topic !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog">
          {topic === 'guide' ? (
            <>
              <Dialog.Title>Firedrill guide</Dialog.Title>
              <Dialog.Description>Tabletop drills of cloud incident response, offline.</Dialog.Description>
              <dl className="guide">
                {GUIDE.map(([title, text]) => <div key={title}><dt>{title}</dt><dd>{text}</dd></div>)}
              </dl>
            </>
          ) : (
            <>
              <Dialog.Title>About Firedrill</Dialog.Title>
              <Dialog.Description>Tabletop drills of cloud incident response, run offline: scenarios, a facilitator console, scorecards and after-action reports.</Dialog.Description>
              <p className="hint">Desktop app on {platform}. Your sessions and library stay in your data folder.</p>
            </>
          )}
          <Dialog.Close asChild><button type="button">Close</button></Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

