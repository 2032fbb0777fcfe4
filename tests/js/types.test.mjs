// web/eventlab.d.ts types the whole API: tests/js/types-usage.ts, which uses every declaration,
// compiles with `tsc --noEmit --strict` (typescript from the repo's node_modules).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = `${root}node_modules/.bin/tsc`;

test('eventlab.d.ts checks against a usage file with tsc --strict', () => {
  assert.ok(existsSync(tsc), `${tsc} missing: run npm install (scripts/install-deps.sh browser)`);
  const r = spawnSync(tsc, [
    '--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler',
    '--lib', 'es2022,dom', 'tests/js/types-usage.ts',
  ], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
});
