/** Where a problem is: the file, the 1-based line and column, and the path of the field. */
export interface LocatedError {
  file: string;
  line: number;
  column: number;
  /** The field path, like injects[3].when.action; empty for the whole document. */
  path: string;
  message: string;
}

export type FieldPath = readonly (string | number)[];

/** Formats a field path as people write it: injects[3].when.action */
export function formatPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** One line a person can act on: file:line:column path: message */
export function formatLocatedError(error: LocatedError): string {
  return `${error.file}:${error.line}:${error.column} ${error.path ? `${error.path}: ` : ''}${error.message}`;
}

/** Orders errors by file, then position, so reports read top to bottom. */
export function compareLocatedErrors(a: LocatedError, b: LocatedError): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.path.localeCompare(b.path);
}
