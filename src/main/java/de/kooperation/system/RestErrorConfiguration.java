package de.kooperation.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.apache.catalina.Container;
import org.apache.catalina.Wrapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

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

	private static final Logger LOG = LoggerFactory.getLogger(RestErrorConfiguration.class);

	/** The engine's words for deleting a task that belongs to a running process. */
	/** The webapps' own API, whose clients (Tasklist, Cockpit) read some engine messages themselves. */
	private static final String WEBAPP_API = "/camunda/api/";

	/** What Tasklist looks for in a message to show its own text (camunda-tasklist-bootstrap.js, 7.24). */
	private static final List<String> TASKLIST_MARKERS = List.of("task is null", "No matching task", "is suspended");

	/** The engine's words for an object variable in a format it has no serializer for (a client's choice). */
	private static final String NO_SERIALIZER = "Cannot find serializer for value";

	/** The engine's words for a query by an object value. */
	private static final String OBJECT_QUERY = "Object values cannot be used to query";

	private static final String RUNNING_PROCESS_TASK = "cannot be deleted because is part of a running process";

	private static final String BAD_JSON = "Die Anfrage ist kein gültiges JSON oder hat nicht die erwartete Form "
			+ "(z. B. {\"variables\": {\"name\": {\"value\": …}}}).";

	/** Our answers to errors, for both JAX-RS applications that serve the engine's REST resources. */
	private static final List<Class<?>> PROVIDERS = List.of(RestExceptionMapper.class, EngineExceptionMapper.class, WebApplicationMapper.class, UnexpectedMapper.class,
			JsonMappingMapper.class, JsonParseMapper.class, NullBodyFilter.class);

	/** The servlet of the webapps' engine API (/camunda/api/engine), as Camunda's webapp initializer names it. */
	static final String WEBAPP_ENGINE_API_SERVLET = "Engine Api";

	@Bean
	ResourceConfigCustomizer badInputAsClientError() {
		return config -> PROVIDERS.forEach(config::register);
	}

	/**
	 * Tasklist talks to the engine through the webapps' own JAX-RS application, a second REST
	 * channel with Camunda's error handling: the same refusal answered 400 on /engine-rest was a 500
	 * with "Cannot submit task form …: ENGINE-03051 …" there. Jersey takes extra providers from the
	 * servlet's init parameter, so both channels answer alike. Camunda's initializer registers that
	 * servlet in no fixed order with ours, so the parameter is added when Tomcat adds the servlet.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> webappApiErrors() {
		return factory -> factory.addContextCustomizers(context -> context.addContainerListener(event -> {
			if (Container.ADD_CHILD_EVENT.equals(event.getType()) && event.getData() instanceof Wrapper servlet
					&& WEBAPP_ENGINE_API_SERVLET.equals(servlet.getName())) {
				servlet.addInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
						String.join(",", PROVIDERS.stream().map(Class::getName).toList()));
			}
		}));
	}

	@Priority(1)
	static class RestExceptionMapper implements ExceptionMapper<RestException> {

		@Context
		private HttpServletRequest request;

		@Override
		public Response toResponse(RestException exception) {
			Response refused = refused(exception);
			if (refused != null) {
				return forWebapps(refused, exception, request);
			}
			Response.Status status = exception.getStatus() != null ? exception.getStatus() : Response.Status.INTERNAL_SERVER_ERROR;
			if (status.getStatusCode() >= 500) {
				LOG.warn("REST error answered with 500", exception);
			}
			return forWebapps(answer(status, exception), exception, request);
		}

	}

	@Priority(1)
	static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

		@Context
		private HttpServletRequest request;

		@Override
		public Response toResponse(ProcessEngineException exception) {
			Response refused = refused(exception);
			if (refused != null) {
				return forWebapps(refused, exception, request);
			}
			Response.Status status = ExceptionHandlerHelper.getInstance().getStatus(exception);
			if (status.getStatusCode() >= 500) {
				LOG.warn("Engine error answered with 500", exception);
			}
			return forWebapps(answer(status, exception), exception, request);
		}

	}

	/** Jersey's own answers: an unknown path (404), a wrong method (405), a wrong content type (415). */
	@Priority(1)
	static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {

		@Override
		public Response toResponse(WebApplicationException exception) {
			return answer(Response.Status.fromStatusCode(exception.getResponse().getStatus()), exception);
		}

	}

	/** Whatever else fails: a German 500, with the exception in the log, not in the answer. */
	@Priority(1)
	static class UnexpectedMapper implements ExceptionMapper<Throwable> {

		@Override
		public Response toResponse(Throwable exception) {
			Response refused = refused(exception);
			if (refused != null) {
				return refused;
			}
			LOG.warn("Unexpected error answered with 500", exception);
			return answer(Response.Status.INTERNAL_SERVER_ERROR, exception);
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
			if (new String(body, StandardCharsets.UTF_8).strip().equals("null")) {
				request.abortWith(answer(Response.Status.BAD_REQUEST, "InvalidRequestException", BAD_JSON));
			}
		}

	}

	/**
	 * Tasklist recognises a task that is gone or suspended by the engine's own words and then shows its
	 * own German sentence ("Die Aufgabe existiert nicht mehr"); on the webapps' channel those words stay.
	 */
	private static Response forWebapps(Response answer, Throwable exception, HttpServletRequest request) {
		if (request == null || !request.getRequestURI().startsWith(request.getContextPath() + WEBAPP_API)) {
			return answer;
		}
		for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
			String message = t.getMessage();
			if (message != null && TASKLIST_MARKERS.stream().anyMatch(message::contains) && answer.getEntity() instanceof Map<?, ?> body) {
				Map<Object, Object> kept = new LinkedHashMap<>(body);
				kept.put("message", message);
				return Response.status(answer.getStatus()).entity(kept).type(MediaType.APPLICATION_JSON_TYPE).build();
			}
		}
		return answer;
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
			if (t instanceof ProcessEngineException && t.getMessage() != null && t.getMessage().contains(NO_SERIALIZER)) {
				return answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
						"Objekte in diesem Format werden nicht angenommen; bitte Werte als Text, Zahl, Datum oder ja/nein senden. Es wurde nichts gespeichert.");
			}
			if (t instanceof ProcessEngineException && t.getMessage() != null && t.getMessage().contains(OBJECT_QUERY)) {
				return answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
						"Nach Objekt-Werten kann nicht gesucht werden; bitte Text, Zahl, Datum oder ja/nein angeben.");
			}
			if (t instanceof TaskAlreadyClaimedException) {
				return answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
						"Diese Aufgabe hat bereits jemand anderes übernommen.");
			}
			if (t instanceof OptimisticLockingException) {
				return answer(Response.Status.CONFLICT, t);
			}
			if (t instanceof ProcessEngineException && t.getMessage() != null && t.getMessage().contains(RUNNING_PROCESS_TASK)) {
				return answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
						"Eine Aufgabe eines laufenden Prozesses kann nicht gelöscht werden; sie wird über ihr Formular abgeschlossen.");
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

	/** The body Camunda's clients read (type, message), the message in German. */
	private static Response answer(Response.Status status, String type, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("message", GermanMessages.of(status.getStatusCode(), message));
		return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

}
