/**
 * The comments of a new registry's config, in the registry's language. The templates are the Swedish example
 * registries in examples/; a registry made in English gets English comments, and none left over in Swedish.
 */
import { isMap, isScalar, visit, type Document } from 'yaml';
import { t, type Lang } from '../i18n/i18n.js';

/** Keys whose comment a config made in another language keeps, translated. */
const KEY_COMMENTS = { minGroupSize: 'init.comment.minGroupSize' } as const;

export function localizeConfigComments(doc: Document, lang: Lang, name: string): void {
  if (lang === 'sv') return;
  doc.commentBefore = t(lang, 'init.comment.config', { name });
  doc.comment = null;
  visit(doc, {
    Node(_key, node) {
      if ('commentBefore' in node) node.commentBefore = null;
      if ('comment' in node) node.comment = null;
    },
  });
  if (isMap(doc.contents)) doc.contents.commentBefore = null;
  visit(doc, {
    Pair(_key, pair) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      const message = Object.hasOwn(KEY_COMMENTS, key) ? KEY_COMMENTS[key as keyof typeof KEY_COMMENTS] : null;
      if (message !== null) pair.key.commentBefore = t(lang, message);
    },
  });
}
