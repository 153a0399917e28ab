// @ts-check
/**
 * Where /usr/bin/time is missing: preloaded with `node --import ./bench/max-rss.js bin/ideas.js ...`, it writes the
 * process's peak resident set size in kilobytes to the file named by BENCH_MAX_RSS_FILE when the process ends.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
