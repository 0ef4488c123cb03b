import type { PlanMuteView } from '@commonplan/domain';
import { useState } from 'react';
import { PanelError } from '../shared/components/panel-error.component';
import { toApiError, type ApiError } from '../shared/api/api-error';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { getPlanMute, setPlanMuted } from './notifications.api';

/** Lets a person stop (and restart) notifications about one plan, for themselves only. */
export function MutePlan({ planId }: { planId: string }) {
  const state = useApiResource<PlanMuteView>(`mute:${planId}`, (signal) =>
    getPlanMute(planId, signal),
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (state.error)
    return <PanelError error={state.error} what="your notification setting" retry={state.reload} />;
  if (!state.data) return null;
  const muted = state.data.muted;
  const toggle = async () => {
    setSaving(true);
    setError(null);
    try {
      state.replace(await setPlanMuted(planId, !muted));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="app-mute-plan">
      <p className="nhsuk-body-s" aria-live="polite">
        {muted
          ? 'You have muted this plan: you are not notified about it.'
          : 'You are notified about this plan when something concerns you.'}
      </p>
      {error ? <p className="nhsuk-error-message">{error.message}</p> : null}
      <button
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        type="button"
        disabled={saving}
        onClick={() => void toggle()}
      >
        {muted ? 'Unmute this plan' : 'Mute this plan'}
      </button>
    </div>
  );
}
