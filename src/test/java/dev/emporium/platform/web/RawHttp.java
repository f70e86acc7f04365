package dev.emporium.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: what an attacker sends, which
 * no well-behaved client library lets through (unknown methods, a forged {@code Host},
 * undecodable query strings, bodies of any size).
 */
final class RawHttp {

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	Answer send(String head) throws IOException {
		return send(head, new byte[0]);
	}

	/**
	 * Sends the request line and headers (without the blank line that ends them), then
	 * the body, and reads the whole answer.
	 */
	Answer send(String head, byte[] body) throws IOException {
		try (var socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
				out.write(body);
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer and close before it has read everything: read
				// what it said
			}
			var answer = new ByteArrayOutputStream();
			try {
				socket.getInputStream().transferTo(answer);
			}
			catch (IOException ex) {
				// a reset after the answer was read
			}
			return Answer.parse(answer.toString(StandardCharsets.UTF_8));
		}
	}

	static String json(String method, String path, String token, String body) {
		return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ ((token != null) ? "Authorization: Bearer " + token + "\r\n" : "") + "Content-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length;
	}

	record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(String raw) {
			var end = raw.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IllegalStateException("No HTTP answer: '" + raw + "'");
			}
			var lines = raw.substring(0, end).split("\r\n");
			var status = Integer.parseInt(lines[0].split(" ")[1]);
			var headers = new TreeMap<String, String>();
			for (var i = 1; i < lines.length; i++) {
				var colon = lines[i].indexOf(':');
				headers.merge(lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
			}
			return new Answer(status, headers, raw.substring(end + 4));
		}

		String contentType() {
			return headers.getOrDefault("content-type", "");
		}

		boolean isProblem() {
			return contentType().startsWith("application/problem+json");
		}

		@Override
		public String toString() {
			return status + " " + headers + " " + body;
		}

	}

}
