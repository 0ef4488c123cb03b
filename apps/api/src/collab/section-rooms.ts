import { Injectable } from '@nestjs/common';
import type { ServerToClientEvents } from '@commonplan/protocol';
import type { Server } from 'socket.io';

/** The socket.io room of a section: everyone who joined it, on every instance. */
export function sectionRoom(sectionId: string): string {
  return `section:${sectionId}`;
}

/**
 * Lets other features tell everyone in a section something (a comment thread changed, say). Only
 * people who joined the section, which needs the right to read it, are in its room; the Redis
 * adapter carries the message to the sockets on other instances.
 */
@Injectable()
export class SectionRooms {
  private server: Server | null = null;

  /** Called once by the gateway when socket.io is up. */
  attach(server: Server): void {
    this.server = server;
  }

  emit<Event extends keyof ServerToClientEvents>(
    sectionId: string,
    event: Event,
    ...message: Parameters<ServerToClientEvents[Event]>
  ): void {
    this.server?.to(sectionRoom(sectionId)).emit(event, ...message);
  }
}
