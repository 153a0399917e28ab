/**
 * The prompts of @inquirer/prompts this program asks with, by name: a bundler then leaves out the others (the
 * package has no side effects), among them the editor prompt, whose character-set detection and encodings are most
 * of the package's size (src/tools/bundle.ts). Loaded when the first prompt is made, not at start.
 */
export { checkbox, confirm, input, select } from '@inquirer/prompts';
