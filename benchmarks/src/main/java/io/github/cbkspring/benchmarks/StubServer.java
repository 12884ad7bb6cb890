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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP/1.1 stub of {@code POST /v1/bot/{id}/session/create} (also under
 * {@code /api/v1}) on plain NIO: keep-alive, fixed JSON answer, {@code 401} without a
 * bearer credential, {@code 404} for any other request. Request bodies are read by
 * {@code Content-Length} or chunked framing and discarded.
 * <p>
 * Run in its own JVM so that its allocation and JIT work are not counted against a
 * driver: {@code StubServer <port> <selectorThreads>}; it prints {@code port=<n>} once it
 * listens and stops when its standard input closes.
 *
 * @author cbkspring contributors
 */
public final class StubServer {

	static final String SESSION_JSON = "{\"id\":\"bot-1\",\"conversationId\":\"conv-1\",\"token\":\"tok-1\","
			+ "\"expiresAt\":1767225600000,\"messages\":[]}";

	private static final byte[] OK = response("200 OK", SESSION_JSON);

	private static final byte[] UNAUTHORIZED = response("401 Unauthorized",
			"{\"message\":\"missing bearer\",\"code\":\"UNAUTHORIZED\"}");

	private static final byte[] NOT_FOUND = response("404 Not Found",
			"{\"message\":\"not found\",\"code\":\"NOT_FOUND\"}");

	private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

	private StubServer() {
	}

	public static void main(String[] args) throws IOException {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 0;
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 1;
		ServerSocketChannel server = ServerSocketChannel.open();
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
		Worker[] workers = new Worker[threads];
		for (int i = 0; i < threads; i++) {
			workers[i] = new Worker();
			Thread thread = new Thread(workers[i], "stub-selector-" + i);
			thread.setDaemon(true);
			thread.start();
		}
		Thread acceptor = new Thread(() -> accept(server, workers), "stub-acceptor");
		acceptor.setDaemon(true);
		acceptor.start();
		System.out.println("port=" + ((InetSocketAddress) server.getLocalAddress()).getPort());
		System.out.flush();
		// The parent process owns the stub's lifetime: end when it closes our stdin
		while (System.in.read() >= 0) {
			// ignore input
		}
	}

