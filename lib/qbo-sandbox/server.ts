/**
 * node:http adapter for the sandbox: turns IncomingMessage into a Fetch Request (with an abort
 * signal tied to the client connection, so injected timeouts end when the client gives up) and
 * streams the Fetch Response back. Port 0 picks a free port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { QboSandboxOptions } from "./core";
import { SERVER_HEADERS_TIMEOUT_MS, SERVER_KEEP_ALIVE_MS } from "./keep-alive";
import { createQboSandbox, type QboSandbox } from "./sandbox";

export interface SandboxServerOptions extends QboSandboxOptions {
  port?: number;
  host?: string;
}

export interface SandboxServer {
  /** e.g. "http://127.0.0.1:53211/qbo-sandbox" — no trailing slash, includes basePath. */
  url: string;
  sandbox: QboSandbox;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

function toFetchRequest(request: IncomingMessage, body: Buffer, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = request.method ?? "GET";
  const init: RequestInit = { method, headers, signal };
  if (method !== "GET" && method !== "HEAD" && body.length > 0) init.body = new Uint8Array(body);
  return new Request(new URL(request.url ?? "/", origin), init);
}

async function writeResponse(response: Response, target: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  target.writeHead(response.status, headers);
  target.end(Buffer.from(await response.arrayBuffer()));
}

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const { port = 0, host = "127.0.0.1", ...sandboxOptions } = options;
  const sandbox = createQboSandbox(sandboxOptions);
  const server = createServer((request, response) => {
    const controller = new AbortController();
    response.on("close", () => {
      if (!response.writableFinished) controller.abort();
    });
    void (async () => {
      try {
        const body = await readBody(request);
        const origin = `http://${request.headers.host ?? `${host}:${port}`}`;
        const fetchResponse = await sandbox.handle(toFetchRequest(request, body, origin, controller.signal));
        if (controller.signal.aborted) return;
        await writeResponse(fetchResponse, response);
      } catch (error) {
        if (!response.headersSent) {
          response.writeHead(500, { "content-type": "text/plain" });
          response.end(String(error));
        } else {
          response.destroy();
        }
      }
    })();
  });
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
  server.headersTimeout = SERVER_HEADERS_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const displayHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${displayHost}:${address.port}${sandbox.options.basePath}`;
  return {
    url,
    sandbox,
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await sandbox.flush();
      sandbox.close();
    },
  };
}
