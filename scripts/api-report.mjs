// The public API of each published package, recorded in packages/<pkg>/api-report.md so that growing it is a
// reviewed decision rather than a side effect of `export *`. For every public entry (each subpath of the
// package's `exports` that is a TypeScript file), the TypeScript compiler lists what the entry exports, with
// its kind and a one-line signature, sorted by name.
//
//   node scripts/api-report.mjs          rewrite the reports (`pnpm api:update`)
//   node scripts/api-report.mjs --check  fail, with a diff, when a report differs from the code (`pnpm test:api`)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packages = ['packages/core', 'packages/components'];
const check = process.argv.includes('--check');

/** The public entries of a package: `exports` subpaths that point at TypeScript sources. */
function entriesOf(dir) {
  const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
  return Object.entries(manifest.exports)
    .filter(([, target]) => typeof target === 'string' && /\.tsx?$/.test(target))
    .map(([subpath, target]) => ({
      specifier: subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`,
      file: path.join(root, dir, target),
    }));
}

function kindOf(symbol) {
  const f = ts.SymbolFlags;
  const flags = symbol.flags;
  if (flags & f.Class) return 'class';
  if (flags & f.Function) return 'function';
  if (flags & f.Enum) return 'enum';
  if (flags & f.Interface) return 'interface';
  if (flags & f.TypeAlias) return 'type';
  if (flags & f.Variable) return 'const';
  if (flags & f.Namespace || flags & f.ValueModule) return 'namespace';
  return 'other';
}

const oneLine = (text) => text.replace(/\s+/g, ' ').trim();

const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.WriteArrowStyleSignature;

/** `private` members are not API; ES `#private` ones are filtered by name. */
const isPrivate = (property) =>
  (property.declarations ?? []).some(
    (declaration) => ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Private,
  );

/** `[Symbol.iterator]` rather than the compiler's `__@iterator@281`, whose number changes with the program. */
const memberName = (property) => {
  const match = /^__@(\w+)@\d+$/.exec(property.name);
  return match ? `[Symbol.${match[1]}]` : property.name;
};

/** `{ a; b?; c() }`: the member names of an interface or class, so adding one shows in the report. */
function membersOf(checker, type) {
  const members = checker
    .getPropertiesOfType(type)
    .filter((property) => !property.name.startsWith('#') && !isPrivate(property))
    .map((property) => {
      const optional = property.flags & ts.SymbolFlags.Optional ? '?' : '';
      const method = property.flags & ts.SymbolFlags.Method ? '()' : '';
      return `${memberName(property)}${optional}${method}`;
    });
  return `{ ${members.join('; ')} }`;
}

/** One line that changes when the export's public shape does. */
function signatureOf(checker, symbol, kind, entry) {
  const declaration = symbol.declarations?.[0];
  if (kind === 'type' && declaration && ts.isTypeAliasDeclaration(declaration)) {
    const parameters = declaration.typeParameters
      ? `<${declaration.typeParameters.map((p) => p.getText()).join(', ')}>`
      : '';
    return oneLine(`${parameters}${declaration.type.getText()}`);
  }
  if (kind === 'enum') return oneLine([...(symbol.exports?.keys() ?? [])].map(String).join(' | '));
  if (kind === 'interface') return membersOf(checker, checker.getDeclaredTypeOfSymbol(symbol));
  if (kind === 'class') {
    const statics = checker
      .getPropertiesOfType(checker.getTypeOfSymbolAtLocation(symbol, declaration ?? entry))
      .filter((property) => property.name !== 'prototype')
      .map((property) => `static ${property.name}`);
    const constructors = checker
      .getTypeOfSymbolAtLocation(symbol, declaration ?? entry)
      .getConstructSignatures()
      .map((signature) => `new(${signature.parameters.map((p) => p.name).join(', ')})`);
    const instance = membersOf(checker, checker.getDeclaredTypeOfSymbol(symbol)).slice(2, -2);
    return `{ ${[...constructors, ...statics, instance].filter(Boolean).join('; ')} }`;
  }
  const type = checker.getTypeOfSymbolAtLocation(symbol, declaration ?? entry);
  return oneLine(checker.typeToString(type, undefined, FORMAT));
}

function reportFor(dir) {
  const entries = entriesOf(dir);
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, dir, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  const program = ts.createProgram({
    rootNames: entries.map((entry) => entry.file),
    options: { ...config.options, noEmit: true },
  });
  const checker = program.getTypeChecker();
  const name = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')).name;
  const lines = [
    `# API report: ${name}`,
    '',
    '<!-- Generated by `pnpm api:update` (scripts/api-report.mjs); `pnpm test:api` fails when it differs. -->',
    '<!-- A change here is a change to the public API: review it as one. -->',
    '',
  ];
  const counts = [];
  for (const entry of entries) {
    const source = program.getSourceFile(entry.file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${entry.file} is not a module`);
    const rows = checker
      .getExportsOfModule(moduleSymbol)
      .map((exported) => {
        const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        const kind = kindOf(symbol);
        return { name: exported.name, kind, signature: signatureOf(checker, symbol, kind, source) };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    counts.push({ specifier: entry.specifier, count: rows.length });
    lines.push(`## ${entry.specifier} (${rows.length})`, '');
    for (const row of rows)
      lines.push(`- ${row.kind} \`${row.name}\`: \`${row.signature.replaceAll('`', "'")}\``);
    lines.push('');
  }
  return { file: path.join(root, dir, 'api-report.md'), text: lines.join('\n'), counts };
}

/** The lines only in one text or the other, in order: enough to see what was added or removed. */
function diff(before, after) {
  const old = new Set(before.split('\n'));
  const now = new Set(after.split('\n'));
  return [
    ...before
      .split('\n')
      .filter((line) => !now.has(line))
      .map((line) => `- ${line}`),
    ...after
      .split('\n')
      .filter((line) => !old.has(line))
      .map((line) => `+ ${line}`),
  ].join('\n');
}

let failed = false;
for (const dir of packages) {
  const { file, text, counts } = reportFor(dir);
  const relative = path.relative(root, file);
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (!check) {
    writeFileSync(file, text);
    console.log(`${relative}: ${counts.map(({ specifier, count }) => `${specifier} ${count}`).join(', ')}`);
  } else if (current !== text) {
    failed = true;
    console.error(`${relative} differs from the public API in the code:\n${diff(current, text)}\n`);
  }
}
if (failed) {
  console.error(
    'The public API changed. If that is intended, run `npx -y pnpm@10.34.9 api:update` and commit the reports.',
  );
  process.exit(1);
}
