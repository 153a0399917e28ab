/**
 * A new registry's config in the registry's language: its comments, and its stage folders. The templates are the
 * Swedish example registries in examples/; a registry made in English gets English comments, and none left over in
 * Swedish, and English folder names.
 */
import { isMap, isScalar, isSeq, visit, type Document } from 'yaml';
import { t, type Lang } from '../i18n/i18n.js';
import { slugify } from '../sluice/slug.js';

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

/** The longest folder name the config's schema allows (schemas/config.schema.json, a stage's `folder`). */
const FOLDER_MAX = 64;

/**
 * The stage folders of a new registry's config in its language: the templates' folders are Swedish words (01-ide,
 * 02-foradling), and a registry made in English gets its stages' English labels as folder names (01-idea,
 * 02-refinement), their numbers kept. All are left as they are if any stage has no label to name it by, or if two
 * would be the same.
 */
export function localizeStageFolders(doc: Document, lang: Lang): void {
  if (lang === 'sv') return;
  const stages = doc.get('stages');
  if (!isSeq(stages)) return;
  const renamed = stages.items.map((stage) => {
    if (!isMap(stage)) return null;
    const folder = stage.get('folder');
    const label = stage.getIn(['label', lang]);
    if (typeof folder !== 'string' || typeof label !== 'string') return null;
    const number = /^\d+[-_]/.exec(folder)?.[0] ?? '';
    const slug = slugify(label, FOLDER_MAX - number.length);
    return slug === '' ? null : `${number}${slug}`;
  });
  if (renamed.some((f) => f === null) || new Set(renamed).size !== renamed.length) return;
  stages.items.forEach((stage, i) => {
    if (isMap(stage)) stage.set('folder', renamed[i]);
  });
}
