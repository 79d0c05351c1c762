// A report on the shape of the source, for reviews and for the before/after of a restructuring: the largest
// files, the longest functions, how many exports each public entry has, and which folders import which, with
// every edge that points against the layering flagged. It is a report, not a check: it always exits 0, and the
// layering itself is enforced by the lint rules in biome.json.
//
//   node scripts/structure-report.mjs   (`pnpm structure`)
//
// "Source" means what ships: tests, stories, fixtures, test helpers and benches are left out.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageDirs = ['packages/core', 'packages/components'];
const TOP = 10;

/** Files under `src` that exist for tests, stories or benches rather than for users of the package. */
const NOT_SOURCE = [
  /\.test\.tsx?$/,
  /\.stories\.tsx?$/,
  /-fixtures\.ts$/,
  /-story-data\.ts$/,
  /-test-helpers\.ts$/,
  /-test-kit\.ts$/,
  /-fuzz-helpers\.ts$/,
  /\.d\.ts$/,
  /(^|\/)tencent-fixtures\//,
];

/** Whether a path (relative to the repository, `/`-separated) is shipped source. */
export function isSourceFile(relativePath) {
  return /\/src\/.*\.tsx?$/.test(relativePath) && !NOT_SOURCE.some((pattern) => pattern.test(relativePath));
}

/**
 * The folder a source file belongs to, as `<package>/<path under src>`: `core/engine/local`, `components/menu`;
 * files directly in `src` belong to `<package>` itself.
 */
export function folderOf(relativePath) {
  const match = /^packages\/([^/]+)\/src\/(.*)$/.exec(relativePath);
  if (!match) return null;
  const dir = path.posix.dirname(match[2]);
  return dir === '.' ? match[1] : `${match[1]}/${dir}`;
}

/** A function-like node's name as a reader would look for it: its own, or the binding it is assigned to. */
function nameOf(node, sourceFile) {
  if (node.name && !ts.isComputedPropertyName(node.name)) return node.name.getText(sourceFile);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent)
  ) {
    return parent.name.getText(sourceFile);
  }
  if (ts.isCallExpression(parent)) {
    // `useCallback(() => …)`, `set((state) => …)`: name it after the call so it can be found.
    const callee = parent.expression.getText(sourceFile).split('\n')[0];
    const binding = ts.isVariableDeclaration(parent.parent)
      ? `${parent.parent.name.getText(sourceFile)} = `
      : '';
    return `${binding}${callee}(…)`;
  }
  return '(anonymous)';
}

/** `outer › inner`: the enclosing named functions, so a callback inside a hook reads as part of the hook. */
function qualifiedName(node, sourceFile) {
  const names = [nameOf(node, sourceFile)];
  for (let up = node.parent; up; up = up.parent) {
    if (ts.isFunctionLike(up) && 'body' in up && up.body) names.unshift(nameOf(up, sourceFile));
  }
  return names.join(' › ');
}

/** Lines of `text` that are neither blank nor only comment, counted the way `max-lines-per-function` does. */
function codeLines(text) {
  let count = 0;
  let inBlock = false;
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (inBlock) {
      const end = line.indexOf('*/');
      if (end === -1) continue;
      inBlock = false;
      line = line.slice(end + 2).trim();
    }
    if (line.startsWith('/*')) {
      const end = line.indexOf('*/');
      if (end === -1) {
        inBlock = true;
        continue;
      }
      line = line.slice(end + 2).trim();
    }
    if (line === '' || line.startsWith('//')) continue;
    count += 1;
  }
  return count;
}

/**
 * What one source file holds: its line count, its function-like nodes with their line spans, and the module
 * specifiers it imports or re-exports (including `import('…')` types).
 */
export function analyzeSource(fileName, text) {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const functions = [];
  const imports = [];
  const lineOf = (position) => sourceFile.getLineAndCharacterOfPosition(position).line + 1;
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = node.getStart(sourceFile);
      const firstLine = lineOf(start);
      const lastLine = lineOf(node.getEnd());
      functions.push({
        name: qualifiedName(node, sourceFile),
        line: firstLine,
        lines: lastLine - firstLine + 1,
        codeLines: codeLines(text.slice(start, node.getEnd())),
      });
    }
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      imports.push(node.moduleSpecifier.text);
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      imports.push(node.argument.literal.text);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) imports.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  return { lines, functions, imports };
}

