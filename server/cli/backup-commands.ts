import type { Command } from 'commander';
import type { Services } from '../app.ts';

type WithServices = <T>(fn: (s: Services) => Promise<T>) => Promise<T>;

/**
 * `mamori backup …` and `mamori restore …` (A27). Skeleton — the backups helper writes them.
 * Restore must not open the target through withServices (that would migrate it, so it would no
 * longer be empty).
 */
export function backupCommands(program: Command, withServices: WithServices) {
  void program;
  void withServices;
}
