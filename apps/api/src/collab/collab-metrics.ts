import { Injectable } from '@nestjs/common';
import { Histogram, type MetricFamily } from '../common/prometheus-text.js';
import { SectionDocuments } from './section-documents.service.js';
import { SectionUpdateLog } from './section-update-log.js';

/** Upper bounds, in seconds, of the acknowledgement latency buckets: 1 ms to 5 s. */
const ackBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * What the real-time channel measures on this instance. The gateway calls its few hooks; open
 * documents and the group-commit queue are read from their owners when metrics are asked for.
 */
@Injectable()
export class CollabMetrics {
  private connections = 0;
  private connectionsTotal = 0;
  private updatesTotal = 0;
  private readonly refusals = new Map<string, number>();
  private readonly ackSeconds = new Histogram(ackBuckets);

  constructor(
    private readonly documents: SectionDocuments,
    private readonly log: SectionUpdateLog,
  ) {}

  socketConnected(): void {
    this.connections += 1;
    this.connectionsTotal += 1;
  }

  socketDisconnected(): void {
    this.connections = Math.max(0, this.connections - 1);
  }

  /** An update was accepted and applied; returns a function to call when it is acknowledged. */
  updateAccepted(): () => void {
    this.updatesTotal += 1;
    const started = performance.now();
    return () => this.ackSeconds.observe((performance.now() - started) / 1000);
  }

  updateRefused(code: string): void {
    this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
  }

  families(): MetricFamily[] {
    return [
      {
        name: 'commonplan_collab_connections',
        help: 'Open real-time (socket.io) connections on this instance.',
        type: 'gauge',
        samples: [{ value: this.connections }],
      },
      {
        name: 'commonplan_collab_connections_total',
        help: 'Real-time connections accepted by this instance since it started.',
        type: 'counter',
        samples: [{ value: this.connectionsTotal }],
      },
      {
        name: 'commonplan_collab_open_documents',
        help: 'Section documents held in memory by this instance.',
        type: 'gauge',
        samples: [{ value: this.documents.openSections().length }],
      },
      {
        name: 'commonplan_collab_section_loads_total',
        help: 'Section documents read from PostgreSQL to be opened; joining an open one reads nothing.',
        type: 'counter',
        samples: [{ value: this.documents.loadsTotal }],
      },
      {
        name: 'commonplan_collab_updates_total',
        help: 'Section text updates accepted by this instance; rate() gives updates per second.',
        type: 'counter',
        samples: [{ value: this.updatesTotal }],
      },
      {
        name: 'commonplan_collab_updates_refused_total',
        help: 'Section text updates refused, by error code.',
        type: 'counter',
        samples: [...this.refusals].map(([code, value]) => ({ labels: { code }, value })),
      },
      {
        name: 'commonplan_collab_ack_seconds',
        help: 'Time from receiving an update to acknowledging it after its group commit.',
        type: 'histogram',
        samples: this.ackSeconds.samples(),
      },
      {
        name: 'commonplan_collab_pending_appends',
        help: 'Accepted updates waiting for their group commit to PostgreSQL.',
        type: 'gauge',
        samples: [{ value: this.log.queuedCount }],
      },
    ];
  }
}
