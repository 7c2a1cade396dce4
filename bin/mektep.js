#!/usr/bin/env node
// The operator's CLI. The source is TypeScript; tsx compiles it on the fly so no build step is needed.
import { register } from 'tsx/esm/api';
register();
await import('../server/src/cli/main.ts');
