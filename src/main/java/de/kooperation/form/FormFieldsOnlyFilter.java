package de.kooperation.form;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.kooperation.system.WebappLogin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A task is completed with the fields of its form and nothing else. Tasklist sends exactly those;
 * a REST client could add any variable of the process (a later end of funding, another Kommune's
 * group, a decision of a later step), and the form check on completion cannot tell a sent variable
 * from one the process already has. So completions and form submissions over the engine's REST API
 * ({@code /engine-rest}) and the webapps' ({@code /camunda/api/engine}) that carry variables the
 * task's form does not have are refused with 400 before they reach the engine; nothing is saved.
 *
 * <p>Only for a task the caller can see (the query runs as the caller), and only for tasks with one
 * of our Camunda Forms; everything else goes on to the engine, which answers as before.
 */
class FormFieldsOnlyFilter extends OncePerRequestFilter {

	private static final Pattern COMPLETION = Pattern
		.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form)$");

	private final FormRules rules;

	private final TaskService tasks;

	private final IdentityService identity;

	private final WebappLogin webappLogin;

	private final ObjectMapper json;

	FormFieldsOnlyFilter(FormRules rules, TaskService tasks, IdentityService identity, WebappLogin webappLogin, ObjectMapper json) {
		this.rules = rules;
		this.tasks = tasks;
		this.identity = identity;
		this.webappLogin = webappLogin;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher completion = COMPLETION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!"POST".equals(request.getMethod()) || !completion.matches()) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		HttpServletRequest again = new BodyAgain(request, body);
		List<String> sent = variableNames(body);
		if (sent.isEmpty()) {
			chain.doFilter(again, response);
			return;
		}
		boolean webapp = !completion.group(1).equals("/engine-rest");
		Task task = visibleTask(completion.group(2), webapp, request);
		String formId = task == null || task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
		if (formId == null || !rules.knows(formId)) {
			chain.doFilter(again, response);
			return;
		}
		List<String> fields = rules.fieldKeys(formId);
		List<String> foreign = sent.stream().filter(name -> !fields.contains(name)).map(FormRules::abbreviate).toList();
		if (foreign.isEmpty()) {
			chain.doFilter(again, response);
			return;
		}
		Map<String, Object> refusal = new LinkedHashMap<>();
		refusal.put("type", "InvalidRequestException");
		refusal.put("message", "Die Aufgabe „" + task.getName() + "“ kann so nicht abgeschlossen werden: "
				+ (foreign.size() == 1 ? "„" + foreign.get(0) + "“ ist kein Feld ihres Formulars."
						: "„" + String.join("“, „", foreign) + "“ sind keine Felder ihres Formulars.")
				+ " Es wurde nichts gespeichert.");
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json.writeValue(response.getOutputStream(), refusal);
	}

	/** The names under "variables"; none when the body is no such JSON (the engine refuses it itself). */
	private List<String> variableNames(byte[] body) {
		List<String> names = new ArrayList<>();
		try {
			JsonNode variables = json.readTree(body).path("variables");
			if (variables.isObject()) {
				variables.fieldNames().forEachRemaining(names::add);
			}
		}
		catch (IOException | RuntimeException e) {
			// malformed: left to the engine's own answer
		}
		return names;
	}

	/**
	 * The task as the caller sees it. /engine-rest: the REST authentication filter has already set
	 * the caller; the webapps' API: the user logged in to this HTTP session.
	 */
	private Task visibleTask(String taskId, boolean webapp, HttpServletRequest request) {
		Authentication before = identity.getCurrentAuthentication();
		try {
			if (webapp) {
				WebappLogin.User user = webappLogin.current(request).orElse(null);
				if (user == null) {
					return null;
				}
				identity.setAuthentication(user.id(), user.groupIds());
			}
			else if (before == null) {
				return null;
			}
			return tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
		}
		catch (ProcessEngineException e) {
			return null;
		}
		finally {
			if (webapp && before == null) {
				identity.clearAuthentication();
			}
			else if (webapp) {
				identity.setAuthentication(before);
			}
		}
	}

	/** The request with its body readable once more, for the engine. */
	private static final class BodyAgain extends HttpServletRequestWrapper {

		private final byte[] body;

		BodyAgain(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
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
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
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
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
