/**
 * An HTTP proxy that drops connections on purpose, for tests of network faults: for a request the
 * policy picks, the client's socket is destroyed either before the request is forwarded (the
 * server never sees it) or after the server answered (the server acted, the client never hears
 * it) — what a keep-alive race or a reset by a peer looks like to the client.
 */
import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** "garble": the server's answer arrives, but its body is replaced by an HTML page (a broken proxy). */
export type DropMode = "before-forward" | "after-response" | "garble";

export interface SeenRequest {
  method: string;
  url: string;
  dropped: DropMode | undefined;
}

export interface FlakyProxy {
  /** The proxy's origin plus the target's path, e.g. "http://127.0.0.1:5123/qbo-sandbox". */
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFlakyProxy(targetUrl: string, policy: (request: { method: string; url: string; index: number }) => DropMode | undefined): Promise<FlakyProxy> {
  const target = new URL(targetUrl);
  const seen: SeenRequest[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const method = request.method ?? "GET";
      const url = request.url ?? "/";
      const body = await readBody(request);
      const dropped = policy({ method, url, index: seen.length });
      seen.push({ method, url, dropped });
      if (dropped === "before-forward") {
        request.socket.destroy();
        return;
      }
      const upstream = httpRequest({ host: target.hostname, port: target.port, method, path: url, headers: { ...request.headers, host: target.host } }, (answer) => {
        void readBody(answer).then((answerBody) => {
          if (dropped === "after-response") {
            request.socket.destroy();
            return;
          }
          if (dropped === "garble") {
            response.writeHead(200, { "content-type": "text/html" });
            response.end("<html><body>Bad gateway, sort of</body></html>");
            return;
          }
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          response.end(answerBody);
        });
      });
      upstream.on("error", () => request.socket.destroy());
      upstream.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname.replace(/\/+$/, "")}`,
    seen,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
