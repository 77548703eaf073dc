/**
 * Subscriptions by topic filter, as a tree of levels, so routing a message costs the depth of its
 * topic rather than the number of subscriptions. `match` gives every (session, subscription) whose
 * filter matches a topic; topic-match.ts states the rules and tests this against them.
 */
export interface TreeSubscription<T> {
  clientId: string;
  filter: string;
  value: T;
}

interface Node<T> {
  children: Map<string, Node<T>>;
  /** clientId → subscription, for the filter that ends at this node. */
  here: Map<string, TreeSubscription<T>>;
}

const node = <T>(): Node<T> => ({ children: new Map(), here: new Map() });

export class TopicTree<T> {
  private readonly root: Node<T> = node();
  private count = 0;
  /**
   * What `match` found, by topic, while the subscriptions stay as they are: a run publishes to the
   * same few topics over and over, and subscribes rarely. Emptied by every change.
   */
  private readonly matched = new Map<string, readonly TreeSubscription<T>[]>();

  get size(): number {
    return this.count;
  }

  /** Add or replace a client's subscription to `filter`; returns whether it already existed. */
  set(clientId: string, filter: string, value: T): boolean {
    let n = this.root;
    for (const level of filter.split('/')) {
      let child = n.children.get(level);
      if (!child) n.children.set(level, (child = node()));
      n = child;
    }
    const existed = n.here.has(clientId);
    n.here.set(clientId, { clientId, filter, value });
    this.matched.clear();
    if (!existed) this.count++;
    return existed;
  }

  delete(clientId: string, filter: string): boolean {
    const path: Array<[Node<T>, string]> = [];
    let n: Node<T> | undefined = this.root;
    for (const level of filter.split('/')) {
      const child: Node<T> | undefined = n.children.get(level);
      if (!child) return false;
      path.push([n, level]);
      n = child;
    }
    if (!n.here.delete(clientId)) return false;
    this.count--;
    this.matched.clear();
    // prune empty branches
    for (let i = path.length - 1; i >= 0; i--) {
      const [parent, level] = path[i];
      const child = parent.children.get(level)!;
      if (child.here.size || child.children.size) break;
      parent.children.delete(level);
    }
    return true;
  }

  get(clientId: string, filter: string): TreeSubscription<T> | undefined {
    let n: Node<T> | undefined = this.root;
    for (const level of filter.split('/')) {
      n = n.children.get(level);
      if (!n) return undefined;
    }
    return n.here.get(clientId);
  }

  /** Every subscription whose filter matches `topic` (the same array until the subscriptions change). */
  match(topic: string): readonly TreeSubscription<T>[] {
    let found = this.matched.get(topic);
    if (found === undefined) this.matched.set(topic, (found = this.find(topic)));
    return found;
  }

  private find(topic: string): TreeSubscription<T>[] {
    const levels = topic.split('/');
    const out: TreeSubscription<T>[] = [];
    const dollar = topic.startsWith('$');
    const walk = (n: Node<T>, i: number) => {
      // [MQTT-4.7.2-1]: a filter starting with a wildcard does not match a topic starting with $
      const wildcardsAllowed = !(dollar && i === 0);
      const hash = wildcardsAllowed ? n.children.get('#') : undefined;
      if (hash) for (const s of hash.here.values()) out.push(s);
      if (i === levels.length) {
        for (const s of n.here.values()) out.push(s);
        return;
      }
      const exact = n.children.get(levels[i]);
      if (exact) walk(exact, i + 1);
      const plus = wildcardsAllowed ? n.children.get('+') : undefined;
      if (plus) walk(plus, i + 1);
    };
    walk(this.root, 0);
    return out;
  }

  /** All subscriptions of one client. */
  ofClient(clientId: string): TreeSubscription<T>[] {
    const out: TreeSubscription<T>[] = [];
    const walk = (n: Node<T>) => {
      const s = n.here.get(clientId);
      if (s) out.push(s);
      for (const child of n.children.values()) walk(child);
    };
    walk(this.root);
    return out;
  }

  deleteClient(clientId: string): void {
    for (const s of this.ofClient(clientId)) this.delete(clientId, s.filter);
  }
}
