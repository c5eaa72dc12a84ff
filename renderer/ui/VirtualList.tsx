import { useVirtualizer } from '@tanstack/react-virtual';
import { createContext, useContext, useEffect, useLayoutEffect, useReducer, useRef, useState, type ReactNode, type RefObject } from 'react';

/** The element a panel scrolls in: a long list inside it is virtualized against it. */
export const ScrollParent = createContext<RefObject<HTMLElement | null> | null>(null);

/** Lists up to this long are drawn whole: virtualizing them would cost more than it saves. */
export const VIRTUALIZE_FROM = 40;

interface VirtualListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string | number;
  renderItem: (item: T) => ReactNode;
  /** A row's height before it is measured, in px. */
  estimate: number;
  className?: string;
  /** The list's accessible name. */
  label?: string;
  /** "presentation" when the rows carry their own roles (a table's rows): no list semantics then. */
  role?: 'presentation';
}

/**
 * An ordered list that draws only the rows in view once it is long (@tanstack/react-virtual),
 * measuring each row as drawn. It scrolls with the panel it is in (ScrollParent), or in a box
 * of its own (the .virtual-box class gives it a height) when it is in none.
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, itemKey, renderItem, className, label, role } = props;
  if (items.length < VIRTUALIZE_FROM) {
    return <ol className={className} aria-label={label} role={role}>{items.map((item) => <li key={itemKey(item)} role={role}>{renderItem(item)}</li>)}</ol>;
  }
  return <LongList {...props} />;
}

function LongList<T>({ items, itemKey, renderItem, estimate, className, label, role }: VirtualListProps<T>) {
  const parent = useContext(ScrollParent);
  const ownBox = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const scroller = () => (parent ? parent.current : ownBox.current);
  // Where the list starts inside its scrolling element (a panel has a heading above it).
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const element = scroller();
    if (!element || !list.current) return;
    setMargin(list.current.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop);
  });
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: scroller,
    estimateSize: () => estimate,
    overscan: 6,
    scrollMargin: margin,
    getItemKey: (index) => itemKey(items[index]!),
  });
  // A scrolling parent's ref is set only after this list's layout effects have run (React sets
  // a parent's ref after its children's), so the first render finds no element to scroll in
  // and draws no row. Once everything is mounted, render again to find it: a view that nothing
  // else re-renders (the debrief's timeline) would otherwise stay empty.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (virtualizer.scrollElement === null && scroller() !== null) rerender();
  });
  const rows = (
    <ol ref={list} className={`${className ?? ''} virtual`} aria-label={label} role={role} style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((row) => (
        // aria-setsize/posinset: a screen reader still hears "3 of 120" though most rows are not drawn.
        <li key={row.key} data-index={row.index} ref={virtualizer.measureElement} role={role}
          aria-setsize={role ? undefined : items.length} aria-posinset={role ? undefined : row.index + 1}
          style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}>
          {renderItem(items[row.index]!)}
        </li>
      ))}
    </ol>
  );
  return parent ? rows : <div ref={ownBox} className="virtual-box" tabIndex={0} aria-label={label ? `${label} (scrolls)` : undefined} role="region">{rows}</div>;
}
