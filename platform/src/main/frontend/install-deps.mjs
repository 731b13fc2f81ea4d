// Runs `npm ci` only when package-lock.json changed since the last install, so Maven builds stay fast.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const stamp = `${dir}node_modules/.marquee-lock.sha256`;
const lockHash = createHash('sha256').update(readFileSync(`${dir}package-lock.json`)).digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) {
  process.exit(0);
}
// On Windows npm is a .cmd shim that needs a shell.
const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
  cwd: dir, stdio: 'inherit', shell: process.platform === 'win32',
});
if (npm.status !== 0) process.exit(npm.status ?? 1);
writeFileSync(stamp, lockHash);
