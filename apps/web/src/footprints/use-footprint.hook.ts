import type { FootprintAction, FootprintView } from '@commonplan/domain';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { getFootprint } from './footprints.api';

/** A footprint, and a test of what the signed-in person may do in it (as the API says). */
export function useFootprint(slug: string) {
  const resource = useApiResource<FootprintView>(`footprint:${slug}`, (signal) =>
    getFootprint(slug, signal),
  );
  const allows = (action: FootprintAction) =>
    resource.data?.allowedActions.includes(action) ?? false;
  return { ...resource, allows };
}
