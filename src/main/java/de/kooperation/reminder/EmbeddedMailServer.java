package de.kooperation.reminder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP server of the default run (GreenMail): every mail the app sends lands here and is
 * listed on the "Postausgang" page, so a newcomer sees reminders without configuring anything.
 * The port stays fixed across stop and start, so tests can take SMTP down and bring it back.
 */
public class EmbeddedMailServer {

	private final int port;

	private GreenMail greenMail;

	public EmbeddedMailServer(int configuredPort) {
		this.port = configuredPort > 0 ? configuredPort : freePort();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public synchronized void start() {
		if (greenMail == null || !greenMail.isRunning()) {
			greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			greenMail.start();
		}
	}

	public synchronized void stop() {
		if (greenMail != null) {
			greenMail.stop();
		}
	}

	public int port() {
		return port;
	}

	/**
	 * Messages delivered into the mailbox of {@code address} since the server last started: one per
	 * SMTP delivery to it, so a mail sent twice counts twice even with the same Message-ID.
	 */
	public synchronized List<MimeMessage> receivedBy(String address) {
		return greenMail == null ? List.of()
				: greenMail.findReceivedMessages(user -> address.equalsIgnoreCase(user.getEmail()), message -> true).toList();
	}

	/** Messages received since the server last started. */
	public synchronized List<MimeMessage> received() {
		return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
	}

}
