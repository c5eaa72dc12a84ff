import { useEffect, useRef } from 'react';
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Annotation, EditorState } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { cursorContext, describeField, fieldAt, idKindAt, keySuggestions, valueSuggestions, type JsonSchema } from '../../engine/studio/schema-assist.js';
import type { LocatedError } from '../../engine/validate/located-error.js';
import type { Choice } from './fields.js';

// The draft's YAML beside the form (CodeMirror 6): the YAML language, completion of field names
// and allowed values from the JSON Schema (and of ids from the plan), the schema's description
// on hover, and the live located errors as lint marks. The form and this pane edit one text.

const fromOutside = Annotation.define<boolean>();

/** Line and column (1-based) as an offset of the document, inside it. */
function offsetOf(state: EditorState, line: number, column: number): number {
  const at = state.doc.line(Math.min(Math.max(1, line), state.doc.lines));
  return Math.min(at.from + Math.max(0, column - 1), at.to);
}

export function diagnosticsOf(state: EditorState, errors: readonly LocatedError[]): Diagnostic[] {
  return errors.map((error) => {
    const from = offsetOf(state, error.line, error.column);
    const lineEnd = state.doc.lineAt(from).to;
    return { from, to: Math.max(from, lineEnd), severity: 'error', message: `${error.path ? `${error.path}: ` : ''}${error.message}` };
  });
}

export interface YamlPaneProps {
  text: string;
  onChange: (text: string) => void;
  errors: readonly LocatedError[];
  schema: JsonSchema;
  /** Ids the plan and the draft offer, by kind (role, action...), for completion. */
  ids: Partial<Record<string, Choice[]>>;
  /** A line to show (an error clicked in the list). */
  reveal?: { line: number; column: number; nonce: number } | undefined;
  label: string;
}

export function YamlPane({ text, onChange, errors, schema, ids, reveal, label }: YamlPaneProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, schema, ids });
  latest.current = { onChange, schema, ids };

  useEffect(() => {
    const complete = (context: CompletionContext): CompletionResult | null => {
      const { schema: root, ids: known } = latest.current;
      const where = cursorContext(context.state.doc.toString(), context.pos);
      if (!where) return null;
      if (where.prefix === '' && !context.explicit) return null;
      const options = where.mode === 'key'
        ? keySuggestions(root, where.path, where.present).map((s) => ({ label: s.label, type: 'property', ...(s.detail ? { detail: s.detail } : {}), ...(s.info ? { info: s.info } : {}), apply: `${s.label}: ` }))
        : [
            ...valueSuggestions(root, where.path).map((s) => ({ label: s.label, type: 'enum', ...(s.info ? { info: s.info } : {}) })),
            ...(known[idKindAt(where.path) ?? ''] ?? []).map((choice) => ({ label: choice.value, detail: choice.label, type: 'variable' })),
          ];
      return options.length > 0 ? { from: where.from, options, validFor: /^[\w.-]*$/ } : null;
    };
    const hover = hoverTooltip((hovered, pos) => {
      const path = fieldAt(hovered.state.doc.toString(), pos);
      const description = path ? describeField(latest.current.schema, path) : undefined;
      if (!description) return null;
      return { pos, above: true, create: () => {
        const dom = document.createElement('div');
        dom.className = 'yaml-hover';
        dom.textContent = description;
        return { dom };
      } };
    });
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          history(),
          indentOnInput(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          yaml(),
          syntaxHighlighting(classHighlighter),
          autocompletion({ override: [complete] }),
          lintGutter(),
          hover,
          // tabindex: axe counts a contenteditable as focusable only with it (the scroller holds it).
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((transaction) => transaction.annotation(fromOutside))) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once; the text follows below.
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current === text) return;
    // Only the changed middle is replaced: the cursor and the scroll stay where they were.
    let start = 0;
    while (start < current.length && start < text.length && current[start] === text[start]) start++;
    let end = 0;
    while (end < current.length - start && end < text.length - start && current[current.length - 1 - end] === text[text.length - 1 - end]) end++;
    editor.dispatch({ changes: { from: start, to: current.length - end, insert: text.slice(start, text.length - end) }, annotations: fromOutside.of(true) });
  }, [text]);

  useEffect(() => {
    const editor = view.current;
    if (editor) editor.dispatch(setDiagnostics(editor.state, diagnosticsOf(editor.state, errors)));
  }, [errors, text]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || !reveal) return;
    const at = offsetOf(editor.state, reveal.line, reveal.column);
    editor.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
    editor.focus();
  }, [reveal]);

  return <div className="yaml-pane" ref={host} />;
}
