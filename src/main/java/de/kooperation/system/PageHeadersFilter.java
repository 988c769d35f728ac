package de.kooperation.system;

import java.io.IOException;
import java.util.regex.Pattern;

import org.camunda.bpm.webapp.impl.security.filter.headersec.HttpHeaderSecurityFilter;
import org.camunda.bpm.webapp.impl.security.filter.headersec.provider.impl.ContentSecurityPolicyProvider;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The webapps' own security headers (Camunda's filter, configured by the same
 * {@code camunda.bpm.webapp.header-security.*} properties) for the app's own pages, PDFs, SVG,
 * CSV and APIs: the same Content-Security-Policy (with {@code frame-ancestors 'none'}),
 * {@code X-Content-Type-Options: nosniff}, {@code X-XSS-Protection} and, where enabled (prod),
 * {@code Strict-Transport-Security}.
 *
 * <p>Two differences: Camunda's CSP provider keeps each request's nonce in the servlet context for
 * the webapps' index page to read; our pages use no script, and a nonce written from here could
 * overwrite one a webapp page is about to embed, so here the nonce stays in the header. And a PDF
 * gets the policy without its {@code sandbox} directive: browsers show PDFs with a viewer plugin,
 * which does not run in a sandboxed document (the PDF would not open).
 */
class PageHeadersFilter extends HttpHeaderSecurityFilter {

	private static final Pattern SANDBOX = Pattern.compile(";?\\s*sandbox[^;]*");

	PageHeadersFilter() {
		headerSecurityProviders.replaceAll(provider -> provider instanceof ContentSecurityPolicyProvider ? new OwnNonce() : provider);
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
		super.doFilter(request, response, (sameRequest, sameResponse) -> {
			HttpServletResponse http = (HttpServletResponse) sameResponse;
			String policy = http.getHeader(ContentSecurityPolicyProvider.HEADER_NAME);
			if (policy != null && ((HttpServletRequest) sameRequest).getRequestURI().endsWith(".pdf")) {
				http.setHeader(ContentSecurityPolicyProvider.HEADER_NAME, SANDBOX.matcher(policy).replaceAll(""));
			}
			chain.doFilter(sameRequest, sameResponse);
		});
	}

	private static final class OwnNonce extends ContentSecurityPolicyProvider {

		@Override
		public String getHeaderValue(ServletContext servletContext) {
			return value.replace(HEADER_NONCE_PLACEHOLDER, "'nonce-" + generateNonce() + "'");
		}

	}

}
