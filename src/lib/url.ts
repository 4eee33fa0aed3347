// Every internal link goes through here so the site works under a base path
// (BASE_URL is "/" or, for example, "/wirebook/", always with a trailing slash).
export function href(path: string, base: string = import.meta.env.BASE_URL): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return root + path.replace(/^\/+/, '');
}

/** The page of one lesson. */
export function lessonHref(id: string, base?: string): string {
  return href(`lessons/${id}/`, base);
}
