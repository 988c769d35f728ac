package de.kooperation.system;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Everything this server answers stays with this server, for every path (webapps, their API,
 * /engine-rest, /api and the app's own pages):
 * <ul>
 * <li>a request that changes something (POST, PUT, PATCH, DELETE) and says it comes from a page of
 * another origin ({@code Origin} header) is refused with 403 and a German message, before any login
 * or CSRF check: another site's page cannot act with a user's session. Requests without
 * {@code Origin} (REST clients, curl) pass; browsers send it with every such request.</li>
 * <li>{@code X-Frame-Options: DENY} (besides the CSP's {@code frame-ancestors 'none'}, for browsers
 * without CSP) and {@code Referrer-Policy: same-origin}: no addresses of Kommune pages leak to other
 * sites, while same-origin requests keep their {@code Origin}.</li>
 * </ul>
 * The own origin is the one the request was addressed to (scheme, host and port; behind a reverse
 * proxy with {@code server.forward-headers-strategy}) or that of {@code kooperation.reminder.base-url}.
 */
class SameOriginFilter extends OncePerRequestFilter {

	private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

	static final String REFUSAL = "Diese Anfrage kommt von einer fremden Seite und wurde abgelehnt. "
			+ "Bitte arbeiten Sie direkt in der Anwendung.";

	private final String configuredOrigin;

	SameOriginFilter(String baseUrl) {
		this.configuredOrigin = origin(baseUrl);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin != null && CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT)) && !ownOrigin(origin, request)) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			String path = request.getRequestURI();
			if (path.startsWith("/engine-rest") || path.startsWith("/api") || path.startsWith("/camunda/api")) {
				response.setContentType("application/json;charset=UTF-8");
				response.getWriter().write("{\"type\":\"Forbidden\",\"message\":\"" + REFUSAL + "\"}");
			}
			else {
				response.setContentType("text/plain;charset=UTF-8");
				response.getWriter().write(REFUSAL);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean ownOrigin(String origin, HttpServletRequest request) {
		String normalized = origin(origin);
		if (normalized == null) {
			// "null" (an opaque origin: sandboxed frame, data: page) or garbage: never our own pages
			return false;
		}
		String addressed = origin(request.getScheme() + "://" + hostAndPort(request));
		return normalized.equals(addressed) || normalized.equals(configuredOrigin);
	}

	private static String hostAndPort(HttpServletRequest request) {
		String host = request.getServerName();
		return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + request.getServerPort();
	}

	/** scheme://host:port in lower case with the default port made explicit; null if not an http(s) origin. */
	static String origin(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			URI uri = URI.create(url.trim());
			String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
			if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
				return null;
			}
			int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
		}
		catch (IllegalArgumentException malformed) {
			return null;
		}
	}

}
