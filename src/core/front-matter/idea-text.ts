import { Document, isScalar, isSeq, visit } from 'yaml';

/**
 * `value` as a YAML document, as every writer of idea files makes it. A text of only spaces, tabs and line breaks is
 * written in double quotes: the `yaml` package would write it as a block scalar (`|+`) of lines that hold only spaces,
 * which YAML reads back without them (`"  \n"` as `"\n"`).
 */
export function yamlDocumentOf(value: unknown): Document {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && node.value.includes('\n') && node.value.trim() === '')
        node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc;
}

/**
 * The text of a new idea file: front matter in the order given, short lists of plain values inline
 * (`tags: [a, b]`), everything else in block style, and the Markdown text after a blank line.
 */
export function renderIdeaFile(data: Record<string, unknown>, body: string): string {
  const doc = yamlDocumentOf(data);
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node) && node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  const matter = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const text = body.replace(/\r\n/g, '\n').trim();
  return `---\n${matter}---\n${text ? `\n${text}\n` : ''}`;
}
