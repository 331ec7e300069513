/** Sharing graph geometry (pure): arrays (left) → buffers (right), views → their base. */
export interface SharingArray {
  id: number;
  bufferId: number;
  base: number | null;
  label?: string;
  shape: readonly number[];
  dtype: string;
}

export interface NodeArray {
  key: string;
  id: number;
  x: number;
  y: number;
  bufferId: number;
  base: number | null;
  text: string;
  role: 'owner' | 'view';
}

export interface NodeBuffer {
  key: string;
  id: number;
  x: number;
  y: number;
  text: string;
}

export interface Edge {
  key: string;
  kind: 'memory' | 'base';
  from: number;
  to: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SharingGeometry {
  arrays: NodeArray[];
  buffers: NodeBuffer[];
  edges: Edge[];
  width: number;
  height: number;
}

const tuple = (s: readonly number[]): string =>
  s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`;

/** Byte counts short enough for a node: 96 B, 9.6 kB, 8.0 MB (decimal units). */
export function bytes(n: number): string {
  if (n < 10_000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1e3).toFixed(1)} kB`;
  return `${(n / 1e6).toFixed(1)} MB`;
}

export function sharingLayout(
  arrays: readonly SharingArray[],
  buffers: readonly { id: number; nbytes: number }[],
  rowH = 34,
  width = 480,
): SharingGeometry {
  const sorted = [...arrays].sort((a, b) => a.bufferId - b.bufferId || a.id - b.id);
  const ax = 6;
  const bx = width - 140;
  const nodes: NodeArray[] = sorted.map((a, i) => ({
    key: `a${a.id}`,
    id: a.id,
    x: ax,
    y: 8 + i * rowH,
    bufferId: a.bufferId,
    base: a.base,
    text: `${a.label ? `${a.label} ` : ''}#${a.id} ${a.dtype}${tuple(a.shape)}`,
    role: a.base === null ? 'owner' : 'view',
  }));
  const bufs: NodeBuffer[] = buffers.map((b) => {
    const ys = nodes.filter((n) => n.bufferId === b.id).map((n) => n.y);
    const y = ys.length ? (Math.min(...ys) + Math.max(...ys)) / 2 : 8;
    return { key: `b${b.id}`, id: b.id, x: bx, y, text: `buffer ${b.id} · ${bytes(b.nbytes)}` };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const bufById = new Map(bufs.map((b) => [b.id, b]));
  const edges: Edge[] = [];
  const nodeW = 250;
  for (const n of nodes) {
    const b = bufById.get(n.bufferId);
    if (b) {
      edges.push({
        key: `m${n.id}`,
        kind: 'memory',
        from: n.id,
        to: b.id,
        x1: n.x + nodeW,
        y1: n.y + 11,
        x2: b.x,
        y2: b.y + 11,
      });
    }
    const base = n.base !== null ? byId.get(n.base) : undefined;
    if (base) {
      edges.push({
        key: `v${n.id}`,
        kind: 'base',
        from: n.id,
        to: base.id,
        x1: n.x + 2,
        y1: n.y + 11,
        x2: base.x + 2,
        y2: base.y + 11,
      });
    }
  }
  const height = Math.max(40, 16 + Math.max(nodes.length, 1) * rowH);
  return { arrays: nodes, buffers: bufs, edges, width, height };
}
