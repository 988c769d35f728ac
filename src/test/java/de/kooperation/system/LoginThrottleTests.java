package de.kooperation.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import de.kooperation.DemoAppTest;
import de.kooperation.WebappSessions;

/**
 * Password guessing slows the guesser down but locks nobody out: not the admin, not for good,
 * not across a restart, and not for the user's own logins from another address.
 */
@DemoAppTest
class LoginThrottleTests {

	private static final String ADMIN = "admin";

	private static final String ADMIN_PASSWORD = "admin";

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestRestTemplate rest;

	@LocalServerPort
	int port;

	@BeforeEach
	void restAndWebappsServeThisContextsEngine() {
		ProcessEngines.registerProcessEngine(engine);
	}

	@Test
	void manyWrongPasswordsForTheAdminOverRestAreSlowedDownAndTheRightOneStillWorksAfterTheWait() throws Exception {
		ResponseEntity<String> refused = null;
		int wrong = 0;
		for (int attempt = 0; attempt < 40 && refused == null; attempt++) {
			ResponseEntity<String> answer = rest.withBasicAuth(ADMIN, "geraten-" + attempt).getForEntity("/engine-rest/user", String.class);
			if (answer.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS) {
				refused = answer;
			}
			else {
				assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
				wrong++;
			}
		}
		assertThat(refused).as("the guesser is slowed down").isNotNull();
		assertThat(wrong).as("a few typos pass unhindered").isGreaterThanOrEqualTo(5);
		assertThat(refused.getBody()).contains("Zu viele fehlgeschlagene Anmeldungen").containsPattern("in \\d+ Sekunden? erneut");
		long retryAfter = Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
		assertThat(retryAfter).isBetween(1L, 60L);
		// while waiting even the right password is not checked
		assertThat(rest.withBasicAuth(ADMIN, ADMIN_PASSWORD).getForEntity("/engine-rest/user", String.class).getStatusCode())
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

		Thread.sleep(Duration.ofSeconds(retryAfter).plusMillis(200).toMillis());

		assertThat(rest.withBasicAuth(ADMIN, ADMIN_PASSWORD).getForEntity("/engine-rest/user", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		// and the success cleared the count: the next typo is not held up
		assertThat(rest.withBasicAuth(ADMIN, "vertippt").getForEntity("/engine-rest/user", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.withBasicAuth(ADMIN, ADMIN_PASSWORD).getForEntity("/engine-rest/user", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void aStrangerGuessingFromAnotherAddressDoesNotHoldUpTheAdminsOwnLogin() throws Exception {
		InetAddress stranger = InetAddress.getByName("127.0.0.2");
		int status = 0;
		for (int attempt = 0; attempt < 40 && status != 429; attempt++) {
			status = basicAuthStatus(stranger, ADMIN, "geraten-" + attempt);
		}
		assertThat(status).as("the stranger waits").isEqualTo(429);
		assertThat(basicAuthStatus(stranger, ADMIN, ADMIN_PASSWORD)).as("also with the right password").isEqualTo(429);

		assertThat(basicAuthStatus(InetAddress.getByName("127.0.0.1"), ADMIN, ADMIN_PASSWORD)).as("the admin from her own address")
			.isEqualTo(200);
		assertThat(WebappSessions.login(rest, "admin", ADMIN, ADMIN_PASSWORD).getStatusCode()).as("and in the webapps")
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void theWebappsLoginFormIsSlowedDownTooAndAnswersInGerman() throws Exception {
		String user = "claudia.hartmann";
		ResponseEntity<String> refused = null;
		for (int attempt = 0; attempt < 40 && refused == null; attempt++) {
			ResponseEntity<String> answer = WebappSessions.login(rest, "tasklist", user, "geraten-" + attempt);
			if (answer.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS) {
				refused = answer;
			}
			else {
				assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			}
		}
		assertThat(refused).isNotNull();
		assertThat(refused.getBody()).contains("Bitte versuchen Sie es in");

		Thread.sleep(Duration.ofSeconds(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).plusMillis(200).toMillis());
		assertThat(WebappSessions.login(rest, "tasklist", user, "demo").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	/**
	 * What the engine keeps in its database: nothing that locks. Guesses spread over days (each
	 * after the previous delay had passed, the way the engine's own lock-out counts them) leave
	 * the admin able to log in, so no lock can survive a restart either.
	 */
	@Test
	void guessesSpreadOverDaysNeverLockTheAdminInTheDatabase() {
		IdentityService identity = engine.getIdentityService();
		Instant start = Instant.now();
		try {
			for (int day = 1; day <= 15; day++) {
				ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(day))));
				assertThat(identity.checkPassword(ADMIN, "geraten-" + day)).isFalse();
			}
			assertThat(identity.checkPassword(ADMIN, ADMIN_PASSWORD)).as("the admin after 15 wrong passwords").isTrue();
		}
		finally {
			// a right password clears the counter (also if an assertion above failed), then the clock goes back
			identity.unlockUser(ADMIN);
			ClockUtil.reset();
		}
	}

	/** One request with its own socket from the given local address: the client address the server sees. */
	private int basicAuthStatus(InetAddress from, String user, String password) throws IOException {
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, from, 0)) {
			String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			OutputStream out = socket.getOutputStream();
			out.write(("GET /engine-rest/user HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic " + credentials
					+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
			return Integer.parseInt(statusLine.substring(9, 12));
		}
	}

}
