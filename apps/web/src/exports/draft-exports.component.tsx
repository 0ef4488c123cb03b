import {
  exportFormatLabels,
  exportFormats,
  type DraftExportSummary,
  type DraftSummary,
  type ExportFormat,
} from '@commonplan/domain';
import { useRef, useState } from 'react';
import { DraftStatusTag } from '../drafts/draft-status-tag.component';
import { FailedForGood } from '../drafts/failed-for-good.component';
import { useDraftChanges } from '../drafts/use-draft-changes.hook';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { PanelError } from '../shared/components/panel-error.component';
import { toFormErrors, type FormError } from '../shared/forms/form-error';
import { formatNumber } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { listDraftExports, requestDraftExport, retryDraftExport } from './exports.api';

/** "240 KB", "1.2 MB": how big a download is. */
function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function ExportRow({
  format,
  draftExport,
  busy,
  onAsk,
  onRetry,
}: {
  format: ExportFormat;
  draftExport: DraftExportSummary | undefined;
  busy: boolean;
  onAsk: () => void;
  onRetry: (draftExport: DraftExportSummary) => void;
}) {
  const label = exportFormatLabels[format];
  const status = draftExport?.status;
  return (
    <div className="nhsuk-summary-list__row" data-testid={`export-${format}`}>
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value" aria-live="polite">
        {!draftExport ? <>Not made yet</> : null}
        {status === 'queued' || status === 'generating' ? (
          <>
            <DraftStatusTag status={status} />
            <span className="nhsuk-body-s nhsuk-u-margin-left-2">
              {status === 'queued' ? 'Waiting to be made…' : 'Being made…'}
            </span>
          </>
        ) : null}
        {status === 'ready' && draftExport?.downloadUrl ? (
          <a href={draftExport.downloadUrl} download={draftExport.fileName}>
            Download {label}
            {draftExport.byteSize !== null ? ` (${fileSize(draftExport.byteSize)})` : null}
          </a>
        ) : null}
        {status === 'failed' ? (
          <>
            <DraftStatusTag status="failed" />
            <FailedForGood reason={draftExport?.failureReason ?? null} what="file" canRetry />
          </>
        ) : null}
      </dd>
      <dd className="nhsuk-summary-list__actions">
        {!draftExport ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
            onClick={onAsk}
            disabled={busy}
          >
            Export as {label}
          </button>
        ) : null}
        {draftExport && status === 'failed' ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
            onClick={() => onRetry(draftExport)}
            disabled={busy}
          >
            Try again<span className="nhsuk-u-visually-hidden"> to export as {label}</span>
          </button>
        ) : null}
      </dd>
    </div>
  );
}

/**
 * A ready draft's files: ask for it as DOCX or PDF, watch the worker make it (live, on the drafts
 * channel), then download it; a failed export says why and can be tried again.
 */
export function DraftExports({ draft }: { draft: DraftSummary }) {
  const exports = useApiResource<DraftExportSummary[]>(`draft-exports:${draft.id}`, (signal) =>
    listDraftExports(draft.id, signal),
  );
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  // Changes can arrive faster than the page renders: each is merged into the latest list.
  const latest = useRef<DraftExportSummary[]>([]);
  latest.current = exports.data ?? [];
  const merge = (draftExport: DraftExportSummary) => {
    if (draftExport.draftId !== draft.id) return;
    latest.current = [...latest.current.filter((e) => e.id !== draftExport.id), draftExport];
    exports.replace(latest.current);
  };
  useDraftChanges(draft.planId, () => undefined, exports.reload, merge);

  const act = (send: () => Promise<DraftExportSummary>) => {
    setErrors([]);
    setBusy(true);
    send()
      .then(merge, (error: unknown) => setErrors(toFormErrors(error)))
      .finally(() => setBusy(false));
  };

  return (
    <section aria-labelledby="draft-exports-heading">
      <h2 className="nhsuk-heading-m" id="draft-exports-heading">
        Download this draft
      </h2>
      <p className="nhsuk-body">
        Each file has a title page, the contents and every section in order, with the draft number
        and date at the foot of each page. It takes a few seconds to make.
      </p>
      <ErrorSummary errors={errors} />
      {exports.error ? (
        <PanelError error={exports.error} what="the downloads" retry={exports.reload} />
      ) : (
        <dl className="nhsuk-summary-list">
          {exportFormats.map((format) => (
            <ExportRow
              key={format}
              format={format}
              draftExport={exports.data?.find((e) => e.format === format)}
              busy={busy || !exports.data}
              onAsk={() => act(() => requestDraftExport(draft.id, format))}
              onRetry={(draftExport) => act(() => retryDraftExport(draftExport.id))}
            />
          ))}
        </dl>
      )}
    </section>
  );
}
