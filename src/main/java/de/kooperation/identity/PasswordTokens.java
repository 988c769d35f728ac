package de.kooperation.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time links to choose a password. The token goes only into the mail; the table keeps its
 * SHA-256 hash and an expiry, so reading the table gives nobody a working link. Using a token,
 * or issuing a new one, removes every earlier token of that user.
 */
@Repository
class PasswordTokens {

	/** How long a welcome link works: long enough for a mayor's office to open the mail. */
	static final Duration VALID = Duration.ofDays(14);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	PasswordTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** 256 random bits, URL-safe. */
	static String randomSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A new token for the user; the plain token is returned once and never stored. */
	String issue(String userId, Instant now) {
		String token = randomSecret();
		jdbc.sql("delete from koop_password_token where user_id = ?").param(userId).update();
		jdbc.sql("insert into koop_password_token (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(hash(token), userId, Timestamp.from(now), Timestamp.from(now.plus(VALID)))
			.update();
		return token;
	}

	/** The user of a token that is known and not expired. */
	Optional<String> userOf(String token, Instant now) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select user_id from koop_password_token where token_hash = ? and expires_at > ?")
			.params(hash(token), Timestamp.from(now))
			.query(String.class)
			.optional();
	}

	void used(String userId) {
		jdbc.sql("delete from koop_password_token where user_id = ?").param(userId).update();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 fehlt in dieser Java-Laufzeit", e);
		}
	}

}
