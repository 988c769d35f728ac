package de.kooperation.system;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.WebRequest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring's answers to errors outside our controllers (an unknown page or API path, a wrong method,
 * a request Spring refused before a controller ran) carry a German {@code message}, as JSON for API
 * clients and in the error page for people; never Spring's English or a stack trace. A direct call of
 * {@code /error} is an unknown page (404), not a server error.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPageConfiguration {

	@Bean
	ErrorAttributes germanErrorAttributes() {
		return new DefaultErrorAttributes() {

			@Override
			public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
				Map<String, Object> attributes = super.getErrorAttributes(request,
						options.excluding(ErrorAttributeOptions.Include.EXCEPTION, ErrorAttributeOptions.Include.STACK_TRACE)
							.including(ErrorAttributeOptions.Include.MESSAGE));
				int status = attributes.get("status") instanceof Integer code ? code : 500;
				if (status == 999) {
					// no error at all: /error was opened directly
					status = 404;
					attributes.put("status", status);
				}
				Object message = attributes.get("message");
				attributes.put("message", GermanMessages.of(status, message == null ? null : message.toString()));
				attributes.put("error", GermanMessages.forStatus(status));
				attributes.remove("trace");
				attributes.remove("exception");
				return attributes;
			}

		};
	}

	@Bean
	BasicErrorController basicErrorController(ErrorAttributes errorAttributes, ServerProperties server,
			List<ErrorViewResolver> resolvers) {
		return new BasicErrorController(errorAttributes, server.getError(), resolvers) {

			@Override
			protected HttpStatus getStatus(HttpServletRequest request) {
				if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
					// /error opened directly: nothing failed, there is just no such page
					return HttpStatus.NOT_FOUND;
				}
				return super.getStatus(request);
			}

		};
	}

}
