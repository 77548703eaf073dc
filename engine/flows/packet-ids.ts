/**
 * Packet identifiers for one session: 1–65535, the next free one after the last used, skipping ids
 * still in flight [MQTT-2.3.1-2] (5.0: [MQTT-2.2.1-3]).
 */
export class PacketIds {
  private last = 0;
  private readonly used = new Set<number>();

  take(): number {
    if (this.used.size >= 65_535) throw new Error('all 65,535 packet identifiers are in flight');
    let id = this.last;
    do id = id === 65_535 ? 1 : id + 1;
    while (this.used.has(id));
    this.used.add(id);
    this.last = id;
    return id;
  }

  release(id: number): void {
    this.used.delete(id);
  }

  inUse(id: number): boolean {
    return this.used.has(id);
  }

  clear(): void {
    this.used.clear();
  }
}
