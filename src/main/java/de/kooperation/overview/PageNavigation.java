package de.kooperation.overview;

import java.util.Optional;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import de.kooperation.shared.PartyGroups;
import de.kooperation.system.WebappLogin;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The links in the bar on top of every own page (templates/layout-style.html, "header"): each
 * user sees only what they may open, so no link ends on a refusal.
 */
@ControllerAdvice(annotations = Controller.class)
class PageNavigation {

	private final WebappLogin login;

	PageNavigation(WebappLogin login) {
		this.login = login;
	}

	@ModelAttribute
	void navigation(HttpServletRequest request, Model model) {
		Optional<WebappLogin.User> user = login.current(request);
		boolean admin = user.map(u -> u.inAnyGroup(Groups.CAMUNDA_ADMIN)).orElse(false);
		boolean leadership = user.map(u -> u.inAnyGroup(PartyGroups.AGENCY_LEADERSHIP)).orElse(false);
		model.addAttribute("navAgency", user.map(PageAccess::isAgency).orElse(false));
		model.addAttribute("navRegister", admin || leadership);
		model.addAttribute("navCockpit", admin || leadership);
		model.addAttribute("navAdmin", admin);
		model.addAttribute("navUser", user.isPresent());
		model.addAttribute("navOwnMunicipality", user.filter(u -> !PageAccess.isAgency(u))
			.flatMap(u -> u.groupIds().stream().map(PartyGroups::municipalityOf).flatMap(Optional::stream).findFirst())
			.orElse(null));
	}

}
