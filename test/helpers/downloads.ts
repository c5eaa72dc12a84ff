import { vi } from 'vitest';

// jsdom has no object URLs and does not download: these record what a page's download link
// (renderer/client/save-export.ts) would have saved, for the views' save tests.

export interface Download {
  fileName: string;
  blob: Blob;
}

/** Starts recording the page's downloads; `restore` puts jsdom back (call it after the test). */
export function recordDownloads(): { downloads: Download[]; restore: () => void } {
  const { createObjectURL, revokeObjectURL } = URL;
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:fake/${blobs.size + 1}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => {};
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ fileName: this.download, blob: blobs.get(this.href)! });
  });
  return {
    downloads,
    restore: () => {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      click.mockRestore();
    },
  };
}