	private static void accept(ServerSocketChannel server, Worker[] workers) {
		int next = 0;
		while (true) {
			try {
				SocketChannel channel = server.accept();
				channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
				channel.configureBlocking(false);
				workers[next++ % workers.length].add(channel);
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private static byte[] response(String status, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		String head = "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
				+ "\r\n\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		byte[] bytes = new byte[headBytes.length + body.length];
		System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
		System.arraycopy(body, 0, bytes, headBytes.length, body.length);
		return bytes;
	}

	/**
	 * The answer to one complete request at the start of {@code buffer[0, limit)}, or
	 * {@code null} if the request is not complete yet.
	 */
	static @Nullable Parsed parse(byte[] buffer, int limit) {
		int headerEnd = indexOf(buffer, 0, limit, HEADER_END);
		if (headerEnd < 0) {
			return null;
		}
		String head = new String(buffer, 0, headerEnd, StandardCharsets.ISO_8859_1);
		int lineEnd = head.indexOf("\r\n");
		String requestLine = (lineEnd < 0) ? head : head.substring(0, lineEnd);
		long contentLength = 0;
		boolean chunked = false;
		boolean bearer = false;
		int start = (lineEnd < 0) ? head.length() : lineEnd + 2;
		while (start < head.length()) {
			int end = head.indexOf("\r\n", start);
			if (end < 0) {
				end = head.length();
			}
			int colon = head.indexOf(':', start);
			if (colon > start && colon < end) {
				String value = head.substring(colon + 1, end).trim();
				if (head.regionMatches(true, start, "content-length", 0, colon - start)) {
					contentLength = Long.parseLong(value);
				}
				else if (head.regionMatches(true, start, "transfer-encoding", 0, colon - start)) {
					chunked = value.toLowerCase().contains("chunked");
				}
				else if (head.regionMatches(true, start, "authorization", 0, colon - start)) {
					bearer = value.regionMatches(true, 0, "Bearer ", 0, 7) && value.length() > 7;
				}
			}
			start = end + 2;
		}
		int bodyStart = headerEnd + HEADER_END.length;
		int requestEnd = chunked ? chunkedEnd(buffer, bodyStart, limit) : (int) Math.min(Integer.MAX_VALUE,
				(bodyStart + contentLength <= limit) ? bodyStart + contentLength : -1);
		if (requestEnd < 0) {
			return null;
		}
		byte[] answer = !isSessionCreate(requestLine) ? NOT_FOUND : bearer ? OK : UNAUTHORIZED;
		return new Parsed(requestEnd, answer);
	}

	private static boolean isSessionCreate(String requestLine) {
		if (!requestLine.startsWith("POST ") || !requestLine.endsWith(" HTTP/1.1")) {
			return false;
		}
		String path = requestLine.substring(5, requestLine.length() - 9);
		if (path.startsWith("/api/")) {
			path = path.substring(4);
		}
		String prefix = "/v1/bot/";
		String suffix = "/session/create";
		return path.startsWith(prefix) && path.endsWith(suffix) && path.length() > prefix.length() + suffix.length()
				&& path.indexOf('/', prefix.length()) == path.length() - suffix.length();
	}

	/**
	 * The end of a chunked body starting at {@code start}, or -1 if it is incomplete.
	 * Trailers are not supported (no client here sends them).
	 */
	private static int chunkedEnd(byte[] buffer, int start, int limit) {
		int position = start;
		while (true) {
			int lineEnd = indexOf(buffer, position, limit, HEADER_END, 2);
			if (lineEnd < 0) {
				return -1;
			}
			String sizeLine = new String(buffer, position, lineEnd - position, StandardCharsets.ISO_8859_1);
			int extension = sizeLine.indexOf(';');
			int size = Integer.parseInt((extension < 0) ? sizeLine.trim() : sizeLine.substring(0, extension).trim(),
					16);
			position = lineEnd + 2 + size + 2;
			if (position > limit) {
				return -1;
			}
			if (size == 0) {
				return position;
			}
		}
	}

	private static int indexOf(byte[] buffer, int from, int limit, byte[] pattern) {
		return indexOf(buffer, from, limit, pattern, pattern.length);
	}

	private static int indexOf(byte[] buffer, int from, int limit, byte[] pattern, int patternLength) {
		outer: for (int i = from; i <= limit - patternLength; i++) {
			for (int j = 0; j < patternLength; j++) {
				if (buffer[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	record Parsed(int requestEnd, byte[] answer) {
	}

	/**
	 * One selector thread serving its share of the connections.
	 */
	private static final class Worker implements Runnable {

		private final Selector selector;

		private final Queue<SocketChannel> added = new ConcurrentLinkedQueue<>();

		Worker() throws IOException {
			this.selector = Selector.open();
		}

		void add(SocketChannel channel) {
			this.added.add(channel);
			this.selector.wakeup();
		}

		@Override
		public void run() {
			while (true) {
				try {
					this.selector.select();
					SocketChannel channel;
					while ((channel = this.added.poll()) != null) {
						channel.register(this.selector, SelectionKey.OP_READ, new Connection());
					}
					Iterator<SelectionKey> keys = this.selector.selectedKeys().iterator();
					while (keys.hasNext()) {
						SelectionKey key = keys.next();
						keys.remove();
						serve(key);
					}
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}

		private void serve(SelectionKey key) {
			SocketChannel channel = (SocketChannel) key.channel();
			Connection connection = (Connection) key.attachment();
			try {
				if (key.isValid() && key.isReadable() && !connection.read(channel)) {
					key.cancel();
					channel.close();
					return;
				}
				if (key.isValid()) {
					boolean pending = connection.write(channel);
					key.interestOps(pending ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
				}
			}
			catch (IOException | RuntimeException ex) {
				key.cancel();
				try {
					channel.close();
				}
				catch (IOException closeFailure) {
					// already gone
				}
			}
		}

	}

	/**
	 * The buffers of one keep-alive connection.
	 */
	private static final class Connection {

		private ByteBuffer in = ByteBuffer.allocate(16 * 1024);

		private final ByteBuffer out = ByteBuffer.allocate(64 * 1024);

		Connection() {
			this.out.flip();
		}

		/**
		 * Read what is available and queue an answer for every complete request.
		 * @return {@code false} at end of stream
		 */
		boolean read(SocketChannel channel) throws IOException {
			if (!this.in.hasRemaining()) {
				ByteBuffer larger = ByteBuffer.allocate(this.in.capacity() * 2);
				this.in.flip();
				larger.put(this.in);
				this.in = larger;
			}
			if (channel.read(this.in) < 0) {
				return false;
			}
			Parsed parsed;
			while ((parsed = parse(this.in.array(), this.in.position())) != null) {
				this.out.compact();
				this.out.put(parsed.answer());
				this.out.flip();
				int remaining = this.in.position() - parsed.requestEnd();
				System.arraycopy(this.in.array(), parsed.requestEnd(), this.in.array(), 0, remaining);
				this.in.position(remaining);
			}
			return true;
		}

		/**
		 * Write queued answers.
		 * @return whether some remain unwritten
		 */
		boolean write(SocketChannel channel) throws IOException {
			if (this.out.hasRemaining()) {
				channel.write(this.out);
			}
			return this.out.hasRemaining();
		}

	}

}
