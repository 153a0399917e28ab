import { Document, isScalar, isSeq, visit } from 'yaml';

/**
 * The text of a new idea file: front matter in the order given, short lists of plain values inline
 * (`tags: [a, b]`), everything else in block style, and the Markdown text after a blank line.
 */
export function renderIdeaFile(data: Record<string, unknown>, body: string): string {
  const doc = new Document(data);
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node) && node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  const matter = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const text = body.replace(/\r\n/g, '\n').trim();
  return `---\n${matter}---\n${text ? `\n${text}\n` : ''}`;
}
