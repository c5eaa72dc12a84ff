import { useEffect } from 'react';
import type { LibraryListing } from '../../engine/protocol/index.js';
import { useAppState, useAppStore, useClient } from './app-context.js';

/** The library listing, fetched once for every screen that needs it (a reload may land on any of them) and kept in the store. */
export function useLibraryListing(): LibraryListing | null {
  const client = useClient();
  const store = useAppStore();
  const listing = useAppState((state) => state.listing);
  useEffect(() => {
    if (!listing) void client.send('library.list', {}).then((result) => store.getState().setListing(result), (error: Error) => store.getState().setProblem(`The library could not be listed: ${error.message}`));
  }, [client, store, listing]);
  return listing;
}
