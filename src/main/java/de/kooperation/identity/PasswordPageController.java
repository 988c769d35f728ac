package de.kooperation.identity;

import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.kooperation.system.WebappLogin;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Passwort festlegen": the page behind the link of the welcome mail. Open without login; the
 * token in the link is the proof (and, unknown to other sites, protects the form as well).
 */
@Controller
class PasswordPageController {

	static final String PATH = "/passwort";

	/** Long enough to resist guessing, short enough to type; the engine has no policy switched on. */
	static final int MIN_LENGTH = 10;

	private final PasswordTokens tokens;

	private final IdentityService identityService;

	PasswordPageController(PasswordTokens tokens, IdentityService identityService) {
		this.tokens = tokens;
		this.identityService = identityService;
	}

	@GetMapping(PATH + "/{token}")
	String form(@PathVariable String token, HttpServletResponse response, Model model) {
		Optional<String> user = tokens.userOf(token, now());
		if (user.isEmpty()) {
			return expired(response, model);
		}
		model.addAttribute("userId", user.get());
		model.addAttribute("token", token);
		return "passwort";
	}

	@PostMapping(PATH + "/{token}")
	@Transactional
	String choose(@PathVariable String token, @RequestParam(name = "password", required = false) String password,
			@RequestParam(name = "repeated", required = false) String repeated, HttpServletResponse response, Model model) {
		Optional<String> userId = tokens.userOf(token, now());
		if (userId.isEmpty()) {
			return expired(response, model);
		}
		String problem = problem(userId.get(), password, repeated);
		if (problem != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("userId", userId.get());
			model.addAttribute("token", token);
			model.addAttribute("error", problem);
			return "passwort";
		}
		User user = identityService.createUserQuery().userId(userId.get()).singleResult();
		if (user == null) {
			return expired(response, model);
		}
		user.setPassword(password);
		identityService.saveUser(user);
		tokens.used(userId.get());
		model.addAttribute("userId", userId.get());
		model.addAttribute("loginPage", WebappLogin.LOGIN_PAGE);
		return "passwort-gespeichert";
	}

	private static String problem(String userId, String password, String repeated) {
		if (password == null || password.isEmpty()) {
			return "Bitte ein Passwort eingeben.";
		}
		if (password.length() < MIN_LENGTH) {
			return "Das Passwort ist zu kurz: bitte mindestens " + MIN_LENGTH + " Zeichen.";
		}
		if (password.length() > 200) {
			return "Das Passwort ist zu lang: bitte höchstens 200 Zeichen.";
		}
		if (password.equalsIgnoreCase(userId)) {
			return "Das Passwort darf nicht der Benutzername sein.";
		}
		if (!password.equals(repeated)) {
			return "Die beiden Eingaben stimmen nicht überein. Bitte das Passwort zweimal gleich eingeben.";
		}
		return null;
	}

	private static String expired(HttpServletResponse response, Model model) {
		return WebappLogin.refused(response, model, HttpStatus.NOT_FOUND, "Dieser Link ist abgelaufen oder wurde schon "
				+ "benutzt. Bitte wenden Sie sich an Ihre Ansprechperson in der Transferagentur; Sie erhalten dann einen neuen Link.");
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
