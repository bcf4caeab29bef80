// Copies non-TypeScript runtime assets (catalog queries in .sql files) from src/ to dist/.
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
