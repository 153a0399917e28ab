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
 * Both in docs/development.md.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--no-turbo-inlining');

/**
 * Runs `work` with the young generation free to grow (up to V8's 16 MB a half), and keeps it to its size again
 * after. For work that makes a great deal of garbage that dies young and keeps little, where each scavenge of a 1 MB
 * young generation finds almost nothing alive and costs its fixed ~0.4 ms all the same: `ideas site` rendering and
 * writing 10,000 pages made ~650 scavenges, ~250 ms (docs/development.md). Only around such work: lifted while the
 * ideas were read (most of what is read is kept), the peak memory moved from run to run, up to 266 MB. The factor
 * is set back when the work is done, so the code cache the build makes after its warm-up runs (src/tools/bundle.ts)
 * is made under the flags every run starts with.
 */
export function withGrowingYoungGeneration<T>(work: () => T): T {
  setFlagsFromString('--semi-space-growth-factor=4');
  try {
    return work();
  } finally {
    setFlagsFromString('--semi-space-growth-factor=1');
  }
}

/**
 * Lets the young generation double in size, up to V8's 16 MB a half, while a run reads values that are a small part
 * of their files (src/io/read-ideas.ts: `ideas list`'s summaries) from the cache; until keepYoungGenerationSize, when
 * the run must read files after all.
 *
 * Such a run keeps what it reads from the cache and otherwise makes garbage that dies young: a Stats object for each
 * file it checks, the lines it prints. In a young generation of 1 MB, the 2.5 MB cache of a second `ideas list` at
 * 10,000 ideas was copied out in scavenges of 1 to 2 ms each, and what the table is made of was promoted before it
 * was let go: 59 scavenges, against 22 allowed to grow, and the run 6 to 12 ms faster. The caches of whole ideas or
 * their fields are larger than what a run makes besides: there it saved nothing and cost 20 to 30 MB more memory
 * (docs/development.md). A first run keeps every file it parses until it has its summary, and keeps the size.
 */
export function letYoungGenerationGrow(): void {
  setFlagsFromString('--semi-space-growth-factor=2');
}

/** The young generation keeps the size it has from now on (the factor every run starts with). */
export function keepYoungGenerationSize(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
