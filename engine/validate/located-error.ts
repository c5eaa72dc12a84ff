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

/**
 * Text from the file quoted for a message: escaped (a key may hold a line break or a quote) and
 * shortened, so the message stays one readable line.
 */
export function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}...` : text);
}

/** A message kept on one line, whatever text went into it. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

/** One line a person can act on: file:line:column path: message */
export function formatLocatedError(error: LocatedError): string {
  return `${error.file}:${error.line}:${error.column} ${error.path ? `${error.path}: ` : ''}${error.message}`;
}

/** Orders errors by file, then position, so reports read top to bottom. */
export function compareLocatedErrors(a: LocatedError, b: LocatedError): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.path.localeCompare(b.path);
}
