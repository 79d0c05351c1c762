// Docs that run: every ```ts and ```tsx block of README.md and packages/*/README.md is written to a file
// inside a package (ts blocks in packages/core, where @tidings/core and the Tencent SDK resolve; tsx blocks
// in packages/components, where React and both packages do), typechecked
// with the workspace's strict options (the consumer apps check the shipped .d.ts under stricter ones), and every ```ts block is then run in Node with tsx.
// A block that throws, hangs (30 s) or does not compile fails the script. A block right after a
// `<!-- docs-test: typecheck-only -->` line (it needs a real server or credentials) is only typechecked.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hosts = { ts: path.join(root, 'packages/core'), tsx: path.join(root, 'packages/components') };
const outs = Object.values(hosts).map((host) => path.join(host, '.docs'));

const readmes = [
  'README.md',
  ...readdirSync(path.join(root, 'packages')).map((dir) => path.join('packages', dir, 'README.md')),
].filter((file) => {
  try {
    readFileSync(path.join(root, file));
    return true;
  } catch {
    return false;
  }
});

const blocks = [];
for (const readme of readmes) {
  const text = readFileSync(path.join(root, readme), 'utf8');
  for (const match of text.matchAll(
    /^(<!-- docs-test: typecheck-only -->\n)?```(ts|tsx)\n([\s\S]*?)^```$/gm,
  )) {
    const [, typecheckOnly, lang, code] = match;
    const line = text.slice(0, match.index).split('\n').length + (typecheckOnly ? 1 : 0);
    const name = `${readme.replace(/[/.]/g, '-')}-${line}`;
    const host = hosts[lang];
    blocks.push({
      readme,
      line,
      lang,
      code,
      run: lang === 'ts' && !typecheckOnly,
      host,
      file: path.join(host, '.docs', `${name}.${lang === 'ts' ? 'mts' : 'tsx'}`),
    });
  }
}
if (blocks.length === 0) throw new Error('no code blocks found: the extraction is broken');

for (const out of outs) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
}
const styles = path.join(hosts.tsx, '.docs', 'styles.d.ts');
// What a bundler's client types (vite/client, next-env.d.ts) give an app: stylesheets as side-effect imports.
writeFileSync(styles, "declare module '*.css';\n");
for (const block of blocks) writeFileSync(block.file, block.code);

const base = ts.readConfigFile(path.join(root, 'tsconfig.base.json'), ts.sys.readFile).config;
const { options } = ts.convertCompilerOptionsFromJson(
  { ...base.compilerOptions, types: ['node'], noUnusedLocals: false },
  root,
);
const program = ts.createProgram([...blocks.map((block) => block.file), styles], options);
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) {
  console.error(
    ts.formatDiagnosticsWithColorAndContext(diagnostics, {
      getCanonicalFileName: (file) => file,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    }),
  );
  throw new Error(`${diagnostics.length} type errors in README code blocks`);
}
console.log(`typechecked ${blocks.length} README code blocks`);

for (const block of blocks.filter((candidate) => candidate.run)) {
  console.log(`running ${block.readme}:${block.line}`);
  execFileSync(path.join(block.host, 'node_modules/.bin/tsx'), [block.file], {
    cwd: block.host,
    stdio: 'inherit',
    timeout: 30_000,
  });
}
for (const out of outs) rmSync(out, { recursive: true, force: true });
console.log('every README code block compiles, and every ts block not marked typecheck-only runs');
