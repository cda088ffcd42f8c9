// A minimal text/event-stream parser for fetch() bodies (EventSource cannot
// send an Authorization header, and a token in the URL would end up in logs).

export interface ServerEvent {
  event: string;
  id: string | undefined;
  data: string;
}

/** Feeds chunks of the stream; returns the events that became complete. */
export class ServerEventParser {
  private buffer = "";

  push(text: string): ServerEvent[] {
    this.buffer += text.replace(/\r\n?/g, "\n");
    const events: ServerEvent[] = [];
    for (let end = this.buffer.indexOf("\n\n"); end >= 0; end = this.buffer.indexOf("\n\n")) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event = parseBlock(block);
      if (event) events.push(event);
    }
    return events;
  }
}

function parseBlock(block: string): ServerEvent | null {
  let event = "message";
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "id") id = value;
    else if (field === "data") data.push(value);
  }
  return data.length > 0 ? { event, id, data: data.join("\n") } : null;
}
