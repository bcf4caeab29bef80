// Summarizes a V8 .cpuprofile (from `node --cpu-prof`): self time per function, and inclusive time
// per function of parity's own code (dist/), to show where a command spends its time.
import fs from 'node:fs';

function shortUrl(url) {
  if (!url) return '';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + '/node_modules/'.length);
  const dist = url.lastIndexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 1);
  return url.replace(/^file:\/\//, '');
}

function frameName(node) {
  const cf = node.callFrame;
  const where = shortUrl(cf.url);
  const fn = cf.functionName || '(anonymous)';
  return where ? `${fn} (${where}:${cf.lineNumber + 1})` : fn;
}

/** { totalMs, self: [{ name, ms, share }], inclusive: [{ name, ms, share }] } */
export function summarizeProfile(file, { top = 10 } = {}) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const leaf = frameName(byId.get(id));
    self.set(leaf, (self.get(leaf) ?? 0) + us);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (!/\/dist\//.test(node.callFrame.url) || node.callFrame.url.includes('/node_modules/')) continue;
      const name = frameName(node);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  });
  const list = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: total ? us / total : 0 }));
  return { totalMs: total / 1000, self: list(self), inclusive: list(inclusive) };
}
