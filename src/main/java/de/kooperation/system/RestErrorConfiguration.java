package de.kooperation.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Bad input is the client's fault, and /engine-rest says so with a 4xx and a clear message, never
 * with a 500:
 * <ul>
 * <li>The engine wraps an exception thrown by a listener (our server-side form check, the start
 * guard) and /engine-rest would answer 500: a refusal in the cause chain answers 400 with its
 * German message.</li>
 * <li>A value the database cannot hold (SQL state class 22, "data exception", e.g. a text longer
 * than its column) is 400; the transaction has rolled back.</li>
 * <li>A Java-serialized object variable (prohibited, ENGINE-17007) is 400.</li>
 * <li>An unknown task or instance is 404.</li>
 * <li>Unreadable JSON, or JSON of the wrong shape, is 400 with a JSON message (Camunda answers it
 * in plain text with its class names); a body that is just {@code null} is 400.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RestErrorConfiguration {

	/** Engine message code: a variable in Java serialization format, which the engine refuses. */
	private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

	private static final String BAD_JSON = "Die Anfrage ist kein gültiges JSON oder hat nicht die erwartete Form "
			+ "(z. B. {\"variables\": {\"name\": {\"value\": …}}}).";

	@Bean
	ResourceConfigCustomizer badInputAsClientError() {
		return config -> config.register(RestExceptionMapper.class)
			.register(EngineExceptionMapper.class)
			.register(JsonMappingMapper.class)
			.register(JsonParseMapper.class)
			.register(NullBodyFilter.class);
	}

	@Priority(1)
	static class RestExceptionMapper implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException exception) {
			Response refused = refused(exception);
			if (refused != null) {
				return refused;
			}
			return answer(exception.getStatus() != null ? exception.getStatus() : Response.Status.INTERNAL_SERVER_ERROR, exception);
		}

	}

	@Priority(1)
	static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException exception) {
			Response refused = refused(exception);
			return refused != null ? refused : new ProcessEngineExceptionHandler().toResponse(exception);
		}

	}

	@Priority(1)
	static class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {

		@Override
		public Response toResponse(JsonMappingException exception) {
			return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", BAD_JSON);
		}

	}

	@Priority(1)
	static class JsonParseMapper implements ExceptionMapper<JsonParseException> {

		@Override
		public Response toResponse(JsonParseException exception) {
			return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", BAD_JSON);
		}

	}

	/** A JSON body that is just {@code null} would reach the resources as a missing object. */
	@Priority(1)
	static class NullBodyFilter implements ContainerRequestFilter {

		@Override
		public void filter(ContainerRequestContext request) throws IOException {
			if (!request.hasEntity() || request.getMediaType() == null || !request.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
				return;
			}
			byte[] body = request.getEntityStream().readAllBytes();
			request.setEntityStream(new ByteArrayInputStream(body));
			if (new String(body, java.nio.charset.StandardCharsets.UTF_8).strip().equals("null")) {
				request.abortWith(answer(Response.Status.BAD_REQUEST, "InvalidRequestException", BAD_JSON));
			}
		}

	}

	/** The answer for a refusal found in the cause chain, or null when the exception is none. */
	static Response refused(Throwable exception) {
		for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof FormFieldValidationException || t instanceof BadUserRequestException) {
				return answer(Response.Status.BAD_REQUEST, t);
			}
			if (t instanceof NullValueException || t instanceof NotFoundException) {
				return answer(Response.Status.NOT_FOUND, t);
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				return answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
						"Ein Wert ist zu lang oder hat ein ungültiges Format; es wurde nichts gespeichert.");
			}
			if (t instanceof ProcessEngineException && t.getMessage() != null && t.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED)) {
				return answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
						"Objekte im Format der Java-Serialisierung werden nicht angenommen; bitte Werte als Text, Zahl, Datum oder JSON senden.");
			}
		}
		return null;
	}

	private static Response answer(Response.Status status, Throwable shown) {
		return answer(status, shown.getClass().getSimpleName(), shown.getMessage());
	}

	private static Response answer(Response.Status status, String type, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("message", message);
		return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

}
