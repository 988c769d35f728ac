package de.kooperation.overview;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.kooperation.municipality.MunicipalityRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The agency's steering page and its CSV (agency only): phase durations against what the
 * agreements promise, late tasks per party, the movement of the maturity profile. The charts are
 * inline SVG drawn from the same figures as the tables beside them.
 */
@Controller
class SteeringPageController {

	/** Width of a chart's plotting area in SVG units (labels sit left of it). */
	static final int PLOT = 420;

	static final int LABEL = 190;

	/** A horizontal bar: its row, where it starts and how long it is, in SVG units. */
	record Bar(String label, int y, int x, int width, String value) {
	}

	private final SteeringReport steering;

	private final PageAccess access;

	private final MunicipalityRepository municipalities;

	private final int pageSize;

	SteeringPageController(SteeringReport steering, PageAccess access, MunicipalityRepository municipalities,
			@Value("${kooperation.overview.page-size:" + Pager.DEFAULT_SIZE + "}") int pageSize) {
		this.steering = steering;
		this.access = access;
		this.municipalities = municipalities;
		this.pageSize = pageSize;
	}

	@GetMapping("/kooperationen/steuerung")
	String page(@RequestParam(name = "seite", defaultValue = "1") String page, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (access.agency(request, response, model).isEmpty()) {
			return PageAccess.refusal(model);
		}
		SteeringReport.Report report = steering.report();
		model.addAttribute("report", report);
		// every phase of every Kommune is a row: a page at a time (the CSV has them all)
		Pager pager = Pager.of(report.runs().size(), Pager.number(page), pageSize);
		List<SteeringReport.PhaseRun> runs = pager.slice(report.runs());
		model.addAttribute("runs", runs);
		model.addAttribute("pager", pager);
		// the names of the Kommunen on this page and of those with a phase's longest run, not of all
		List<String> shown = new ArrayList<>(runs.stream().map(SteeringReport.PhaseRun::municipalityId).toList());
		report.phases().forEach(phase -> shown.add(phase.longestMunicipality()));
		model.addAttribute("names", municipalities.namesOf(shown));
		model.addAttribute("promisedMin", SteeringReport.ANALYSIS_PROMISED_MIN_MONTHS);
		model.addAttribute("promisedMax", SteeringReport.ANALYSIS_PROMISED_MAX_MONTHS);

		// phase durations in months: median and longest per phase, the promised band for the analysis
		List<SteeringReport.PhaseFigures> passed = report.phases().stream().filter(p -> p.kommunen() > 0).toList();
		double maxMonths = Math.max(SteeringReport.ANALYSIS_PROMISED_MAX_MONTHS,
				passed.stream().mapToDouble(p -> p.longestDays() / 30.44).max().orElse(0));
		Function<Double, Integer> scale = months -> (int) Math.round(LABEL + PLOT * months / maxMonths);
		List<Bar> medians = new ArrayList<>();
		List<Bar> longest = new ArrayList<>();
		for (int i = 0; i < passed.size(); i++) {
			SteeringReport.PhaseFigures phase = passed.get(i);
			int y = 30 + i * 34;
			longest.add(new Bar(phase.phase(), y, LABEL, scale.apply(phase.longestDays() / 30.44) - LABEL, phase.longestMonths()));
			medians.add(new Bar(phase.phase(), y + 8, LABEL, scale.apply(phase.medianDays() / 30.44) - LABEL, phase.medianMonths()));
		}
		model.addAttribute("durationHeight", 50 + passed.size() * 34);
		model.addAttribute("medians", medians);
		model.addAttribute("longest", longest);
		int analysisRow = passed.stream().map(SteeringReport.PhaseFigures::phase).toList().indexOf(SteeringReport.ANALYSIS);
		model.addAttribute("bandRowY", analysisRow < 0 ? null : 26 + analysisRow * 34);
		model.addAttribute("bandX", scale.apply((double) SteeringReport.ANALYSIS_PROMISED_MIN_MONTHS));
		model.addAttribute("bandWidth", scale.apply((double) SteeringReport.ANALYSIS_PROMISED_MAX_MONTHS)
				- scale.apply((double) SteeringReport.ANALYSIS_PROMISED_MIN_MONTHS));
		model.addAttribute("maxMonths", SteeringReport.decimal(maxMonths));

		// late tasks: share per party, 0–100 %
		List<Bar> late = new ArrayList<>();
		for (int i = 0; i < report.late().size(); i++) {
			SteeringReport.LateTasks party = report.late().get(i);
			late.add(new Bar(party.party(), 30 + i * 34, LABEL, (int) Math.round(PLOT * party.percent() / 100.0),
					party.percent() + " % (" + party.late() + " von " + party.tasks() + ")"));
		}
		model.addAttribute("lateBars", late);

		// maturity: per core element from the first (average type) to the latest, types 1–4
		List<Bar> moves = new ArrayList<>();
		List<SteeringReport.Movement> assessed = report.movements().stream().filter(m -> m.kommunen() > 0).toList();
		for (int i = 0; i < assessed.size(); i++) {
			SteeringReport.Movement movement = assessed.get(i);
			int from = (int) Math.round(LABEL + PLOT * (movement.firstAverage() - 1) / 3);
			int to = (int) Math.round(LABEL + PLOT * (movement.latestAverage() - 1) / 3);
			moves.add(new Bar(movement.element().label(), 30 + i * 30, from, to - from,
					movement.firstText() + " → " + movement.latestText()));
		}
		model.addAttribute("moves", moves);
		model.addAttribute("movesHeight", 50 + assessed.size() * 30);
		model.addAttribute("plotEnd", LABEL + PLOT);
		return "steuerung";
	}

	@GetMapping("/kooperationen/steuerung.csv")
	ResponseEntity<byte[]> csv(HttpServletRequest request, HttpServletResponse response) {
		if (access.agency(request, response, new ExtendedModelMap()).isEmpty()) {
			return PageAccess.refusedAsText(response, "Der Steuerungsbericht ist der Transferagentur vorbehalten.");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kooperationen-steuerung.csv\"")
			.body(steering.csv(steering.report()).getBytes(StandardCharsets.UTF_8));
	}

}
