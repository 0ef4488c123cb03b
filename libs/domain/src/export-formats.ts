/**
 * The files a ready draft can be exported as. Each draft has at most one export per format, made
 * by the worker; its status runs like a draft's (`queued → generating → ready | failed`).
 */
export const exportFormats = ['docx', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFormatLabels: Record<ExportFormat, string> = {
  docx: 'Word (DOCX)',
  pdf: 'PDF',
};

export const exportMimeTypes: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
