import { createRandom } from '@tidings/core/testing';

/**
 * Media for the seeded world, made in the browser so the demo downloads nothing: photos painted on a
 * canvas, a voice note synthesised as WAV, a small PDF and text files, and SVG avatars.
 */

/** The photos the seeded conversations share. */
export type SceneName = 'sunset' | 'sea' | 'city' | 'forest' | 'mockup' | 'latte';

/** A painted photo. */
export interface PaintedImage {
  data: ArrayBuffer;
  type: string;
  width: number;
  height: number;
}

const SCENE_SIZES: Record<SceneName, [number, number]> = {
  sunset: [960, 640],
  sea: [960, 720],
  city: [720, 960],
  forest: [960, 640],
  mockup: [960, 720],
  latte: [800, 800],
};

type Ctx = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** Paints a scene as a JPEG. */
export async function paintScene(scene: SceneName): Promise<PaintedImage> {
  const [width, height] = SCENE_SIZES[scene];
  const random = createRandom(scene.length * 7919 + width);
  let blob: Blob;
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    PAINTERS[scene](ctx, width, height, random);
    blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.86 });
  } else {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    PAINTERS[scene](canvas.getContext('2d') as CanvasRenderingContext2D, width, height, random);
    blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', 0.86),
    );
  }
  return { data: await blob.arrayBuffer(), type: 'image/jpeg', width, height };
}

function linear(ctx: Ctx, x0: number, y0: number, x1: number, y1: number, stops: [number, string][]) {
  const gradient = ctx.createLinearGradient(x0, y0, x1, y1);
  for (const [offset, color] of stops) gradient.addColorStop(offset, color);
  return gradient;
}

/** A ridge line across the canvas: a filled silhouette from `base` with random peaks. */
function ridge(
  ctx: Ctx,
  w: number,
  h: number,
  base: number,
  amp: number,
  color: string,
  random: () => number,
) {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(0, h);
  let y = base;
  for (let x = 0; x <= w; x += w / 24) {
    y = Math.max(base - amp, Math.min(base + amp * 0.4, y + (random() - 0.5) * amp * 0.9));
    ctx.lineTo(x, y);
  }
  ctx.lineTo(w, h);
  ctx.closePath();
  ctx.fill();
}

