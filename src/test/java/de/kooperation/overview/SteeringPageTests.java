package de.kooperation.overview;

import static de.kooperation.shared.CollaborationProcess.Elements.CHOOSE_DISCOURSE_FORMATS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.WebappSessions;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.shared.PartyGroups;
import de.kooperation.shared.CoreElement;
import de.kooperation.maturity.MaturityAssessment;
import de.kooperation.maturity.MaturityAssessments;
import de.kooperation.shared.MaturityLevel;

/**
 * The agency's steering page and CSV: how long the phases took per Kommune against the 3–6
 * months promised for the analysis, late tasks per party, the maturity profile's movement.
 */
@ProcessTest
class SteeringPageTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	WebApplicationContext context;

	@Autowired
	Scenario scenario;

	@Autowired
	CollaborationService collaborations;

	@Autowired
	SteeringReport steering;

	@Autowired
	MaturityAssessments assessments;

	@Autowired
	HistoryService history;

	@Test
	void theSteeringPageShowsPhaseDurationsPerKommuneAgainstThePromise_lateTasksPerParty_andTheProfilesMovement() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
		scenario.moveClockTo(LocalDateTime.of(2026, 1, 5, 9, 0).atZone(BERLIN).toInstant());
		SteeringReport.Report before = steering.report();
		// two Kommunen hold their Sondierung on 05.01.2026: one finishes its analysis in 4 months, the other in 8
		ProcessInstance quick = collaborations.start(scenario.newMunicipality("TH").id(), "2029-12-31", null);
		ProcessInstance slow = collaborations.start(scenario.newMunicipality("TH").id(), "2029-12-31", null);
		for (ProcessInstance collaboration : List.of(quick, slow)) {
			scenario.advance(collaboration, BaselineAnalysisProcess.Elements.PROPOSE_EXPERTS,
					new HashMap<>(Map.of("continueCollaboration", true, "exploratoryMeetingPostponed", false)));
		}
		scenario.moveClockTo(LocalDateTime.of(2026, 5, 5, 9, 0).atZone(BERLIN).toInstant());
		scenario.advance(quick, CHOOSE_DISCOURSE_FORMATS, new HashMap<>());
		scenario.moveClockTo(LocalDateTime.of(2026, 9, 4, 9, 0).atZone(BERLIN).toInstant());
		scenario.advance(slow, CHOOSE_DISCOURSE_FORMATS, new HashMap<>());
		// the quick one's profile is taken again in a review meeting: every element one type higher
		Map<CoreElement, MaturityAssessment.Rating> later = new EnumMap<>(CoreElement.class);
		for (CoreElement element : CoreElement.values()) {
			later.put(element, new MaturityAssessment.Rating(MaturityLevel.TYPE_4, null));
		}
		assessments.record(quick.getBusinessKey(), LocalDate.of(2026, 9, 1), MaturityAssessment.REVIEW_MEETING, null, later, "lena.vogt",
				LocalDateTime.of(2026, 9, 4, 9, 0).atZone(BERLIN).toInstant());
		SteeringReport.Report after = steering.report();

		// per Kommune: the analysis from the Sondierung's end to the result report taken note of
		assertThat(after.runs()).filteredOn(run -> run.municipalityId().equals(quick.getBusinessKey()) && run.phase().equals("Bedarfsanalyse"))
			.singleElement().satisfies(run -> assertThat(run.days()).isEqualTo(120));
		assertThat(after.runs()).filteredOn(run -> run.municipalityId().equals(slow.getBusinessKey()) && run.phase().equals("Bedarfsanalyse"))
			.singleElement().satisfies(run -> assertThat(run.days()).isEqualTo(242));
		SteeringReport.PhaseFigures analysisBefore = figures(before, "Bedarfsanalyse");
		SteeringReport.PhaseFigures analysis = figures(after, "Bedarfsanalyse");
		assertThat(analysis.kommunen()).isEqualTo(analysisBefore.kommunen() + 2);
		assertThat(analysis.withinPromise()).isEqualTo(analysisBefore.withinPromise() + 1);
		assertThat(analysis.overPromise()).isEqualTo(analysisBefore.overPromise() + 1);
		assertThat(analysis.longestDays()).isGreaterThanOrEqualTo(242);
		// the slow analysis left tasks of both sides past their due date
		assertThat(late(after, "Kommune")).isGreaterThan(late(before, "Kommune"));
		assertThat(late(after, "Transferagentur")).isGreaterThan(late(before, "Transferagentur"));
		SteeringReport.Movement dataBefore = movement(before, CoreElement.DATA_BASIS);
		SteeringReport.Movement data = movement(after, CoreElement.DATA_BASIS);
		assertThat(data.kommunen()).isEqualTo(dataBefore.kommunen() + 1);
		assertThat(data.better()).isEqualTo(dataBefore.better() + 1);

		MockHttpSession agency = session("lena.vogt", PartyGroups.AGENCY_TEAM);
		String page = page(mvc, agency, "/kooperationen/steuerung", 200);
		assertThat(page).contains("Steuerung der Transferagentur", "Wie lange die Phasen dauerten", "3 bis 6", "Bedarfsanalyse",
				"Teststadt " + slow.getBusinessKey(), "05.01.2026", "04.09.2026", "242", "in höchstens 6 Monaten",
				"Verspätete Aufgaben je Partei", "Entwicklungsprofil: erste und letzte Standortbestimmung", "<svg", "role=\"img\"");
		String csv = page(mvc, agency, "/kooperationen/steuerung.csv", 200);
		assertThat(csv).contains("\"Phase je Kommune\";\"Bedarfsanalyse\";\"" + quick.getBusinessKey()
				+ "\";\"von 2026-01-05\";\"bis 2026-05-05\";\"Tage: 120\"")
			.contains("\"Verspätete Aufgaben\";\"Kommune\"").contains("\"Entwicklungsprofil\";\"Datenbasierung\"");
	}

	/**
	 * The report tells a task's party from its model; the engine's history tells it from the task's
	 * candidate links. Both must count the same tasks and late tasks for each party, here after
	 * collaborations of several stages (with tasks of the Kommune, of the agency and of both).
	 */
	@Test
	void lateTasksPerPartyAreWhatTheTaskHistoryAndItsCandidateGroupsSay() {
		scenario.moveClockTo(LocalDateTime.of(2026, 2, 2, 9, 0).atZone(BERLIN).toInstant());
		ProcessInstance analysis = collaborations.start(scenario.newMunicipality("TH").id(), "2029-12-31", null);
		scenario.advance(analysis, BaselineAnalysisProcess.Elements.PROPOSE_EXPERTS,
				new HashMap<>(Map.of("continueCollaboration", true, "exploratoryMeetingPostponed", false)));
		collaborations.start(scenario.newMunicipality("TH").id(), "2029-12-31", null);
		scenario.moveClockTo(LocalDateTime.of(2026, 8, 3, 9, 0).atZone(BERLIN).toInstant());

		Map<String, long[]> expected = new HashMap<>();
		Date now = ClockUtil.getCurrentTime();
		Set<String> collaborationsEver = history.createHistoricProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY)
			.list().stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
		for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().list()) {
			if (task.getDueDate() == null || !collaborationsEver.contains(task.getRootProcessInstanceId())) {
				continue;
			}
			boolean municipality = history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).type("candidate").list().stream()
				.anyMatch(link -> PartyGroups.municipalityOf(link.getGroupId()).isPresent());
			long[] count = expected.computeIfAbsent(municipality ? "Kommune" : "Transferagentur", party -> new long[2]);
			count[0]++;
			Date end = task.getEndTime() == null ? now : task.getEndTime();
			if (end.after(task.getDueDate())) {
				count[1]++;
			}
		}
		assertThat(expected.get("Kommune")[1]).as("late tasks of the Kommune in the scenario").isPositive();
		assertThat(expected.get("Transferagentur")[1]).as("late tasks of the agency in the scenario").isPositive();
		for (SteeringReport.LateTasks party : steering.report().late()) {
			assertThat(new long[] { party.tasks(), party.late() }).as(party.party()).containsExactly(expected.get(party.party()));
		}
	}

	@Test
	void onlyTheAgencyMaySeeTheSteeringPage() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
		MockHttpSession kommune = session("sabine.krause", PartyGroups.municipalityContacts("eisenach"));
		assertThat(page(mvc, kommune, "/kooperationen/steuerung", 403)).doesNotContain("Verspätete Aufgaben");
		assertThat(page(mvc, kommune, "/kooperationen/steuerung.csv", 403)).contains("der Transferagentur vorbehalten");
		page(mvc, new MockHttpSession(), "/kooperationen/steuerung", 401);
		assertThat(page(mvc, session("lena.vogt", PartyGroups.AGENCY_TEAM), "/kooperationen", 200)).contains("/kooperationen/steuerung");
	}

	private static SteeringReport.PhaseFigures figures(SteeringReport.Report report, String phase) {
		return report.phases().stream().filter(p -> p.phase().equals(phase)).findFirst().orElseThrow();
	}

	private static long late(SteeringReport.Report report, String party) {
		return report.late().stream().filter(l -> l.party().equals(party)).findFirst().orElseThrow().late();
	}

	private static SteeringReport.Movement movement(SteeringReport.Report report, CoreElement element) {
		return report.movements().stream().filter(m -> m.element() == element).findFirst().orElseThrow();
	}

	private static String page(MockMvc mvc, MockHttpSession session, String path, int status) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(status);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static MockHttpSession session(String userId, String... groups) {
		return WebappSessions.of(userId, groups);
	}

}
