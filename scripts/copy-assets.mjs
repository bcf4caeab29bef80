// Copies non-TypeScript runtime assets (catalog queries in .sql files) from src/ to dist/, and makes
// the binary executable: tsc writes it 0644, and `npx parity` in the repository (the README's first
// command) runs the package's own bin directly, which npm does not link or chmod for the root package.
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
function copy(dir) {
  for (const entry of fs.readdirSync(path.join(root, 'src', dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) copy(rel);
    else if (entry.name.endsWith('.sql')) {
      fs.mkdirSync(path.join(root, 'dist', dir), { recursive: true });
      fs.copyFileSync(path.join(root, 'src', rel), path.join(root, 'dist', rel));
    }
  }
}
copy('');
fs.chmodSync(path.join(root, 'dist', 'cli', 'bin.js'), 0o755);
