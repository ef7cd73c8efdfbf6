import { benchEngine } from './engine.bench.ts';
const f = await benchEngine();
console.log(f.map(x=>`${x.key} ${x.value.toFixed(2)}`).join('\n'));
