import { getViteConfig } from 'astro/config';

// Astro's Vite config, so component tests can render .astro files with the Container API.
export default getViteConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/component/**/*.test.ts', 'test/golden/**/*.test.ts', 'test/lessons/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
