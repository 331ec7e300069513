import * as np from 'ndscope';

// 10,000 iterations that allocate three arrays and drop them, without yielding to the event loop
const marks: number[] = [];
let s = 0;
for (let i = 0; i < 10_000; i++) {
  const x = np.ones([10_000]);
  const t = np.multiply(x, 2);
  const y = np.add(t, 1);
  s += y.size;
  if (i === 0 || i === 999 || i === 9_999) marks.push(np.memoryStats().memoryBytes);
}
const st = np.memoryStats();
console.log(JSON.stringify({ marks, reclaims: st.reclaims, s }));
