import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The views are loaded lazily, each with its own stylesheet: a class the stress test uses but
// another view's stylesheet defines is unstyled until that view has been opened (the warning box of
// a run that could not go was plain text). Every class of the stress test that is styled at all is
// styled by the app's own sheet or the stress test's.

const views = join(process.cwd(), 'renderer/views');
const sheets = [join(process.cwd(), 'renderer/styles.css'), ...readdirSync(views).filter((f) => f.endsWith('.css')).map((f) => join(views, f))];
const defines = (file: string, name: string) => new RegExp(`\\.${name}(?![\\w-])`).test(readFileSync(file, 'utf8'));
const stressClasses = () => {
  const source = readdirSync(views).filter((f) => /^Stress.*\.tsx$/.test(f)).map((f) => readFileSync(join(views, f), 'utf8')).join('\n');
  return [...new Set([...source.matchAll(/className="([^"]+)"/g)].flatMap((m) => m[1]!.split(/\s+/)))];
};

describe("the stress test's styles", () => {
  it('come with the app or the stress test, never only with another lazily loaded view', () => {
    const own = [join(process.cwd(), 'renderer/styles.css'), join(views, 'stress-test.css')];
    const classes = stressClasses();
    expect(classes).toContain('warning-box');
    const elsewhere = classes.filter((name) => sheets.some((sheet) => defines(sheet, name)) && !own.some((sheet) => defines(sheet, name)));
    expect(elsewhere).toEqual([]);
  });
});