/**
 * The public entries of the workspace packages, from their `exports` (in the workspace they point at
 * `src`): `@tidings/core/locales/en` → `packages/core/src/format/format-strings-en.ts`.
 */
const PUBLIC_ENTRIES = new Map(
  ['core', 'components'].flatMap((name) => {
    const json = JSON.parse(readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8'));
    return Object.entries(json.exports ?? {})
      .filter(([, target]) => typeof target === 'string' && target.startsWith('./src/'))
      .map(([subpath, target]) => [
        `@tidings/${name}${subpath === '.' ? '' : subpath.slice(1)}`,
        `packages/${name}/${target.slice(2)}`,
      ]);
  }),
);

/**
 * The folder an import points at, or null for a third-party module. `@tidings/…` public entries map to the
 * folder of the file their `exports` name; a deep path into another package is kept as `core/<path>` and
 * flagged as a deep import by {@link layeringProblem}.
 */
export function targetOf(fromRelativePath, specifier) {
  if (specifier.startsWith('.')) {
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(fromRelativePath), specifier));
    // `../chat-provider/index` and `../chat-provider` both point into the folder; `./x` into the same one.
    const asFolder = /^packages\/[^/]+\/src(\/.*)?$/.test(resolved) && isDirectory(resolved);
    const file = asFolder ? `${resolved}/index.ts` : `${resolved}.ts`;
    return { folder: folderOf(file), file, deep: false };
  }
  const entryFile = PUBLIC_ENTRIES.get(specifier);
  if (entryFile) {
    const top = /^packages\/(core|components)\/src\/index\.tsx?$/.exec(entryFile);
    return { folder: top ? top[1] : folderOf(entryFile), file: null, deep: false, entry: true };
  }
  const deep = /^@tidings\/(core|components)\/(?:src\/)?(.+)$/.exec(specifier);
  if (deep) {
    const file = `packages/${deep[1]}/src/${deep[2]}.ts`;
    return { folder: folderOf(file), file, deep: true };
  }
  return null;
}

function isDirectory(relativePath) {
  try {
    return readdirSync(path.join(root, relativePath)) !== null;
  } catch {
    return false;
  }
}

/** The layer of a core folder: its first segment under `src` (`core/engine/local` → `engine`). */
const coreLayer = (folder) => folder.split('/')[1] ?? '';

/**
 * What each core layer must not import. The layers are model ← engine ← store ← components; selectors and
 * format read the model and sit beside the store, never under it; `testing` is fixtures and no source uses it.
 */
export const CORE_FORBIDDEN = {
  model: ['engine', 'store', 'selectors', 'format', 'testing'],
  engine: ['store', 'selectors', 'testing'],
  selectors: ['store', 'testing'],
  format: ['store', 'selectors', 'testing'],
  store: ['testing'],
};

/**
 * Why an edge goes against the layering, or null when it does not. `edge` is
 * `{ from, to, target }` with folders as {@link folderOf} names them.
 */
export function layeringProblem(from, target) {
  const to = target.folder;
  if (target.deep) return 'deep import past the public entry';
  if (from === to) return null;
  const [fromPackage] = from.split('/');
  const [toPackage] = to.split('/');
  if (fromPackage === 'core' && toPackage === 'components') return 'core imports components';
  if (fromPackage === 'core' && toPackage === 'core') {
    const forbidden = CORE_FORBIDDEN[coreLayer(from)] ?? [];
    if (forbidden.includes(coreLayer(to))) return `${coreLayer(from)} imports ${coreLayer(to)}`;
    return null;
  }
  if (fromPackage === 'components' && toPackage === 'components' && !target.entry) {
    // Another component folder is reached through its index, never through one of its files.
    const fromTop = from.split('/')[1];
    const toTop = to.split('/')[1];
    if (fromTop && toTop && fromTop !== toTop && !target.file?.endsWith('/index.ts')) {
      return 'reaches into another folder past its index';
    }
  }
  return null;
}

/**
 * Deep imports biome.jsonc allows on purpose (internals shared by siblings without being public, and
 * `ChatError` until it moves to model/). The report still lists them, marked as allowed.
 */
