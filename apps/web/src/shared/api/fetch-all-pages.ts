import type { Page } from '@commonplan/domain';

/** The API's largest page; lists a form chooses from (members, organisations) are read whole. */
export const largestPageSize = 100;

export async function fetchAllPages<T>(
  loadPage: (page: number, pageSize: number) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const result = await loadPage(page, largestPageSize);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}
