import { describe, expect, it } from '@jest/globals';
import { Histogram, renderMetrics } from './prometheus-text.js';

describe('the Prometheus text format', () => {
  it('writes help, type and one line per sample, with escaped labels', () => {
    const text = renderMetrics([
      {
        name: 'commonplan_queue_jobs',
        help: 'Jobs by queue and state.',
        type: 'gauge',
        samples: [{ labels: { queue: 'dra"fts', state: 'waiting' }, value: 3 }],
      },
    ]);
    expect(text).toBe(
      '# HELP commonplan_queue_jobs Jobs by queue and state.\n' +
        '# TYPE commonplan_queue_jobs gauge\n' +
        'commonplan_queue_jobs{queue="dra\\"fts",state="waiting"} 3\n',
    );
  });

  it('a histogram counts cumulatively up to +Inf, with sum and count', () => {
    const histogram = new Histogram([0.25, 1]);
    for (const value of [0.125, 0.5, 0.5, 2]) histogram.observe(value);
    const text = renderMetrics([
      { name: 'ack_seconds', help: 'h', type: 'histogram', samples: histogram.samples() },
    ]);
    expect(text).toContain('ack_seconds_bucket{le="0.25"} 1\n');
    expect(text).toContain('ack_seconds_bucket{le="1"} 3\n');
    expect(text).toContain('ack_seconds_bucket{le="+Inf"} 4\n');
    expect(text).toContain('ack_seconds_sum 3.125\n');
    expect(text).toContain('ack_seconds_count 4\n');
  });
});
