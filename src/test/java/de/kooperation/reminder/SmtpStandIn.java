package de.kooperation.reminder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server in the place of the SMTP server, on a port of its own: it either accepts connections
 * and never says a word (a hanging mail server), or relays them to a real SMTP server (GreenMail),
 * optionally after a delay (a slow one). Real sockets, so JavaMail meets exactly what it would meet.
 */
final class SmtpStandIn implements AutoCloseable {

	private final ServerSocket server;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile int relayTo;

	private volatile Duration delay = Duration.ZERO;

	private volatile int accepted;

	SmtpStandIn() {
		try {
			server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Thread acceptor = new Thread(this::accept, "smtp-stand-in");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return server.getLocalPort();
	}

	/** From now on: accept every connection and never answer. */
	void hang() {
		relayTo = 0;
	}

	/** From now on: relay every connection to that SMTP port, after the delay. */
	void relayTo(int port, Duration delay) {
		this.delay = delay;
		this.relayTo = port;
	}

	/** Connections accepted so far. */
	int accepted() {
		return accepted;
	}

	/** Closes the connections that hang now: their clients see the server go away. */
	void dropHangingConnections() {
		for (Socket socket : open) {
			close(socket);
		}
		open.clear();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				accepted++;
				int target = relayTo;
				if (target == 0) {
					open.add(client);
				}
				else {
					Thread relay = new Thread(() -> relay(client, target, delay), "smtp-stand-in-relay");
					relay.setDaemon(true);
					relay.start();
				}
			}
			catch (IOException e) {
				// closed
			}
		}
	}

	private static void relay(Socket client, int port, Duration delay) {
		try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port)) {
			Thread.sleep(delay.toMillis());
			Thread back = new Thread(() -> pump(upstream, client), "smtp-stand-in-back");
			back.setDaemon(true);
			back.start();
			pump(client, upstream);
			back.join(5000);
		}
		catch (IOException | InterruptedException e) {
			// one side went away: so does the relay
		}
	}

	private static void pump(Socket from, Socket to) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			byte[] buffer = new byte[8192];
			for (int read; (read = in.read(buffer)) >= 0;) {
				out.write(buffer, 0, read);
				out.flush();
			}
			to.shutdownOutput();
		}
		catch (IOException e) {
			// closed
		}
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException e) {
			// already closed
		}
	}

	@Override
	public void close() {
		dropHangingConnections();
		try {
			server.close();
		}
		catch (IOException e) {
			// already closed
		}
	}

}
