import type { DraftGeneratePayload } from '../drafts/draft-generate.payload.js';
import type { DraftExportPayload } from '../exports/draft-export.payload.js';
import type { MailSendPayload } from '../mail/mail-send.payload.js';

/** Every queue the worker serves. */
export enum QueueName {
  Mail = 'mail',
  Maintenance = 'maintenance',
  Drafts = 'drafts',
  Exports = 'exports',
}

/** Every job there is; each has exactly one handler, checked when the worker starts. */
export enum JobName {
  MailSend = 'mail.send',
  SessionsPurge = 'sessions.purge',
  DraftGenerate = 'draft.generate',
  DailyWordsRecord = 'dashboard.daily-words',
  DraftSchedulesRun = 'draft-schedules.run',
  DraftExport = 'draft.export',
  ConsultationContactsErase = 'consultation.contacts-erase',
}

export const queueOfJob: Record<JobName, QueueName> = {
  [JobName.MailSend]: QueueName.Mail,
  [JobName.SessionsPurge]: QueueName.Maintenance,
  [JobName.DraftGenerate]: QueueName.Drafts,
  [JobName.DailyWordsRecord]: QueueName.Maintenance,
  [JobName.DraftSchedulesRun]: QueueName.Maintenance,
  [JobName.DraftExport]: QueueName.Exports,
  [JobName.ConsultationContactsErase]: QueueName.Maintenance,
};

export interface JobPayloads {
  [JobName.MailSend]: MailSendPayload;
  [JobName.SessionsPurge]: Record<string, never>;
  [JobName.DraftGenerate]: DraftGeneratePayload;
  [JobName.DailyWordsRecord]: Record<string, never>;
  [JobName.DraftSchedulesRun]: Record<string, never>;
  [JobName.DraftExport]: DraftExportPayload;
  [JobName.ConsultationContactsErase]: Record<string, never>;
}
