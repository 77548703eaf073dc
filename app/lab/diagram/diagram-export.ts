/**
 * Exporting a drawing: an SVG that stands alone (every style the page gave it written inline, no
 * classes, no scripts, no focus attributes) and a PNG rendered from that SVG at 2× on a canvas.
 */

/** The presentation properties worth copying from the page's styles. */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'text-anchor',
  'dominant-baseline',
  'text-decoration',
  'display',
] as const;

/** Attributes that mean something only in the page. */
const DROP = ['class', 'tabindex', 'role', 'aria-pressed', 'aria-label', 'style'];

/** A standalone copy of `svg` as text: computed styles inline, page-only attributes removed. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll('*')];
  const targets = [clone, ...clone.querySelectorAll('*')];
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i];
    const target = targets[i];
    const computed = getComputedStyle(source);
    const style: string[] = [];
    for (const property of PROPERTIES) {
      const value = computed.getPropertyValue(property);
      if (value && value !== 'normal' && !(property === 'display' && value !== 'none'))
        style.push(`${property}:${value}`);
    }
    for (const name of [...target.getAttributeNames()]) {
      if (DROP.includes(name) || name.startsWith('data-') || name.startsWith('on')) target.removeAttribute(name);
    }
    if (style.length) target.setAttribute('style', style.join(';'));
  }
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** Render SVG text to a PNG at `scale` × its size. */
export async function svgToPng(text: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  const image = new Image();
  image.decoding = 'sync';
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the SVG could not be drawn'));
    image.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
  );
}

/** Offer `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from free text: letters, digits and dashes. */
export function fileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'run'
  );
}
