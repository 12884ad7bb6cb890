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
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A server socket on loopback that serves each connection on a daemon thread of its own,
 * for the raw servers whose bytes a test controls.
 */
final class SocketServer implements AutoCloseable {

	private final ServerSocket server;

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	/**
	 * Start accepting.
	 * @param name the name of the server's threads
	 * @param connectionHandler serves one connection, and closes it or leaves it to
	 * {@link #close()}
	 */
	SocketServer(String name, Consumer<Socket> connectionHandler) {
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(() -> accept(name, connectionHandler), name + "-" + port());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	String url() {
		return "http://127.0.0.1:" + port();
	}

	int connectionCount() {
		return this.connections.size();
	}

	private void accept(String name, Consumer<Socket> connectionHandler) {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.add(socket);
				Thread handler = new Thread(() -> connectionHandler.accept(socket), name + "-connection");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
			for (Socket connection : this.connections) {
				connection.close();
			}
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
