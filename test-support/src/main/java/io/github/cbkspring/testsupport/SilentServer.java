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
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loopback server that reads one request and never answers, and says when the request
 * arrived and when the client closed the connection: for a cancel before the answer's
 * headers. Each wait is a hang guard of two minutes.
 */
public final class SilentServer implements AutoCloseable {

	private final ServerSocket server;

	private final CountDownLatch requested = new CountDownLatch(1);

	private final CountDownLatch closed = new CountDownLatch(1);

	/**
	 * Start a server on a free loopback port.
	 * @throws IOException if it cannot listen
	 */
	public SilentServer() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::serve, "silent-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * The server's base URL.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	private void serve() {
		try (Socket socket = this.server.accept()) {
			InputStream in = socket.getInputStream();
			String head = LoopbackServer.readHead(in);
			if (head != null) {
				LoopbackServer.skipBody(in, head);
				this.requested.countDown();
			}
			while (in.read() != -1) {
				// nothing more is sent on this connection: wait for its end
			}
			this.closed.countDown();
		}
		catch (IOException ex) {
			// a reset is a close too
			this.closed.countDown();
		}
	}

	/**
	 * Wait until the request has arrived, its body included.
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void awaitRequest() throws InterruptedException {
		assertThat(this.requested.await(2, TimeUnit.MINUTES)).as("a request arrived").isTrue();
	}

	/**
	 * Wait until the client closed the connection.
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void awaitClosed() throws InterruptedException {
		assertThat(this.closed.await(2, TimeUnit.MINUTES)).as("the client closed the connection").isTrue();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
