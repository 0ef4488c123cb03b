import { Injectable } from '@nestjs/common';
import type { ServerToClientEvents } from '@commonplan/protocol';
import type { Server } from 'socket.io';

/** Who a connection belongs to, kept on the socket so every instance can read it. */
export interface SocketPerson {
  id: string;
  name: string;
}

export const sectionRoom = (sectionId: string) => `section:${sectionId}`;
export const userRoom = (userId: string) => `user:${userId}`;

/**
 * Lets other features speak on the real-time channel without knowing socket.io: send an event to
 * one person's tabs or to everyone in a section, and ask who has a section open. Rooms span
 * instances through the Redis adapter, so this works whichever instance the people are on.
 */
@Injectable()
export class RealtimeRooms {
  private server: Server | null = null;

  /** Called by the gateway once socket.io is up. */
  attach(server: Server): void {
    this.server = server;
  }

  toUser<Event extends keyof ServerToClientEvents>(
    userId: string,
    event: Event,
    ...message: Parameters<ServerToClientEvents[Event]>
  ): void {
    this.server?.to(userRoom(userId)).emit(event, ...message);
  }

  /** Only to the person's tabs connected to this instance (for events every instance hears). */
  toUserHere<Event extends keyof ServerToClientEvents>(
    userId: string,
    event: Event,
    ...message: Parameters<ServerToClientEvents[Event]>
  ): void {
    this.server?.local.to(userRoom(userId)).emit(event, ...message);
  }

  toSection<Event extends keyof ServerToClientEvents>(
    sectionId: string,
    event: Event,
    ...message: Parameters<ServerToClientEvents[Event]>
  ): void {
    this.server?.to(sectionRoom(sectionId)).emit(event, ...message);
  }

  /** The people with each section open right now, on any instance, each once, sorted by name. */
  async peopleIn(sectionIds: readonly string[]): Promise<Map<string, SocketPerson[]>> {
    const people = new Map<string, SocketPerson[]>();
    if (!this.server || sectionIds.length === 0) return people;
    const wanted = new Set(sectionIds.map(sectionRoom));
    const sockets = await this.server.in([...wanted]).fetchSockets();
    for (const socket of sockets) {
      const person = (socket.data as { person?: SocketPerson }).person;
      if (!person) continue;
      for (const room of socket.rooms) {
        if (!wanted.has(room)) continue;
        const sectionId = room.slice('section:'.length);
        const list = people.get(sectionId) ?? [];
        if (!list.some((p) => p.id === person.id)) list.push(person);
        people.set(sectionId, list);
      }
    }
    for (const list of people.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return people;
  }
}
