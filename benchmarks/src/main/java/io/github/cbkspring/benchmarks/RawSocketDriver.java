/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.cbkspring.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A blocking socket that writes a fixed request and reads the answer by its
 * {@code Content-Length}, without JSON: the ceiling the stub allows, to show that the
 * stub is not the bottleneck. One connection per thread.
 *
 * @author cbkspring contributors
 */
final class RawSocketDriver implements Driver {

	private final int port;

	private final byte[] request;

	private final ThreadLocal<Connection> connections = ThreadLocal.withInitial(this::connect);

	private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();

	RawSocketDriver(int port) {
		this.port = port;
		byte[] body = SessionJson.request();
		String head = "POST " + SessionJson.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
				+ SessionJson.SECRET
				+ "\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: " + body.length
				+ "\r\n\r\n";
		this.request = (head + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
	}

	private Connection connect() {
		try {
			Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port);
			socket.setTcpNoDelay(true);
			this.sockets.add(socket);
			return new Connection(socket, socket.getInputStream(), socket.getOutputStream(), new byte[8192]);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public int call() throws IOException {
		Connection connection = this.connections.get();
		connection.out().write(this.request);
		byte[] buffer = connection.buffer();
		int length = 0;
		int headerEnd = -1;
		int expected = -1;
		while (expected < 0 || length < expected) {
			int read = connection.in().read(buffer, length, buffer.length - length);
			if (read < 0) {
				throw new IOException("Connection closed");
			}
			length += read;
			if (headerEnd < 0) {
				headerEnd = headerEnd(buffer, length);
				if (headerEnd >= 0) {
					expected = headerEnd + contentLength(buffer, headerEnd);
				}
			}
		}
		SessionJson.check((buffer[9] - '0') * 100 + (buffer[10] - '0') * 10 + (buffer[11] - '0'));
		return 1;
	}

	private static int headerEnd(byte[] buffer, int length) {
		for (int i = 3; i < length; i++) {
			if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
				return i + 1;
			}
		}
		return -1;
	}

	private static int contentLength(byte[] buffer, int headerEnd) {
		String head = new String(buffer, 0, headerEnd, StandardCharsets.ISO_8859_1);
		int start = head.indexOf("Content-Length: ") + 16;
		return Integer.parseInt(head.substring(start, head.indexOf('\r', start)));
	}

	@Override
	public String engine() {
		return "java.net.Socket, no JSON";
	}

	@Override
	public void close() throws IOException {
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	private record Connection(Socket socket, InputStream in, OutputStream out, byte[] buffer) {
	}

}
