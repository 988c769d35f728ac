package de.kooperation;

import java.util.List;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Logs in to a Camunda webapp the way its login page does: with the session's CSRF token. */
public final class WebappSessions {

	private WebappSessions() {
	}

	public static ResponseEntity<String> login(TestRestTemplate rest, String app, String user, String password) {
		HttpHeaders fetch = new HttpHeaders();
		fetch.set("X-XSRF-TOKEN", "Fetch");
		ResponseEntity<String> page = rest.exchange("/camunda/app/" + app + "/", HttpMethod.GET, new HttpEntity<>(fetch),
				String.class);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
		headers.put(HttpHeaders.COOKIE, page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.map(cookie -> cookie.split(";", 2)[0])
			.toList());
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", password);
		return rest.postForEntity("/camunda/api/admin/auth/user/default/login/{app}", new HttpEntity<>(form, headers),
				String.class, app);
	}

	/** Headers carrying the session cookie of a successful login. */
	public static HttpHeaders sessionOf(ResponseEntity<String> loggedIn) {
		HttpHeaders headers = new HttpHeaders();
		headers.put(HttpHeaders.COOKIE, loggedIn.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.map(cookie -> cookie.split(";", 2)[0])
			.toList());
		return headers;
	}

	/** A MockMvc session of a user logged in to the webapps (as the own pages see one), without a login. */
	public static MockHttpSession of(String userId, String... groups) {
		MockHttpSession session = new MockHttpSession();
		UserAuthentication user = new UserAuthentication(userId, "default");
		user.setGroupIds(List.of(groups));
		Authentications authentications = new Authentications();
		authentications.addOrReplace(user);
		AuthenticationUtil.updateSession(session, authentications);
		return session;
	}

}
