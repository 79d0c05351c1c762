import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dirname = path.dirname(fileURLToPath(import.meta.url));
const src = path.resolve(dirname, '..');
const tokensCss = readFileSync(path.join(dirname, 'tokens.css'), 'utf8');

/** The declarations of the first rule whose selector is `selector`, as a map. */
function declarationsOf(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start === -1) throw new Error(`No rule for ${selector}`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('\n  }', start));
  const map = new Map<string, string>();
  for (const match of body
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .matchAll(/(--[\w-]+|color-scheme)\s*:\s*([^;]+);/g)) {
    map.set(match[1] as string, (match[2] as string).replace(/\s+/g, ' ').trim());
  }
  return map;
}

const light = declarationsOf(tokensCss, ':where(:root, [data-tidings-theme])');
const dark = declarationsOf(tokensCss, ':where([data-tidings-theme="dark"])');
const system = declarationsOf(tokensCss, ':where([data-tidings-theme="system"])');

/** A theme's value of a token, following var() references as the browser would on a themed element. */
function resolve(theme: Map<string, string>, token: string): string {
  const value = theme.get(token) ?? light.get(token);
  if (value === undefined) throw new Error(`${token} is not declared`);
  const reference = value.match(/^var\((--[\w-]+)\)$/);
  return reference ? resolve(theme, reference[1] as string) : value;
}

function luminance(hex: string): number {
  const match = hex.match(/^#([0-9a-f]{6})$/i);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt((match[1] as string).slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(theme: Map<string, string>, a: string, b: string): number {
  const [x, y] = [luminance(resolve(theme, a)), luminance(resolve(theme, b))].sort((p, q) => q - p) as [
    number,
    number,
  ];
  return (x + 0.05) / (y + 0.05);
}

const ROW_BACKGROUNDS = [
  '--tidings-color-bg',
  '--tidings-color-surface',
  '--tidings-color-row-hover',
  '--tidings-color-row-pinned',
  '--tidings-color-row-active',
];

/** Text and the backgrounds it is drawn on; each pair needs 4.5:1 (WCAG AA for normal text). */
const TEXT_PAIRS: [string, string[]][] = [
  [
    '--tidings-color-text',
    [
      ...ROW_BACKGROUNDS,
      '--tidings-color-surface-muted',
      '--tidings-color-surface-raised',
      '--tidings-color-bubble-other',
    ],
  ],
  [
    '--tidings-color-text-muted',
    [
      ...ROW_BACKGROUNDS,
      '--tidings-color-surface-muted',
      '--tidings-color-surface-raised',
      '--tidings-color-bubble-other',
    ],
  ],
  ['--tidings-color-accent-text', [...ROW_BACKGROUNDS, '--tidings-color-surface-raised']],
  ['--tidings-color-danger-text', [...ROW_BACKGROUNDS, '--tidings-color-surface-raised']],
  ['--tidings-color-success-text', ['--tidings-color-bg', '--tidings-color-surface']],
  ['--tidings-color-on-accent', ['--tidings-color-accent', '--tidings-color-accent-hover']],
  ['--tidings-color-on-danger', ['--tidings-color-danger']],
  ['--tidings-color-on-neutral-fill', ['--tidings-color-neutral-fill']],
  ['--tidings-color-bubble-own-text', ['--tidings-color-bubble-own']],
  ['--tidings-color-bubble-own-meta', ['--tidings-color-bubble-own']],
  ['--tidings-color-bubble-other-text', ['--tidings-color-bubble-other']],
  ['--tidings-color-bubble-other-meta', ['--tidings-color-bubble-other']],
  ['--tidings-color-pill-text', ['--tidings-color-pill']],
];

/** Shapes that carry meaning without text (badge dots, focus rings) need 3:1 (WCAG 1.4.11). */
const SHAPE_PAIRS: [string, string[]][] = [
  ['--tidings-color-danger', ROW_BACKGROUNDS],
  ['--tidings-color-neutral-fill', ROW_BACKGROUNDS],
  ['--tidings-color-focus-ring', ROW_BACKGROUNDS],
];

describe('design tokens', () => {
  it('declare the same dark set for `dark` and for `system` under a dark scheme', () => {
    expect(Object.fromEntries(system)).toEqual(Object.fromEntries(dark));
  });

  it('override only tokens the light set declares', () => {
    for (const token of dark.keys()) expect(light.has(token), token).toBe(true);
  });

  for (const [name, theme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`keep text readable in the ${name} theme (WCAG AA, 4.5:1)`, () => {
      for (const [text, backgrounds] of TEXT_PAIRS) {
        for (const background of backgrounds) {
          expect(contrast(theme, text, background), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    });

    it(`keep badges and focus rings visible in the ${name} theme (3:1)`, () => {
      for (const [shape, backgrounds] of SHAPE_PAIRS) {
        for (const background of backgrounds) {
          expect(contrast(theme, shape, background), `${shape} on ${background}`).toBeGreaterThanOrEqual(3);
        }
      }
    });
  }
});

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? cssFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.css')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

describe('stylesheets', () => {
  const files = cssFiles(src);

  it('are all imported by styles/index.css', () => {
    const index = readFileSync(path.join(dirname, 'index.css'), 'utf8');
    const imported = [...index.matchAll(/@import "([^"]+)"/g)].map((m) =>
      path.resolve(dirname, m[1] as string),
    );
    expect(imported.sort()).toEqual(files.filter((file) => !file.endsWith('index.css')).sort());
  });

  it('keep every rule inside @layer tidings', () => {
    for (const file of files.filter((f) => !f.endsWith('index.css'))) {
      const css = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .trim();
      expect(css.startsWith('@layer tidings {'), file).toBe(true);
      expect(css.endsWith('}'), file).toBe(true);
    }
  });

  it('use only tokens that exist', () => {
    for (const file of files) {
      const css = readFileSync(file, 'utf8');
      const ownTokens = new Set([...css.matchAll(/(--tidings-[\w-]+)\s*:/g)].map((m) => m[1]));
      for (const match of css.matchAll(/var\((--tidings-[\w-]+)(,)?/g)) {
        const token = match[1] as string;
        const hasFallback = match[2] === ',';
        expect(light.has(token) || ownTokens.has(token) || hasFallback, `${token} in ${file}`).toBe(true);
      }
    }
  });

  it('use logical properties, so right-to-left layouts work', () => {
    const physical =
      /(?:^|[\s;{])(?:margin|padding|border)-(?:left|right)\b|(?:^|[\s;{])(?:(?:min-|max-)?(?:width|height)|left|right|top|bottom)\s*:|text-align:\s*(?:left|right)/;
    for (const file of files) {
      const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(css.match(physical)?.[0], file).toBeUndefined();
    }
  });
});
