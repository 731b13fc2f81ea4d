// Bundles the page scripts and the stylesheet into the jar's static/assets (served at /assets/).
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const watch = process.argv.includes('--watch');

const options = {
  entryPoints: ['app.js', 'app.css', 'watch.js', 'upload.js', 'my-videos.js', 'live.js', 'go-live.js', 'social.js'].map((f) => here(`./src/${f}`)),
  outbase: here('./src'),
  outdir: here('../../../target/classes/static/assets'),
  bundle: true,
  format: 'esm',
  // Shared modules go into content-hashed chunks, so entry names stay stable for templates.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'browser',
  target: ['es2020', 'chrome90', 'firefox90', 'safari14'],
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: process.env.FRONTEND_LOG ?? 'warning',
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