const PAINTERS: Record<SceneName, (ctx: Ctx, w: number, h: number, random: () => number) => void> = {
  sunset(ctx, w, h, random) {
    ctx.fillStyle = linear(ctx, 0, 0, 0, h * 0.7, [
      [0, '#3b2a6b'],
      [0.45, '#c2547a'],
      [0.8, '#ff9466'],
      [1, '#ffc98b'],
    ]);
    ctx.fillRect(0, 0, w, h);
    const sun = ctx.createRadialGradient(w * 0.62, h * 0.55, 0, w * 0.62, h * 0.55, h * 0.5);
    sun.addColorStop(0, 'rgba(255,240,200,1)');
    sun.addColorStop(0.12, 'rgba(255,214,150,0.95)');
    sun.addColorStop(0.4, 'rgba(255,160,110,0.25)');
    sun.addColorStop(1, 'rgba(255,140,100,0)');
    ctx.fillStyle = sun;
    ctx.fillRect(0, 0, w, h);
    ridge(ctx, w, h, h * 0.58, h * 0.16, '#7a3d6e', random);
    ridge(ctx, w, h, h * 0.68, h * 0.14, '#4f2a5a', random);
    ridge(ctx, w, h, h * 0.8, h * 0.1, '#2c1a3d', random);
  },
  sea(ctx, w, h, random) {
    ctx.fillStyle = linear(ctx, 0, 0, 0, h * 0.55, [
      [0, '#6fb7e9'],
      [1, '#d9f0fb'],
    ]);
    ctx.fillRect(0, 0, w, h * 0.55);
    ctx.fillStyle = linear(ctx, 0, h * 0.55, 0, h, [
      [0, '#1f6fa8'],
      [1, '#0b3a63'],
    ]);
    ctx.fillRect(0, h * 0.55, w, h * 0.45);
    ctx.strokeStyle = 'rgba(255,255,255,0.35)';
    ctx.lineWidth = 2;
    for (let i = 0; i < 40; i++) {
      const y = h * 0.58 + random() * h * 0.4;
      const x = random() * w;
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.quadraticCurveTo(x + 20, y - 4, x + 40 + random() * 40, y);
      ctx.stroke();
    }
    for (let i = 0; i < 5; i++) {
      ctx.fillStyle = 'rgba(255,255,255,0.9)';
      ctx.beginPath();
      const x = random() * w;
      const y = h * 0.08 + random() * h * 0.25;
      ctx.ellipse(x, y, 60 + random() * 60, 16 + random() * 10, 0, 0, Math.PI * 2);
      ctx.fill();
    }
    // A sailboat on the horizon.
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.moveTo(w * 0.3, h * 0.55);
    ctx.lineTo(w * 0.3, h * 0.4);
    ctx.lineTo(w * 0.36, h * 0.55);
    ctx.fill();
    ctx.fillStyle = '#21344a';
    ctx.fillRect(w * 0.27, h * 0.55, w * 0.1, h * 0.015);
  },
  city(ctx, w, h, random) {
    ctx.fillStyle = linear(ctx, 0, 0, 0, h, [
      [0, '#0b1026'],
      [0.6, '#1d2a5c'],
      [1, '#3c3f7a'],
    ]);
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = 'rgba(255,255,255,0.8)';
    for (let i = 0; i < 90; i++) ctx.fillRect(random() * w, random() * h * 0.45, 1.5, 1.5);
    ctx.fillStyle = '#f5f1d8';
    ctx.beginPath();
    ctx.arc(w * 0.78, h * 0.14, w * 0.06, 0, Math.PI * 2);
    ctx.fill();
    let x = -10;
    while (x < w) {
      const bw = 50 + random() * 90;
      const bh = h * (0.25 + random() * 0.45);
      ctx.fillStyle = random() < 0.5 ? '#141a33' : '#1a2142';
      ctx.fillRect(x, h - bh, bw, bh);
      for (let wy = h - bh + 12; wy < h - 10; wy += 18) {
        for (let wx = x + 8; wx < x + bw - 10; wx += 14) {
          if (random() < 0.38) {
            ctx.fillStyle = random() < 0.8 ? '#ffd47a' : '#9fd3ff';
            ctx.fillRect(wx, wy, 6, 9);
          }
        }
      }
      x += bw + 4;
    }
  },
  forest(ctx, w, h, random) {
    ctx.fillStyle = linear(ctx, 0, 0, 0, h, [
      [0, '#cfe8e0'],
      [0.5, '#a9d3c4'],
      [1, '#5d8f73'],
    ]);
    ctx.fillRect(0, 0, w, h);
    ridge(ctx, w, h, h * 0.45, h * 0.12, '#8fb9a5', random);
    const layers: [number, string, number][] = [
      [0.58, '#5f8f78', 26],
      [0.72, '#3f6e57', 20],
      [0.9, '#22483a', 14],
    ];
    for (const [base, color, count] of layers) {
      ctx.fillStyle = color;
      for (let i = 0; i < count; i++) {
        const tx = (i / count) * w + random() * 40;
        const th = h * (0.12 + random() * 0.14);
        const ty = h * base + random() * 20;
        ctx.beginPath();
        ctx.moveTo(tx, ty - th);
        ctx.lineTo(tx - th * 0.28, ty);
        ctx.lineTo(tx + th * 0.28, ty);
        ctx.fill();
      }
      ctx.fillRect(0, h * base + 10, w, h);
    }
  },
  mockup(ctx, w, h) {
    ctx.fillStyle = '#eef1f6';
    ctx.fillRect(0, 0, w, h);
    const card = (x: number, y: number, cw: number, ch: number, accent: string) => {
      ctx.fillStyle = 'rgba(16,24,40,0.08)';
      ctx.fillRect(x + 4, y + 8, cw, ch);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(x, y, cw, ch);
      ctx.fillStyle = accent;
      ctx.beginPath();
      ctx.arc(x + cw / 2, y + ch * 0.3, cw * 0.18, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#16181d';
      ctx.fillRect(x + cw * 0.2, y + ch * 0.55, cw * 0.6, 14);
      ctx.fillStyle = '#c5cad3';
      ctx.fillRect(x + cw * 0.15, y + ch * 0.63, cw * 0.7, 8);
      ctx.fillRect(x + cw * 0.22, y + ch * 0.68, cw * 0.56, 8);
      ctx.fillStyle = accent;
      ctx.fillRect(x + cw * 0.15, y + ch * 0.8, cw * 0.7, 34);
    };
    card(w * 0.06, h * 0.1, w * 0.26, h * 0.8, '#2762db');
    card(w * 0.37, h * 0.1, w * 0.26, h * 0.8, '#7c4ddb');
    card(w * 0.68, h * 0.1, w * 0.26, h * 0.8, '#159a74');
  },
  latte(ctx, w, h) {
    ctx.fillStyle = linear(ctx, 0, 0, w, h, [
      [0, '#b7835a'],
      [1, '#7d5236'],
    ]);
    ctx.fillRect(0, 0, w, h);
    ctx.strokeStyle = 'rgba(60,35,20,0.25)';
    ctx.lineWidth = 3;
    for (let y = 20; y < h; y += 46) {
      ctx.beginPath();
      ctx.moveTo(0, y);
      ctx.bezierCurveTo(w * 0.3, y + 12, w * 0.6, y - 12, w, y + 6);
      ctx.stroke();
    }
    const cx = w / 2;
    const cy = h / 2;
    ctx.fillStyle = 'rgba(30,15,5,0.3)';
    ctx.beginPath();
    ctx.arc(cx + 14, cy + 18, w * 0.36, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#f7f3ee';
    ctx.beginPath();
    ctx.arc(cx, cy, w * 0.36, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.arc(cx, cy, w * 0.26, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#8a5632';
    ctx.beginPath();
    ctx.arc(cx, cy, w * 0.22, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#f1dcc2';
    for (let i = 0; i < 5; i++) {
      ctx.beginPath();
      ctx.ellipse(cx, cy + w * 0.12 - i * w * 0.05, w * (0.12 - i * 0.018), w * 0.03, 0, 0, Math.PI * 2);
      ctx.fill();
    }
  },
};

/**
 * A voice note: `seconds` of a mumbling voice (pitched tones in syllables) as 8 kHz 8-bit mono WAV,
 * so the player really plays something.
 */
export function synthesizeVoice(seconds: number, seed: number): ArrayBuffer {
  const rate = 8000;
  const samples = Math.round(seconds * rate);
  const buffer = new ArrayBuffer(44 + samples);
  const view = new DataView(buffer);
  const text = (offset: number, value: string) => {
    for (let i = 0; i < value.length; i++) view.setUint8(offset + i, value.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  text(36, 'data');
  view.setUint32(40, samples, true);
  const random = createRandom(seed);
  let syllableEnd = 0;
  let pitch = 160;
  let phase = 0;
  for (let i = 0; i < samples; i++) {
    if (i >= syllableEnd) {
      syllableEnd = i + Math.round(rate * (0.12 + random() * 0.22));
      pitch = random() < 0.2 ? 0 : 130 + random() * 90;
    }
    const left = syllableEnd - i;
    const envelope = pitch === 0 ? 0 : Math.min(1, left / 400, (i % rate) / 200 + 0.2);
    phase += (2 * Math.PI * pitch) / rate;
    const value =
      envelope * (0.55 * Math.sin(phase) + 0.25 * Math.sin(phase * 2) + 0.1 * Math.sin(phase * 3));
    view.setUint8(44 + i, Math.max(0, Math.min(255, Math.round(128 + value * 90))));
  }
  return buffer;
}

/** A one-page PDF with a title and a few lines, valid enough for any viewer. */
export function makePdf(title: string, lines: readonly string[]): ArrayBuffer {
  const pdfText = (value: string) => value.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = [
    'BT /F1 24 Tf 72 720 Td',
    `(${pdfText(title)}) Tj`,
    '/F1 12 Tf',
    ...lines.map((line) => `0 -22 Td (${pdfText(line)}) Tj`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body).buffer as ArrayBuffer;
}

/** UTF-8 bytes of a text file. */
export function makeText(text: string): ArrayBuffer {
  return new TextEncoder().encode(text).buffer as ArrayBuffer;
}

/**
 * The URL of a seeded avatar picture (`public/avatars/<name>.svg`: an emoji on a diagonal gradient, or the
 * Tidings mark). Same-origin files rather than `data:` URLs: the kit's URL policy refuses `data:` (a peer's
 * `data:image/svg+xml` is a classic script vector) and the demo's Content-Security-Policy allows images
 * only from itself, `blob:` and `https:`.
 */
export function avatarUrl(name: string): string {
  return `${import.meta.env.BASE_URL}avatars/${name}.svg`;
}

/** The Tidings mark: a speech bubble with a wave, white on the accent gradient. */
export const TIDINGS_AVATAR = avatarUrl('tidings');
