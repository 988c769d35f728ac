package de.kooperation.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without ever locking an account. The engine's own counting
 * (ten wrong passwords lock a user for good, kept in the database) would let anybody who can
 * reach /engine-rest lock out any user, the admin included; it is switched off in
 * application.yaml. Instead, failures are counted per user name <em>and</em> client address, in
 * memory: after {@code freeAttempts} wrong passwords in a row that client waits before its next
 * try for that user (1 s, doubling, at most {@code maxDelay}); a right password, or a restart,
 * clears it. A stranger slows down only himself, never the user's own logins from elsewhere.
 */
@Component
@ConfigurationProperties("kooperation.login-throttle")
public class LoginThrottle {

	/** More clients than this forget their oldest expired entries first; bounds the memory an attacker can fill. */
	private static final int MAX_ENTRIES = 10_000;

	private int freeAttempts = 5;

	private Duration maxDelay = Duration.ofSeconds(60);

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private record Failures(int count, Instant blockedUntil, Instant last) {
	}

	/** How long this client must still wait before trying this user again; zero if it may try now. */
	Duration waitBefore(String user, String client) {
		Failures entry = failures.get(key(user, client));
		if (entry == null) {
			return Duration.ZERO;
		}
		Duration wait = Duration.between(Instant.now(), entry.blockedUntil());
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	void failed(String user, String client) {
		Instant now = Instant.now();
		if (failures.size() >= MAX_ENTRIES) {
			failures.values().removeIf(entry -> entry.last().plus(maxDelay).isBefore(now));
		}
		failures.compute(key(user, client), (key, entry) -> {
			int count = entry == null ? 1 : entry.count() + 1;
			return new Failures(count, now.plus(delayAfter(count)), now);
		});
	}

	void succeeded(String user, String client) {
		failures.remove(key(user, client));
	}

	private Duration delayAfter(int count) {
		if (count < freeAttempts) {
			return Duration.ZERO;
		}
		int doublings = Math.min(count - freeAttempts, 30);
		Duration delay = Duration.ofSeconds(1L << doublings);
		return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
	}

	private static String key(String user, String client) {
		return user + '\n' + client;
	}

	public int getFreeAttempts() {
		return freeAttempts;
	}

	public void setFreeAttempts(int freeAttempts) {
		this.freeAttempts = freeAttempts;
	}

	public Duration getMaxDelay() {
		return maxDelay;
	}

	public void setMaxDelay(Duration maxDelay) {
		this.maxDelay = maxDelay;
	}

}
