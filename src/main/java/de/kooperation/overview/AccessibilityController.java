package de.kooperation.overview;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.kooperation.reminder.ReminderProperties;

/**
 * "Erklärung zur Barrierefreiheit" (BITV 2.0 § 7): public bodies must publish one; open to
 * everybody, also before the login, and linked from every own page's footer.
 */
@Controller
class AccessibilityController {

	private final ReminderProperties properties;

	AccessibilityController(ReminderProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/barrierefreiheit")
	String statement(Model model) {
		model.addAttribute("contact", properties.getFrom());
		return "barrierefreiheit";
	}

}
