// @vitest-environment jsdom
import './setup.js';
import { render, screen, within } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScrollParent, VirtualList } from '../../renderer/ui/VirtualList.js';

// jsdom lays nothing out: give the scrolling boxes a height, as a browser would, so that the
// virtualizer has rows in view to draw.
const BOX_HEIGHT = 340;
let restore: () => void;
beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) { return this.dataset.box === 'scroll' || this.classList.contains('virtual-box') ? BOX_HEIGHT : 0; },
  });
  restore = () => { delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight; };
});
afterEach(() => restore());

const entries = Array.from({ length: 120 }, (_, n) => `entry ${n + 1}`);

/** A list that scrolls in a box its parent draws (the debrief's tables): rendered once, never again. */
function InParentBox() {
  const box = useRef<HTMLDivElement>(null);
  return (
    <div ref={box} data-box="scroll">
      <ScrollParent.Provider value={box}>
        <VirtualList items={entries} itemKey={(entry) => entry} estimate={34} label="Timeline" renderItem={(entry) => <span>{entry}</span>} />
      </ScrollParent.Provider>
    </div>
  );
}

describe('a long virtualized list', () => {
  it('draws the rows in view when it scrolls in a parent\'s box, though nothing renders it a second time', () => {
    render(<InParentBox />);
    const rows = within(screen.getByRole('list', { name: 'Timeline' })).getAllByRole('listitem');
    // The rows in view and a few more, not all 120 (nor none, as the debrief's timeline once had).
    expect(rows.length).toBeGreaterThan(BOX_HEIGHT / 34);
    expect(rows.length).toBeLessThan(entries.length);
  });

  it('draws the rows in view in a box of its own', () => {
    render(<VirtualList items={entries} itemKey={(entry) => entry} estimate={34} label="Timeline" renderItem={(entry) => <span>{entry}</span>} />);
    const rows = within(screen.getByRole('list', { name: 'Timeline' })).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(BOX_HEIGHT / 34);
    expect(rows.length).toBeLessThan(entries.length);
  });
});