export const ALLOWED_EXCEPTIONS = new Set([
  '../engine/chat-error',
  '../chat-provider/chat-provider-context',
  '../message-content/message-content-media',
]);

function* walk(dir) {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* walk(relative);
    else yield relative;
  }
}

/** `## @tidings/core/testing (12)` headings of the checked-in API reports. */
export function exportCounts(reportText) {
  return [...reportText.matchAll(/^## (\S+) \((\d+)\)$/gm)].map((match) => ({
    entry: match[1],
    count: Number(match[2]),
  }));
}

/** The whole report as text. */
export function buildReport() {
  const files = packageDirs.flatMap((dir) => [...walk(`${dir}/src`)].filter(isSourceFile)).sort();
  const analyses = files.map((file) => ({
    file,
    ...analyzeSource(file, readFileSync(path.join(root, file), 'utf8')),
  }));
  const out = [];
  const totalLines = analyses.reduce((sum, analysis) => sum + analysis.lines, 0);
  out.push(
    `Source files: ${analyses.length}, ${totalLines} lines (tests, stories, fixtures and benches left out)`,
  );

  out.push('', `## ${TOP} largest source files (lines)`);
  for (const { file, lines } of [...analyses].sort((a, b) => b.lines - a.lines).slice(0, TOP)) {
    out.push(`${String(lines).padStart(6)}  ${file}`);
  }

  const functions = analyses.flatMap(({ file, functions: list }) => list.map((fn) => ({ file, ...fn })));
  out.push('', `## ${TOP} longest functions (lines from first to last; code = not blank, not only comment)`);
  for (const fn of [...functions].sort((a, b) => b.lines - a.lines).slice(0, TOP)) {
    out.push(
      `${String(fn.lines).padStart(6)}  (code ${String(fn.codeLines).padStart(3)})  ${fn.name}  ${fn.file}:${fn.line}`,
    );
  }
  // ESLint's max-lines-per-function with skipBlankLines and skipComments counts these code lines.
  const over = functions.filter((fn) => fn.codeLines > 150).sort((a, b) => b.codeLines - a.codeLines);
  out.push(`Functions over 150 code lines: ${over.length}`);
  for (const fn of over) out.push(`        ${fn.codeLines}  ${fn.name}  ${fn.file}:${fn.line}`);

  out.push('', '## Exports per public entry (from packages/*/api-report.md)');
  for (const dir of packageDirs) {
    const report = path.join(root, dir, 'api-report.md');
    if (!existsSync(report)) continue;
    for (const { entry, count } of exportCounts(readFileSync(report, 'utf8'))) {
      out.push(`${String(count).padStart(6)}  ${entry}`);
    }
  }

  const edges = new Map();
  for (const { file, imports } of analyses) {
    const from = folderOf(file);
    for (const specifier of imports) {
      const target = targetOf(file, specifier);
      if (!target?.folder || target.folder === from) continue;
      const problem = layeringProblem(from, target);
      const key = `${from} → ${target.folder}`;
      const edge = edges.get(key) ?? { count: 0, problems: new Map() };
      edge.count += 1;
      if (problem) {
        const allowed = ALLOWED_EXCEPTIONS.has(specifier);
        const where = `${problem}: ${file} imports '${specifier}'${allowed ? ' (allowed in biome.jsonc)' : ''}`;
        edge.problems.set(where, allowed);
      }
      edges.set(key, edge);
    }
  }
  out.push(
    '',
    '## Imports between folders (import statements per edge; ✗ = against the layering, ~ = only allowed exceptions)',
  );
  let flagged = 0;
  let allowedCount = 0;
  for (const [key, edge] of [...edges].sort(([a], [b]) => a.localeCompare(b))) {
    const kinds = [...edge.problems.values()];
    const mark = kinds.includes(false) ? '✗' : kinds.length > 0 ? '~' : ' ';
    out.push(`${mark} ${key} (${edge.count})`);
    for (const [where, allowed] of edge.problems) {
      if (allowed) allowedCount += 1;
      else flagged += 1;
      out.push(`      ${where}`);
    }
  }
  out.push(
    `Edges: ${edges.size}; imports against the layering: ${flagged} (plus ${allowedCount} allowed exceptions)`,
  );
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(buildReport());
}
