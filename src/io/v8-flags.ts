/**
 * The V8 settings the program runs with, set before the command line loads: imported first by src/launch.ts (and so
 * before the bundle is compiled, whose code cache must be made and used under the same flags) and by src/main.ts.
 *
 * The young generation keeps its first size (but for work such as withGrowingYoungGeneration's below). A command
 * that reads the registry keeps most of what it reads until it ends (every idea, or its cache entry), so nearly
 * everything survives its first collection. V8 takes a high survival rate as a sign that the young generation is
 * too small and doubles it, up to 16 MB a half: 25 to 30 MB more peak memory at 10,000 ideas, for objects that are
 * copied once more and then moved to the old generation all the same. Without the growth (a growth factor of 1; the
 * only one of these settings V8 reads after it has started), a first run of `ideas validate` or `ideas list` on
 * 10,000 ideas took 11 to 17% less CPU time and 30 MB less memory.
 *
 * The optimizing compiler does not inline. A command is short and spends its time reading files, parsing and
 * collecting garbage; inlining saved it nothing measurable, while the compiler's work on its thread cost 4 to 7 MB
 * of peak memory at 10,000 ideas (`export` 117-120 MB against 112-113, `list` 91-93 against 87-88, alternated runs).
 * Both in docs/performance.md.
 *
 * Nothing is pretenured: V8 allocates every object in the young generation, never straight into the old one. When
 * most objects of one place in the code survive a scavenge, V8 decides that place makes long-lived objects and from
 * then on allocates them in the old generation, where they stay until the next full collection, and so does all
 * they point to: a scavenge takes every pointer from the old generation as alive, whether its object is or not.
 * `ideas site` came to that decision in about one run in four, for some of the code that makes its pages, whose
 * objects die once a page is written: from then on each scavenge found ~3 MB alive and promoted it, where it had
 * found ~50 kB, and the old generation grew by 40 to 70 MB until a full collection at the end. Its first runs into a
 * new folder at 10,000 ideas peaked at 256-260 MB in 4 runs of 12 (216-223 in the others), over the 250 asked;
 * without pretenuring at 216-226 MB in all 12, and no slower. The other commands measured the same either way
 * (docs/performance.md).
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--no-turbo-inlining');
setFlagsFromString('--no-allocation-site-pretenuring');

/**
 * Runs `work` with the young generation free to grow (up to V8's 16 MB a half); the factor is set back after, and
 * the young generation keeps the size it has then. Around three kinds of work (docs/performance.md):
 * - Work that makes a great deal of garbage that dies young and keeps little, where each scavenge of a 1 MB young
 *   generation finds almost nothing alive and costs its fixed ~0.4 ms all the same: `ideas site` rendering and
 *   writing 10,000 pages made ~650 scavenges, ~250 ms.
 * - Listing the files, for `ideas list` and `ideas validate`, which keep a small part of each file they read (a
 *   summary; the findings) and let go of the rest. Every entry of the listing is kept, so the young
 *   generation grows while it is made (to 4 MB at 10,000 files), and it has that size while the files are read:
 *   validate's first run made 37 scavenges instead of 126 and took 3 to 4% less time, list's first run 3% and its
 *   second 2 to 6%, for 2 to 9 MB more memory. Around the listing of the commands that keep whole ideas (export,
 *   review) the peak rose by 7 MB, over the target.
 * - `ideas site` reading its ideas when most of them are parsed anew (src/io/read-ideas.ts, `keepsAll`): what is
 *   read is kept, but a larger young generation makes ten scavenges instead of ~110, and the batch's buffers and
 *   texts die in it instead of reaching the old generation.
 * Only around such work: lifted for every reading of whole ideas, second runs included (they deserialise the
 * cache), the peak memory moved from run to run, up to 266 MB. The factor is set back when the work is done, so the
 * code cache the build makes after its warm-up runs (src/tools/bundle.ts) is made under the flags every run starts
 * with.
 */
export function withGrowingYoungGeneration<T>(work: () => T): T {
  return withFlag('--semi-space-growth-factor=4', '--semi-space-growth-factor=1', work);
}

/**
 * Runs `work` with the old generation let grow by half its live size between full collections (V8's
 * `--heap-growing-percent`), rather than by the factor V8 works out after each one, between 1.1 and 4, from how fast
 * the program allocated against how fast it collected. `ideas site` keeps every idea while its pages are written on
 * a second thread; when the disk is slow that thread takes the second core from V8's concurrent marking, V8 measures
 * its collection as slow, chooses a large factor, and the heap grows to the end. Over an earlier site on this VM's
 * disk, at 10,000 ideas: 190-207 MB in 25 runs of 30 and 228-266 MB in five, over the 250 asked; with half the live
 * size, 193-200 MB in all 30, in the same time there and 2 to 3% more into tmpfs. A fixed factor of 2 peaked at
 * 282-285 MB, and one of 1.25 or 1.35 no lower than 1.5 (docs/performance.md). Set back to V8's own when done.
 */
export function withSteadyHeapGrowth<T>(work: () => T): T {
  return withFlag('--heap-growing-percent=50', '--heap-growing-percent=0', work);
}

/** Runs `work` with V8's flag set as `during` says, and as `after` says once it is done, however it ends. */
function withFlag<T>(during: string, after: string, work: () => T): T {
  setFlagsFromString(during);
  try {
    return work();
  } finally {
    setFlagsFromString(after);
  }
}
