import { describe, expect, it } from '@jest/globals';
import { AppError, errorFactory } from './app-error.js';

const widgetError = errorFactory({
  widget_missing: { status: 404, message: 'There is no such widget.' },
  widget_locked: { status: 423, message: 'The widget is locked.' },
});

describe('errors built from a feature table', () => {
  it('carry the code, status and message from the table', () => {
    const error = widgetError('widget_missing');
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'widget_missing',
      status: 404,
      message: 'There is no such widget.',
      field: undefined,
      headers: {},
    });
  });

  it('may name the field at fault, say something more specific, and add headers', () => {
    const error = widgetError('widget_locked', {
      message: 'Widget 7 is locked until noon.',
      field: 'widgetId',
      headers: { 'retry-after': '60' },
    });
    expect(error).toMatchObject({
      code: 'widget_locked',
      status: 423,
      message: 'Widget 7 is locked until noon.',
      field: 'widgetId',
      headers: { 'retry-after': '60' },
    });
  });
});
