import os from 'node:os';
import { systemCtx, type Ctx } from '../platform/context.ts';

/** The CLI acts as an identified actor: the operating-system account that ran the command. */
export const cliCtx = (): Ctx => systemCtx(`cli:${os.userInfo().username}`);
