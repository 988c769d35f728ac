package de.kooperation.overview;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.kooperation.system.WebappLogin;
import de.kooperation.shared.Zone;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The process owners' overview of every collaboration: phase, next milestone, what is overdue
 * per party, last activity, the instance in Cockpit; sortable, filterable by transfer manager
 * and phase, a page at a time, the logged-in transfer manager's own Kommunen first. Cockpit's
 * community edition has no such view.
 */
@Controller
class OverviewController {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
		.withZone(ZoneId.of(Zone.ID));

	private final PageAccess access;

	private final CollaborationFacts facts;

	private final StaffNames staffNames;

	private final int pageSize;

	OverviewController(PageAccess access, CollaborationFacts facts, StaffNames staffNames,
			@Value("${kooperation.overview.page-size:" + Pager.DEFAULT_SIZE + "}") int pageSize) {
		this.access = access;
		this.facts = facts;
		this.staffNames = staffNames;
		this.pageSize = pageSize;
	}

	@GetMapping("/kooperationen")
	String overview(@RequestParam(name = "phase", required = false) String phase,
			@RequestParam(name = "mitarbeiter", required = false) String staff,
			@RequestParam(name = "sortierung", defaultValue = "kommune") String sort,
			@RequestParam(name = "seite", defaultValue = "1") String page, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<WebappLogin.User> user = access.agency(request, response, model);
		if (user.isEmpty()) {
			return PageAccess.refusal(model);
		}
		List<CollaborationFacts.Summary> all = facts.all();
		List<CollaborationFacts.Summary> shown = all.stream()
			.filter(row -> blank(phase) || phase.equals(row.phase()))
			.filter(row -> blank(staff) || staff.equals(row.transferManager()))
			.sorted(ownFirst(user.get().id()).thenComparing(order(sort)))
			.toList();
		Pager pager = Pager.of(shown.size(), Pager.number(page), pageSize);
		model.addAttribute("rows", pager.slice(shown));
		model.addAttribute("pager", pager);
		model.addAttribute("phases", CollaborationFacts.PHASE_ORDER);
		Map<String, String> names = staffNames.agencyTeam();
		model.addAttribute("names", names);
		// the filter offers who looks after a Kommune, by name
		model.addAttribute("staff", all.stream().map(CollaborationFacts.Summary::transferManager).filter(Objects::nonNull).distinct()
			.sorted(Comparator.comparing(id -> names.getOrDefault(id, id))).toList());
		model.addAttribute("phase", phase);
		model.addAttribute("mitarbeiter", staff);
		model.addAttribute("sortierung", sort);
		model.addAttribute("today", CollaborationFacts.today());
		return "uebersicht";
	}

	/** A transfer manager's own Kommunen come first, in the order chosen; then all others. */
	static Comparator<CollaborationFacts.Summary> ownFirst(String userId) {
		return Comparator.comparing((CollaborationFacts.Summary row) -> !userId.equals(row.transferManager()));
	}

	/** "23.11.2026 14:05" for the template. */
	static String when(Instant instant) {
		return instant == null ? "–" : WHEN.format(instant);
	}

	static Comparator<CollaborationFacts.Summary> order(String sort) {
		Comparator<CollaborationFacts.Summary> byName = Comparator.comparing(row -> row.municipality().name());
		return switch (sort) {
			case "phase" -> Comparator.comparing((CollaborationFacts.Summary row) -> CollaborationFacts.PHASE_ORDER.indexOf(row.phase()))
				.thenComparing(byName);
			case "meilenstein" -> Comparator.comparing(
					(CollaborationFacts.Summary row) -> row.nextMilestone() == null ? null : row.nextMilestone().dueOn(),
					Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byName);
			case "ueberfaellig" -> Comparator
				.comparing((CollaborationFacts.Summary row) -> row.overdueAgency() + row.overdueMunicipality(), Comparator.reverseOrder())
				.thenComparing(byName);
			case "aktivitaet" -> Comparator.comparing(CollaborationFacts.Summary::lastActivity,
					Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(byName);
			default -> byName;
		};
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
