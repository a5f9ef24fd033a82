#!/usr/bin/env node
// The `mamori` command: runs the TypeScript CLI through tsx (as the server does).
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
