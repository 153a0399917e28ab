import { Document, isScalar, visit } from 'yaml';

/**
 * `value` as a YAML document, as every writer of idea files makes it, with two mistakes of the `yaml` package's
 * writer kept out of the files (each read back otherwise, or not at all):
 * - A text of only spaces, tabs and line breaks is written in double quotes: the package would write it as a block
 *   scalar (`|+`) of lines that hold only spaces, which YAML reads back without them (`"  \n"` as `"\n"`).
 * - `inlineLists`: a list of plain values is written inline (`tags: [a, b]`), unless a value holds a line break: the
 *   package writes such a value inside `[ ]` over several lines, unquoted, and a line of it that starts with `- `
 *   is a list where none may be.
 */
export function yamlDocumentOf(value: unknown, opts: { inlineLists?: boolean } = {}): Document {
  const doc = new Document(value);
  const multiline = (v: unknown) => typeof v === 'string' && v.includes('\n');
  visit(doc, {
    Scalar(_, node) {
      if (multiline(node.value) && (node.value as string).trim() === '') node.type = 'QUOTE_DOUBLE';
    },
    Seq(_, node) {
      if (opts.inlineLists && node.items.every((i) => isScalar(i) && !multiline(i.value))) node.flow = true;
    },
  });
  return doc;
}

/**
 * The text of a new idea file: front matter in the order given, short lists of plain values inline
 * (`tags: [a, b]`), everything else in block style, and the Markdown text after a blank line.
 */
export function renderIdeaFile(data: Record<string, unknown>, body: string): string {
  const doc = yamlDocumentOf(data, { inlineLists: true });
  const matter = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  // Without blank lines around it, but with its first line's indentation (an indented code block is Markdown).
  const text = body
    .replace(/\r\n/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
  return `---\n${matter}---\n${text ? `\n${text}\n` : ''}`;
}
