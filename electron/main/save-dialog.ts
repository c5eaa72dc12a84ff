import { basename, join } from 'node:path';

/**
 * The native Save dialog's options for a file the page hands over: in the documents folder, under
 * the name suggested (its folder parts dropped). A name already there is replaced only once the
 * person says so: Windows and macOS ask by themselves, Linux (GTK) only with this property.
 */
export function saveDialogOptions(documents: string, suggestedName: string, filters?: Electron.FileFilter[]): Electron.SaveDialogOptions {
  return {
    defaultPath: join(documents, basename(suggestedName)),
    properties: ['showOverwriteConfirmation', 'createDirectory'],
    ...(filters ? { filters } : {}),
  };
}
