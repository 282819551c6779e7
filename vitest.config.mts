import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two groups, one after the other. The real-client harnesses (code-server, Chromium, Neovim) and the
// release checks run alone, one file at a time: they start browsers and editors with timeouts, and
// the VS Code harness rebuilds dist/ (`npm run package`), which the other tests' servers run from.
// Everything else runs on every core (Vitest's default leaves one core idle).
const alone = ['test/e2e/**/*.test.ts', 'test/release/**/*.test.ts'];
const common = { setupFiles: ['test/setup.ts'], testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...common,
          name: 'core',
          include: ['test/**/*.test.ts'],
          exclude: ['test/.cache/**', 'node_modules/**', ...alone],
          maxWorkers: availableParallelism(),
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...common,
          name: 'clients',
          include: alone,
          exclude: ['test/.cache/**', 'node_modules/**'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
