// The renderer's first screen in one script instead of forty (docs/performance.md, 2026-12-04
// evening). Left to itself the bundler splits the modules the entry needs by which lazy pages also
// use them: with twenty lazy pages that made ~40 small chunks, which the browser fetches six at a
// time over HTTP/1.1 before anything runs (a waterfall of ~0.4 s on a loaded 2-core PC). A first
// pass (not written) finds every module in the chunks the entry loads at once; the real build puts
// exactly those in one `first-screen` chunk. Nothing more loads at start than before, and modules
// only lazy pages use stay in their pages' chunks.
import { build as viteBuild } from 'vite';

/** The modules of the chunks a build's entry imports statically (its first screen), minus the entry's own. */
export function firstScreenModules(outputs) {
  const chunks = new Map(outputs.filter((output) => output.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('the renderer build has no entry chunk');
  const loaded = new Set();
  const pending = [...entry.imports];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (loaded.has(next)) continue;
    loaded.add(next);
    pending.push(...(chunks.get(next)?.imports ?? []));
  }
  return new Set([...loaded].flatMap((fileName) => chunks.get(fileName)?.moduleIds ?? []));
}

/** Builds the renderer into `outDir` in two passes (the first one in memory); returns every module the first screen loads (the entry's own and those of its first-screen chunk). */
export async function buildRenderer(outDir) {
  const first = await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn', build: { write: false } });
  const outputs = (Array.isArray(first) ? first : [first]).flatMap((result) => result.output);
  const modules = firstScreenModules(outputs);
  const group = { name: 'first-screen', debugName: 'first-screen', test: (id) => modules.has(id) };
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir, rolldownOptions: { output: { codeSplitting: { groups: [group] } } } } });
  const entry = outputs.find((output) => output.type === 'chunk' && output.isEntry);
  return new Set([...modules, ...(entry?.moduleIds ?? [])]);
}
