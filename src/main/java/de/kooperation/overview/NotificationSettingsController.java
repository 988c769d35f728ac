package de.kooperation.overview;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import de.kooperation.reminder.ReminderPreferences;
import de.kooperation.reminder.ReminderPreferences.Choice;
import de.kooperation.reminder.ReminderPreferences.Preferences;
import de.kooperation.system.WebappLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Benachrichtigungen": everybody who logs in chooses for themselves between single reminder mails
 * and the Monday digest, and which single reminders they want. Only one's own settings: the page
 * knows no other user. Linked from every own page and from the footer of every reminder mail.
 */
@Controller
class NotificationSettingsController {

	static final String PATH = "/benachrichtigungen";

	private final PageAccess access;

	private final ReminderPreferences preferences;

	NotificationSettingsController(PageAccess access, ReminderPreferences preferences) {
		this.access = access;
		this.preferences = preferences;
	}

	@GetMapping(PATH)
	String show(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = access.anyone(request, response, model);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		return page(model, request, preferences.of(user.get().id()), request.getParameterMap().containsKey("gespeichert"));
	}

	@PostMapping(PATH)
	String save(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<WebappLogin.User> user = access.anyone(request, response, model);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		if (!PageAccess.validCsrf(request)) {
			return CollaborationPageController.expiredForm(response, model);
		}
		String mode = request.getParameter("modus");
		Set<Choice> kinds = EnumSet.noneOf(Choice.class);
		String[] chosen = request.getParameterValues("art");
		boolean unknown = !"einzeln".equals(mode) && !"woechentlich".equals(mode);
		if (chosen != null) {
			for (String kind : chosen) {
				try {
					kinds.add(Choice.valueOf(kind));
				}
				catch (IllegalArgumentException e) {
					unknown = true;
				}
			}
		}
		Preferences wanted = new Preferences("woechentlich".equals(mode), kinds);
		if (unknown) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", "Bitte wählen Sie eine der angebotenen Möglichkeiten; es wurde nichts gespeichert.");
			return page(model, request, wanted, false);
		}
		preferences.save(user.get().id(), wanted);
		return "redirect:" + PATH + "?gespeichert";
	}

	private String page(Model model, HttpServletRequest request, Preferences shown, boolean saved) {
		model.addAttribute("preferences", shown);
		model.addAttribute("choices", Choice.values());
		model.addAttribute("saved", saved);
		model.addAttribute("csrf", PageAccess.csrfToken(request));
		return "benachrichtigungen";
	}

}
