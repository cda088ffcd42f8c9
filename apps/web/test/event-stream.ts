// Reads a text/event-stream answer event by event, as a browser would.

export interface ServerEvent {
  event: string;
  id: string | undefined;
  data: string;
}

export class EventReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = "";
  /** Every comment line seen so far (without the colon). */
  readonly comments: string[] = [];

  constructor(response: Response) {
    if (!response.body) throw new Error("no stream");
    this.reader = response.body.getReader();
  }

  /** The next event, or null when the stream ends first. */
  async next(): Promise<ServerEvent | null> {
    for (;;) {
      const end = this.buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const event = this.parse(block);
        if (event) return event;
        continue;
      }
      const { done, value } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** Waits for the first event that `accept` takes; fails after `timeoutMs`. */
  async until(accept: (event: ServerEvent) => boolean, timeoutMs = 5_000): Promise<ServerEvent> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms`)), timeoutMs);
    });
    const search = (async () => {
      for (;;) {
        const event = await this.next();
        if (!event) throw new Error("the stream ended");
        if (accept(event)) return event;
      }
    })();
    try {
      return await Promise.race([search, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async cancel(): Promise<void> {
    await this.reader.cancel();
  }

  private parse(block: string): ServerEvent | null {
    let event = "message";
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) this.comments.push(line.slice(1).trim());
      else if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("id: ")) id = line.slice(4);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    return data.length > 0 ? { event, id, data: data.join("\n") } : null;
  }
}
