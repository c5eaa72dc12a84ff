import * as Tooltip from '@radix-ui/react-tooltip';

/**
 * How a figure is defined, one focus or hover away: a small button beside the figure whose
 * tooltip (Radix) holds the definition, so a dense panel keeps every figure's meaning at hand.
 */
export function DefinitionTip({ term, definition }: { term: string; definition: string }) {
  // A provider of its own: the tooltip code loads with the screens that use it, not with the library.
  return (
    <Tooltip.Provider delayDuration={300}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          <button type="button" className="definition-tip" aria-label={`How ${term.toLowerCase()} is measured`}>i</button>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content className="tooltip" side="bottom" sideOffset={4} collisionPadding={8}>
            {definition}
            <Tooltip.Arrow className="tooltip-arrow" />
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
