package de.kooperation.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies {@link LoginThrottle} where passwords are checked: HTTP Basic on /engine-rest and /api,
 * and the webapps' login form. A client that must wait gets 429 with a German message and
 * {@code Retry-After}; the password is then not even checked. Whether a password was wrong is
 * read from the answer (401), so the check itself stays the engine's.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	/** The webapps' login: POST /camunda/api/admin/auth/user/{engine}/login/{app}, form fields username and password. */
	static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isWebappLogin(request)) {
			request = new ReplayedBody(request);
		}
		String user = user(request);
		if (user == null) {
			chain.doFilter(request, response);
			return;
		}
		String client = request.getRemoteAddr();
		Duration wait = throttle.waitBefore(user, client);
		if (!wait.isZero()) {
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			response.setContentType("application/json;charset=UTF-8");
			response.getWriter().write("{\"type\":\"TooManyRequests\",\"message\":\"Zu viele fehlgeschlagene Anmeldungen. "
					+ "Bitte versuchen Sie es in " + seconds + (seconds == 1 ? " Sekunde" : " Sekunden") + " erneut.\"}");
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			throttle.failed(user, client);
		}
		else if (response.getStatus() < 400) {
			throttle.succeeded(user, client);
		}
	}

	/** The user name a password is given for in this request, or null if none is. */
	private static String user(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return colon < 0 ? decoded : decoded.substring(0, colon);
			}
			catch (IllegalArgumentException notBase64) {
				return null;
			}
		}
		if (request instanceof ReplayedBody login) {
			return login.formField("username");
		}
		return null;
	}

	private static boolean isWebappLogin(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && request.getRequestURI().startsWith(WEBAPP_LOGIN)
				&& request.getRequestURI().contains("/login/");
	}

	/**
	 * The login form read here and handed on unread: reading it as request parameters would leave
	 * the webapps' JAX-RS resource to fall back on them (and warn at every login).
	 */
	private static final class ReplayedBody extends HttpServletRequestWrapper {

		/** A login form is a user name and a password; more is not a login. */
		private static final int LIMIT = 16 * 1024;

		private final byte[] body;

		ReplayedBody(HttpServletRequest request) throws IOException {
			super(request);
			this.body = request.getInputStream().readNBytes(LIMIT);
		}

		String formField(String name) {
			for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
				int equals = pair.indexOf('=');
				String key = equals < 0 ? pair : pair.substring(0, equals);
				if (name.equals(key)) {
					try {
						return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
					}
					catch (IllegalArgumentException malformed) {
						return "";
					}
				}
			}
			return "";
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
