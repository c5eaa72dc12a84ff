// @vitest-environment jsdom
import './setup.js';
import { cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/app/App.js';
import { renderWithApp } from './render-app.js';

// The app's screen follows the address: also a link followed while the app was starting, after
// its first render and before it listened for the address to change (a quick first click).

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the route', () => {
  it('follows an address changed between the first render and the route listener', async () => {
    history.replaceState(null, '', '#/library');
    const listen = window.addEventListener.bind(window);
    vi.spyOn(window, 'addEventListener').mockImplementation((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
      // The address changes and its hashchange has gone by, unheard.
      if (type === 'hashchange') history.replaceState(null, '', '#/history');
      listen(type, listener, options);
    });
    const { container } = renderWithApp(<App />);
    await waitFor(() => expect(container.querySelector('[data-route]')?.getAttribute('data-route')).toBe('#/history'));
  });
});
