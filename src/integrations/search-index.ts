// Builds the Pagefind search index over the finished static site, so search
// works on any static host with no server. Only lesson bodies are indexed
// (they carry data-pagefind-body).
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export default function searchIndex(): AstroIntegration {
  return {
    name: 'wirebook-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`search index: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        const problems = [...added.errors, ...written.errors];
        await pagefind.close();
        if (problems.length) throw new Error(`search index: ${problems.join('; ')}`);
        logger.info(`indexed ${added.page_count} pages for search`);
      },
    },
  };
}
