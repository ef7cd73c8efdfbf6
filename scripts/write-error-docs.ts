import { writeFileSync } from 'node:fs';
import { renderErrorDocs } from '../packages/flow/src/docs/error-docs.js';

writeFileSync(new URL('../docs/ERRORS.md', import.meta.url), renderErrorDocs());
console.log('wrote docs/ERRORS.md');
