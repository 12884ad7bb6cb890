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

package io.github.cbkspring.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loopback HTTP/1.1 server for JSON Lines subscriptions that a test drives one
 * connection at a time: {@link #next()} hands over each request as it arrives, and the
 * test answers it with an error, or opens a chunked stream, sends lines, and ends or
 * drops it whenever it likes, so that a client's reconnects can be followed step by step.
 * Every wait is a hang guard of minutes.
 *
 * @author cbkspring contributors
 */
public final class EventStreamServer implements AutoCloseable {

	private final SocketServer server;

	private final BlockingQueue<Exchange> exchanges = new LinkedBlockingQueue<>();

	public EventStreamServer() {
		this.server = new SocketServer("event-stream-server", this::read);
	}

	public String url() {
		return this.server.url();
	}

	/**
	 * The next request, once it has arrived.
	 * @return its exchange
	 * @throws InterruptedException if interrupted while waiting
	 */
	public Exchange next() throws InterruptedException {
		Exchange exchange = this.exchanges.poll(2, TimeUnit.MINUTES);
		assertThat(exchange).as("a request arrived").isNotNull();
		return exchange;
	}

	/**
	 * How many requests arrived and were not yet taken with {@link #next()}.
	 * @return the number of requests waiting
	 */
	public int waiting() {
		return this.exchanges.size();
	}

	private void read(Socket socket) {
		try {
			socket.setSoTimeout(120_000);
			InputStream in = socket.getInputStream();
			String head = LoopbackServer.readHead(in);
			if (head == null) {
				socket.close();
				return;
			}
			byte[] body = new byte[0];
			for (String line : head.split("\r\n")) {
				if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
					body = in.readNBytes(Integer.parseInt(line.substring(15).trim()));
				}
			}
			this.exchanges.add(new Exchange(socket, head, new String(body, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			// the client went away before its request was whole
		}
	}

	@Override
	public void close() {
		this.server.close();
	}

	/**
	 * One request and its answer.
	 */
	public static final class Exchange {

		private final Socket socket;

		private final String head;

		private final String body;

		Exchange(Socket socket, String head, String body) {
			this.socket = socket;
			this.head = head;
			this.body = body;
		}

		/**
		 * The request line, such as {@code POST /v1/event/log/subscribe HTTP/1.1}.
		 * @return the request line
		 */
		public String requestLine() {
			return this.head.substring(0, this.head.indexOf('\r'));
		}

		/**
		 * The request's head: its line and headers.
		 * @return the head
		 */
		public String head() {
			return this.head;
		}

		public String body() {
			return this.body;
		}

		/**
		 * Answer with an error and close the connection.
		 * @param status the status line's code and reason, such as
		 * {@code 401 Unauthorized}
		 * @param headers further header lines, each ending with CRLF
		 * @param json the body
		 * @throws IOException if the client went away
		 */
		public void error(String status, String headers, String json) throws IOException {
			OutputStream out = this.socket.getOutputStream();
			out.write(LoopbackServer.json(status, json, headers + "Connection: close\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			this.socket.close();
		}

		/**
		 * Open a chunked {@code application/jsonl} answer.
		 * @return this exchange
		 * @throws IOException if the client went away
		 */
		public Exchange open() throws IOException {
			write("HTTP/1.1 200 OK\r\nContent-Type: application/jsonl\r\nTransfer-Encoding: chunked\r\n\r\n");
			return this;
		}

		/**
		 * Send one line, as a chunk of its own.
		 * @param json the line, without its line break
		 * @return this exchange
		 * @throws IOException if the client went away
		 */
		public Exchange send(String json) throws IOException {
			byte[] line = (json + "\n").getBytes(StandardCharsets.UTF_8);
			write(Integer.toHexString(line.length) + "\r\n" + new String(line, StandardCharsets.UTF_8) + "\r\n");
			return this;
		}

		/**
		 * End the answer properly, with the last chunk, and close the connection.
		 * @throws IOException if the client went away
		 */
		public void end() throws IOException {
			write("0\r\n\r\n");
			this.socket.close();
		}

		/**
		 * Drop the connection in the middle of the answer.
		 * @throws IOException if closing fails
		 */
		public void drop() throws IOException {
			this.socket.close();
		}

		/**
		 * Wait until the client closes the connection.
		 * @throws IOException if reading fails otherwise
		 */
		public void awaitClosedByClient() throws IOException {
			try {
				while (this.socket.getInputStream().read() != -1) {
					// a client sends nothing more on a subscription
				}
			}
			catch (IOException ex) {
				if (!this.socket.isClosed() && !(ex instanceof java.net.SocketException)) {
					throw ex;
				}
			}
		}

		private void write(String text) throws IOException {
			OutputStream out = this.socket.getOutputStream();
			out.write(text.getBytes(StandardCharsets.UTF_8));
			out.flush();
		}

	}

}
