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
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server on loopback that answers every request with a body far larger than socket and
 * engine buffers hold, written only as fast as the client reads it, and records how much
 * of each body went out before the connection ended. A client that drains a body gets it
 * whole; one that aborts closes the connection with most of it unsent. Whether a client
 * aborted is then a fact, not a matter of how fast the machine is.
 *
 * @author cbkspring contributors
 */
public final class LargeAnswerServer implements AutoCloseable {

	/**
	 * The size of the bodies: many times what the loopback socket buffers of both ends
	 * and an engine's own buffers hold together.
	 */
	public static final int SIZE = 50 * 1024 * 1024;

	private final SocketServer server;

	private final String head;

	private final byte[] body;

	private final List<CompletableFuture<Long>> answers = new CopyOnWriteArrayList<>();

	/**
	 * Start a server.
	 * @param status the status line after {@code HTTP/1.1}, such as {@code 200 OK}
	 * @param headers header lines, each ending with CRLF; the server adds
	 * {@code Content-Length}
	 * @param body the body
	 */
	public LargeAnswerServer(String status, String headers, byte[] body) {
		this.head = "HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " + body.length + "\r\n\r\n";
		this.body = body;
		this.server = new SocketServer("large-answer-server", this::serve);
	}

	/**
	 * {@link #SIZE} bytes of a repeated unit, such as one line of a stream.
	 * @param unit the unit
	 * @return the body
	 */
	public static byte[] repeated(String unit) {
		byte[] one = unit.getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[SIZE];
		for (int i = 0; i < SIZE; i++) {
			body[i] = one[i % one.length];
		}
		return body;
	}

	/**
	 * A body gzip-coded without compression, so that the coded body is as large as the
	 * content.
	 * @param content the content
	 * @return the coded body
	 */
	public static byte[] storedGzip(byte[] content) {
		ByteArrayOutputStream coded = new ByteArrayOutputStream(content.length + 64 * 1024);
		try (GZIPOutputStream gzip = new GZIPOutputStream(coded) {
			{
				this.def.setLevel(Deflater.NO_COMPRESSION);
			}
		}) {
			gzip.write(content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return coded.toByteArray();
	}

	/**
	 * The base URL.
	 * @return {@code http://127.0.0.1:port}
	 */
	public String url() {
		return this.server.url();
	}

	/**
	 * How many requests were answered or are being answered.
	 * @return the count
	 */
	public int requests() {
		return this.answers.size();
	}

	/**
	 * Wait until every answer begun has ended, and check that the client closed each
	 * connection before the whole body went out: it aborted instead of draining. The wait
	 * is a hang guard only: a client that neither reads nor closes fails it.
	 */
	public void assertEveryAnswerAbandoned() {
		assertThat(this.answers).as("requests").isNotEmpty();
		for (CompletableFuture<Long> answer : this.answers) {
			long sent;
			try {
				sent = answer.get(2, TimeUnit.MINUTES);
			}
			catch (Exception ex) {
				throw new AssertionError("An answer did not end: the client neither read nor closed it", ex);
			}
			assertThat(sent).as("bytes of the body sent before the client closed the connection")
				.isLessThan(this.body.length);
		}
	}

	private void serve(Socket socket) {
		CompletableFuture<Long> answer = null;
		long sent = 0;
		try (socket) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			String request = LoopbackServer.readHead(in);
			if (request == null) {
				return;
			}
			LoopbackServer.skipBody(in, request);
			answer = new CompletableFuture<>();
			this.answers.add(answer);
			out.write(this.head.getBytes(StandardCharsets.ISO_8859_1));
			while (sent < this.body.length) {
				int length = (int) Math.min(64 * 1024, this.body.length - sent);
				out.write(this.body, (int) sent, length);
				sent += length;
			}
			out.flush();
			answer.complete(sent); // drained
			// one answer per connection: wait until the client closes it
			while (in.read() != -1) {
				// nothing more is asked on this connection
			}
		}
		catch (IOException ex) {
			// the client closed the connection
		}
		finally {
			if (answer != null) {
				answer.complete(sent);
			}
		}
	}

	@Override
	public void close() {
		this.server.close();
	}

}
