/**
 * The `broadcast` field of events: each operand's shape, left-padded shape and stretched dims,
 * and the result shape, or on failure NumPy's error and the first conflicting dim.
 */
import { NDArray } from '../runtime/ndarray';
import { isPlainObject } from '../runtime/args';
import type { Call } from './recorder';

/** Binary ufuncs and their method spellings (`a.add(b)`, `a.gt(0)`). */
const BINARY = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'true_divide',
  'floor_divide',
  'mod',
  'remainder',
  'fmod',
  'power',
  'float_power',
  'maximum',
  'minimum',
  'fmax',
  'fmin',
  'equal',
  'not_equal',
  'less',
  'less_equal',
  'greater',
  'greater_equal',
  'logical_and',
  'logical_or',
  'logical_xor',
  'bitwise_and',
  'bitwise_or',
  'bitwise_xor',
  'left_shift',
  'right_shift',
  'arctan2',
  'hypot',
  'copysign',
  'nextafter',
  'ldexp',
  'heaviside',
  'gcd',
  'lcm',
  'divmod',
  'isclose',
  'logaddexp',
  'logaddexp2',
  'bitwise_left_shift',
  'bitwise_right_shift',
  'atan2',
  'pow',
  'sub',
  'mul',
  'div',
  'truediv',
  'floordiv',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'and',
  'or',
  'xor',
  'lshift',
  'rshift',
  'and_',
  'or_',
  'iand',
  'ior',
  'ixor',
  'ilshift',
  'irshift',
  'iadd',
  'isub',
  'imul',
  'idiv',
  'itruediv',
  'ifloordiv',
  'imod',
  'ipow',
  'copyto',
]);
const TERNARY = new Set(['where', 'clip']);

/** A shape for an operand (ndarray, JS scalar, nested list), or null. */
export function shapeOfOperand(x: unknown): number[] | null {
  if (x instanceof NDArray) return x._shape as number[]; // read only (the runtime never mutates it)
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint') return [];
  if (Array.isArray(x)) {
    const shape: number[] = [];
    let cur: unknown = x;
    while (Array.isArray(cur)) {
      shape.push(cur.length);
      if (cur.length === 0) break;
      cur = cur[0];
    }
    if (cur instanceof NDArray) shape.push(...cur._shape);
    return shape;
  }
  return null;
}

function positional(args: readonly unknown[]): readonly unknown[] {
  return args.length > 0 && isPlainObject(args[args.length - 1]) ? args.slice(0, -1) : args;
}

/** Whether `op` is a binary ufunc-like op (its operands: receiver/first and second argument). */
export function isBinary(op: string): boolean {
  return BINARY.has(op);
}

/** Whether calls of `op` may broadcast (broadcastOperands can return operands). */
export function broadcasts(op: string): boolean {
  return (
    BINARY.has(op) ||
    TERNARY.has(op) ||
    op === 'broadcast_arrays' ||
    op === 'broadcast_shapes' ||
    op === 'broadcast_to'
  );
}

/** The operands of a broadcasting call, or null when the op does not broadcast. */
export function broadcastOperands(call: Call): { shapes: number[][]; target?: number[] } | null {
  const name = call.op;
  if (!broadcasts(name)) return null;
  if (BINARY.has(name)) {
    // the common case without intermediate lists: two operands, maybe an options object
    const args = call.args;
    let n = args.length;
    const o = n > 0 ? args[n - 1] : undefined;
    const opts = isPlainObject(o) ? o : null;
    if (opts !== null) n--;
    const x0 = call.method ? call.self : args[0];
    const x1 = call.method ? args[0] : args[1];
    if ((call.method ? 1 : 0) + n < 2) return null;
    const s0 = shapeOfOperand(x0);
    const s1 = shapeOfOperand(x1);
    if (s0 === null || s1 === null) return null;
    const out = opts?.['out'];
    if (out instanceof NDArray) return { shapes: [s0, s1], target: [...out._shape] };
    if (name === 'copyto') return { shapes: [s1], target: s0 };
    return { shapes: [s0, s1] };
  }
  const pos = positional(call.args);
  const list = call.method ? [call.self, ...pos] : [...pos];
  let ops: unknown[] = [];
  if (TERNARY.has(name)) ops = list.slice(0, 3).filter((x) => x !== null && x !== undefined);
  else if (name === 'broadcast_arrays') ops = list;
  else if (name === 'broadcast_shapes') {
    const shapes = pos.map((s) =>
      Array.isArray(s) ? (s as number[]) : typeof s === 'number' ? [s] : null,
    );
    if (shapes.some((s) => s === null)) return null;
    return { shapes: shapes as number[][] };
  } else if (name === 'broadcast_to') {
    const sh = list[1];
    const t = Array.isArray(sh) ? (sh as number[]) : typeof sh === 'number' ? [sh] : null;
    const s0 = shapeOfOperand(list[0]);
    if (t === null || s0 === null) return null;
    return { shapes: [s0], target: [...t] };
  } else return null;
  if (ops.length < 2) return null;
  const shapes = ops.map(shapeOfOperand);
  if (shapes.some((s) => s === null)) return null;
  const o = call.args[call.args.length - 1];
  if (isPlainObject(o) && o['out'] instanceof NDArray)
    return { shapes: shapes as number[][], target: [...o['out']._shape] };
  if (name === 'copyto') return { shapes: [shapes[1] as number[]], target: shapes[0] as number[] };
  return { shapes: shapes as number[][] };
}

export { broadcastInfo } from './wire';
