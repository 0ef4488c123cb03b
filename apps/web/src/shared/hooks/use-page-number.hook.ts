import { useSearchParams } from 'react-router';

/** The page of a paginated list named in the address, e.g. `?page=2`; 1 when absent or nonsense. */
export function usePageNumber(param = 'page'): number {
  const [params] = useSearchParams();
  const page = Number(params.get(param));
  return Number.isInteger(page) && page > 0 ? page : 1;
}
