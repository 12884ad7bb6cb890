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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small HTTP/1.1 server on loopback whose connection handling a test controls, where
 * WireMock's cannot be: how long an idle keep-alive connection lives, and what happens
 * then (closed, or silently dropped as a NAT gateway does), or being a proxy that answers
 * {@code CONNECT} itself.
 */
public final class LoopbackServer implements AutoCloseable {

	private final SocketServer server;

	private final Function<String, @Nullable String> answers;

	private final Duration idleTimeout;

	private final boolean dropSilently;

	private final List<String> requestLines = new CopyOnWriteArrayList<>();

	private final Semaphore idleConnectionsEnded = new Semaphore(0);

	private final Semaphore connectionsClosedByClient = new Semaphore(0);

	/**
	 * Start a server.
	 * @param answers the raw answer to a request head, or {@code null} to close the
	 * connection
	 * @param idleTimeout how long an idle connection is kept
	 * @param dropSilently whether an idle connection is dropped without closing it: it is
	 * no longer read or answered
	 */
	public LoopbackServer(Function<String, @Nullable String> answers, Duration idleTimeout, boolean dropSilently) {
		this.answers = answers;
		this.idleTimeout = idleTimeout;
		this.dropSilently = dropSilently;
		this.server = new SocketServer("loopback-server", this::serve);
	}

	/**
	 * An answer with a JSON body.
	 * @param status the status line after {@code HTTP/1.1}
	 * @param json the body
	 * @param headers more header lines, each ending with CRLF
	 * @return the raw answer
	 */
	public static String json(String status, String json, String headers) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		return "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
				+ headers + "\r\n" + json;
	}

	public int port() {
		return this.server.port();
	}

	public String url() {
		return this.server.url();
	}

	/**
	 * How many connections were accepted.
	 */
	public int connectionCount() {
		return this.server.connectionCount();
	}

	/**
	 * The first lines of the requests received, such as {@code POST /x HTTP/1.1}.
	 */
	public List<String> requestLines() {
		return this.requestLines;
	}

	/**
	 * Wait until the server has ended an idle connection: closed it, or dropped it
	 * silently. The wait is a hang guard of two minutes.
	 */
	public void awaitIdleConnectionEnded() throws InterruptedException {
		assertThat(this.idleConnectionsEnded.tryAcquire(2, TimeUnit.MINUTES)).as("an idle connection ended").isTrue();
	}

	/**
	 * Wait until a client has closed a connection: the server read the end of the stream
	 * where a request could start, or the connection was reset. The wait is a hang guard
	 * of two minutes.
	 */
	public void awaitConnectionClosedByClient() throws InterruptedException {
		assertThat(this.connectionsClosedByClient.tryAcquire(2, TimeUnit.MINUTES)).as("a client closed a connection")
			.isTrue();
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			boolean first = true;
			while (true) {
				// the first request may come late on a busy machine
				socket.setSoTimeout(first ? 120_000 : (int) this.idleTimeout.toMillis());
				String head;
				try {
					head = readHead(in);
				}
				catch (SocketTimeoutException ex) {
					if (this.dropSilently) {
						// keep the socket open, but never read or answer again
						this.idleConnectionsEnded.release();
						Thread.sleep(60_000);
						return;
					}
					socket.close(); // the client sees the end of the stream
					this.idleConnectionsEnded.release();
					return;
				}
				catch (IOException ex) {
					this.connectionsClosedByClient.release(); // reset by the client
					return;
				}
				if (head == null) {
					this.connectionsClosedByClient.release();
					return;
				}
				first = false;
				this.requestLines.add(head.substring(0, head.indexOf('\r')));
				skipBody(in, head);
				String answer = this.answers.apply(head);
				if (answer == null) {
					return;
				}
				out.write(answer.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
		}
		catch (IOException ex) {
			// the client went away
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public static @Nullable String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int b;
		while ((b = in.read()) != -1) {
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
			if (matched == 4) {
				return head.toString(StandardCharsets.ISO_8859_1);
			}
		}
		return null;
	}

	public static void skipBody(InputStream in, String head) throws IOException {
		for (String line : head.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				in.readNBytes(Integer.parseInt(line.substring(15).trim()));
			}
		}
	}

	@Override
	public void close() {
		this.server.close();
	}

}
