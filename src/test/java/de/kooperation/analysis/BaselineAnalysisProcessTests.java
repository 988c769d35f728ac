package de.kooperation.analysis;

import static de.kooperation.shared.BaselineAnalysisProcess.Elements.*;
import static de.kooperation.shared.BaselineAnalysisProcess.Vars.*;
import static de.kooperation.shared.CollaborationProcess.Vars.BASELINE_ANALYSIS_DUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import de.kooperation.EngineClock;
import de.kooperation.FormRows;
import de.kooperation.form.Rows;
import de.kooperation.KooperationApplication;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.BaselineAnalysisProcess.Stages;
import de.kooperation.shared.BaselineAnalysisProcess.Vars;
import de.kooperation.shared.PartyGroups;
import de.kooperation.shared.CoreElement;
import de.kooperation.reminder.DueDates;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.Zone;

@ProcessTest
class BaselineAnalysisProcessTests {

	private static final ZoneId ZONE = ZoneId.of(Zone.ID);

	/** The Sondierungsgespräch took place on 1 February 2027 … */
	private static final Instant EXPLORATORY_MEETING = Instant.parse("2027-02-01T09:00:00Z");

	/** … and fixed the end of the analysis four months later. */
	private static final LocalDate AGREED_END = LocalDate.of(2027, 5, 31);

	private static final String TOPICS = "Bildungsmonitoring; Übergang Schule – Beruf für Neuzugewanderte";

	private static final String ONE_EXPERT = "Brigitte Immel; Leiterin Fachbereich Bildung; b.immel@kreis-ni.de";

	/** A parent like the collaboration's call activity: business key and all variables in, all out. */
	private static final String TEST_PARENT = "baselineAnalysisTestParent";

	@Autowired
	Scenario scenario;

	@Autowired
	DueDates dueDates;

	@Autowired
	InterviewRecords interviewRecords;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(EXPLORATORY_MEETING);

	@Test
	void theAnalysisStartsWithTheExpertProposalForTheAgencyAndTheDocumentHandoverForTheKommune() {
		ProcessInstance analysis = start();

		assertThat(analysis).isWaitingAt(PROPOSE_EXPERTS, HAND_OVER_DOCUMENTS);
		assertOfferedToAgency(scenario.task(analysis, PROPOSE_EXPERTS));
		assertOfferedToKommune(analysis, scenario.task(analysis, HAND_OVER_DOCUMENTS));
		assertThat(scenario.openTasks(analysis)).hasSize(2);
	}

	@Test
	void oneExpert_oneInterviewNamingTheExpert_documentsDoneFirst_resultsReachTheParent() {
		ProcessInstance parent = startInTestParent();
		ProcessInstance analysis = scenario.runtime().createProcessInstanceQuery()
			.processDefinitionKey(BaselineAnalysisProcess.KEY).processInstanceBusinessKey(parent.getBusinessKey())
			.singleResult();

		proposeExperts(parent, ONE_EXPERT);
		// the Kommune's form opens with the agency's proposal
		assertThat(Rows.of(scenario.tasks().getVariable(scenario.task(parent, SELECT_EXPERTS).getId(), EXPERT_SELECTION)))
			.isEqualTo(Rows.of(FormRows.experts(ONE_EXPERT)));
		selectExperts(parent, ONE_EXPERT);
		handOverAndAnalyseDocuments(parent);
		prepareInterviews(parent);

		assertThat(analysis).isWaitingAt(CONDUCT_INTERVIEW);
		Task interview = scenario.task(parent, CONDUCT_INTERVIEW);
		assertThat(interview.getName()).isEqualTo("Experteninterview führen: Brigitte Immel");
		assertThat(scenario.tasks().getVariables(interview.getId())).containsEntry(EXPERT_NAME, "Brigitte Immel")
			.containsEntry(EXPERT_ROLE, "Leiterin Fachbereich Bildung")
			.containsEntry(EXPERT_EMAIL, "b.immel@kreis-ni.de");
		conductInterviews(parent);

		assertThat(analysis).isWaitingAt(ASSESS_POSITION);
		finishAnalysis(parent);

		assertThat(analysis).isEnded().hasPassed(END);
		Map<String, Object> returned = scenario.runtime().getVariables(parent.getId());
		assertThat(returned).containsEntry(RESULT_REPORT_LINK, "https://ablage.example/bedarfsanalyse.pdf")
			.containsEntry(RESULT_REPORT_DATE, "2027-01-29")
			.containsEntry(RECOMMENDATIONS, "1. Bildungsmonitoring aufbauen")
			.containsEntry(Vars.assessment(CoreElement.STRATEGIC_GOALS), "2")
			.containsEntry(Vars.assessment(CoreElement.EDUCATION_PROJECTS), "3")
			.containsEntry(ASSESSMENT_NOTE, "Gute Datenlage, wenig Abstimmung")
			.containsKeys(ASSESSMENT_DATE, RESULT_REPORT_RECEIVED_AT, INTERVIEW_GUIDE_LINK, DOCUMENT_ANALYSIS)
			// the details of single interviews stay inside the analysis
			.doesNotContainKeys(EXPERT, EXPERT_NAME, INTERVIEW_DATE, INTERVIEW_NOTES);
		for (CoreElement element : CoreElement.values()) {
			assertThat(returned).containsKey(Vars.assessment(element));
		}
		assertThat(returned.get(ASSESSMENT_SUMMARY).toString())
			.startsWith("- **Strategische Ziele:** Typ 2 – Bildungsbezogene Ziele werden aus den jeweiligen Ämtern heraus")
			.contains("- **Bildungsprojekte und -maßnahmen:** Typ 3 – ");
		// the agency's interview record stays out of the process: the Kommune's tasks would show it
		assertThat(returned).doesNotContainKey(INTERVIEWS);
		assertThat(interviews(analysis)).containsExactly(Map.of(NAME, "Brigitte Immel", ROLE, "Leiterin Fachbereich Bildung",
				EMAIL, "b.immel@kreis-ni.de", DATE, "2027-02-22", NOTES, "Notizen zu Brigitte Immel"));
	}

	@Test
	void fourExperts_fourInterviewTasksEachNamingItsExpert_documentsDoneLast() {
		ProcessInstance analysis = start();
		proposeExperts(analysis, """
				Brigitte Immel; Leiterin Fachbereich Bildung
				; Leitung Jugendamt
				Sozialplanung; Sozialplaner/in
				Jobcenter; Bereichsleitung Markt und Integration
				""");
		// the Kommune removes one proposal, names the Jugendamt's head and adds a row
		selectExperts(analysis, """
				Brigitte Immel; Leiterin Fachbereich Bildung; b.immel@kreis-ni.de
				Dr. Jan Ohl; Leiter Jugendamt
				Carla Berg; Sozialplanerin; carla.berg@kreis-ni.de
				Deniz Kaya; Bildungskoordinator für Neuzugewanderte""");;
		prepareInterviews(analysis);

		List<Task> interviews = scenario.tasks().createTaskQuery().processInstanceBusinessKey(analysis.getBusinessKey())
			.taskDefinitionKey(CONDUCT_INTERVIEW).list();
		assertThat(interviews).extracting(Task::getName).containsExactlyInAnyOrder(
				"Experteninterview führen: Brigitte Immel", "Experteninterview führen: Dr. Jan Ohl",
				"Experteninterview führen: Carla Berg", "Experteninterview führen: Deniz Kaya");
		Map<String, String> emailByName = interviews.stream().collect(Collectors.toMap(
				task -> (String) scenario.tasks().getVariable(task.getId(), EXPERT_NAME),
				task -> (String) scenario.tasks().getVariable(task.getId(), EXPERT_EMAIL)));
		assertThat(emailByName).containsExactlyInAnyOrderEntriesOf(Map.of("Brigitte Immel", "b.immel@kreis-ni.de",
				"Dr. Jan Ohl", "nicht angegeben", "Carla Berg", "carla.berg@kreis-ni.de", "Deniz Kaya", "nicht angegeben"));
		interviews.forEach(this::assertOfferedToAgency);
		assertThat(scenario.runtime().getVariable(analysis.getId(), EXPERTS)).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(4);

		conductInterviews(analysis);
		assertThat(analysis).isWaitingAt(HAND_OVER_DOCUMENTS);
		assertThat(scenario.openTasks(analysis)).hasSize(1);

		handOverAndAnalyseDocuments(analysis);
		assertThat(analysis).isWaitingAt(ASSESS_POSITION);
		finishAnalysis(analysis);

		assertThat(analysis).isEnded();
		List<Map<String, String>> recorded = interviews(analysis);
		assertThat(recorded).extracting(record -> record.get(NAME))
			.containsExactlyInAnyOrder("Brigitte Immel", "Dr. Jan Ohl", "Carla Berg", "Deniz Kaya");
		assertThat(recorded).allSatisfy(record -> assertThat(record.get(NOTES)).isEqualTo("Notizen zu " + record.get(NAME)));
		assertThat(recorded).filteredOn(record -> record.get(NAME).equals("Deniz Kaya"))
			.singleElement().satisfies(record -> assertThat(record.get(ROLE)).isEqualTo("Bildungskoordinator für Neuzugewanderte"));
	}

	static Stream<Arguments> badExpertLists() {
		String tooMany = IntStream.rangeClosed(1, 21).mapToObj(n -> "Person " + n + "; Funktion " + n)
			.collect(Collectors.joining("\n"));
		return Stream.of(
				// an empty list is caught by the form's own rule (required), checked before the rows are read
				Arguments.of(Rows.toVariable(List.of()),
						"Bitte in „Ausgewählte Interviewpartner/innen“ mindestens eine Zeile ausfüllen."),
				Arguments.of(FormRows.experts("Brigitte Immel"), "Zeile 1 („Brigitte Immel“): Bitte „Funktion“ ausfüllen."),
				Arguments.of("Brigitte Immel; Leiterin Fachbereich Bildung", "„Ausgewählte Interviewpartner/innen“ muss eine Liste von Zeilen sein."),
				Arguments.of(FormRows.experts(ONE_EXPERT + "\n;;\nCarla Berg;;carla.berg@kreis-ni.de"),
						"Zeile 3 („Carla Berg“): Bitte „Funktion“ ausfüllen."),
				Arguments.of(FormRows.experts(ONE_EXPERT + "\n;;"), "Zeile 2: Bitte „Name“ ausfüllen."),
				Arguments.of(FormRows.experts("; Leiterin Jugendamt"), "Zeile 1 („Leiterin Jugendamt“): Bitte „Name“ ausfüllen."),
				Arguments.of(FormRows.experts("Carla Berg; Sozialplanerin; carla.berg(at)kreis-ni.de"),
						"Zeile 1 („Carla Berg“): „E-Mail (freiwillig)“ ist keine gültige E-Mail-Adresse."),
				Arguments.of(List.of(Map.of("name", "Carla Berg", "role", "Sozialplanerin", "raum", "12")), "„raum“ ist kein Feld dieser Liste."),
				Arguments.of(FormRows.experts(ONE_EXPERT + "\nbrigitte immel; Stellvertretung"),
						"Zeile 2 („brigitte immel“): „brigitte immel“ steht schon in Zeile 1."),
				Arguments.of(FormRows.experts(tooMany), "Höchstens 20 Interviewpartner/innen je Bedarfsanalyse (angegeben: 21)."));
	}

	@ParameterizedTest
	@MethodSource("badExpertLists")
	void aBadExpertListIsRefusedWithAMessageAndNothingChanges(Object selection, String message) {
		ProcessInstance analysis = start();
		proposeExperts(analysis, ONE_EXPERT);
		String taskId = scenario.task(analysis, SELECT_EXPERTS).getId();

		assertThatThrownBy(() -> scenario.tasks().complete(taskId, Map.of(EXPERT_SELECTION, selection)))
			.hasMessageContaining("Die Aufgabe „Interviewpartner/innen auswählen“ kann nicht abgeschlossen werden")
			.hasMessageContaining(message);

		assertThat(analysis).isWaitingAt(SELECT_EXPERTS, HAND_OVER_DOCUMENTS);
		assertThat(scenario.task(analysis, SELECT_EXPERTS).getId()).isEqualTo(taskId);
		assertThat(Rows.of(scenario.runtime().getVariable(analysis.getId(), EXPERT_SELECTION))).isEqualTo(Rows.of(FormRows.experts(ONE_EXPERT)));
		assertThat(scenario.runtime().getVariable(analysis.getId(), EXPERTS)).isNull();
	}

	@Test
	void aCorrectedExpertListIsAcceptedAfterARefusal() {
		ProcessInstance analysis = start();
		proposeExperts(analysis, "; Leitung Jugendamt");
		assertThatThrownBy(() -> selectExperts(analysis, "; Leitung Jugendamt")).hasMessageContaining("Zeile 1");

		selectExperts(analysis, "Dr. Jan Ohl; Leiter Jugendamt");

		assertThat(analysis).isWaitingAt(SCHEDULE_INTERVIEWS, PREPARE_INTERVIEW_GUIDE, HAND_OVER_DOCUMENTS);
		assertThat(scenario.runtime().getVariable(analysis.getId(), EXPERTS))
			.isEqualTo(List.of(Map.of(NAME, "Dr. Jan Ohl", ROLE, "Leiter Jugendamt", EMAIL, "")));
	}

	@Test
	void aRepeatedAnalysisStartsAfreshDespiteTheVariablesOfAnEarlierOne() {
		Map<String, String> earlierInterview = new LinkedHashMap<>(Map.of(NAME, "Alte Person", ROLE, "früher", EMAIL, "",
				DATE, "2020-01-01", NOTES, "alt"));
		ProcessInstance analysis = scenario.startStandalone(BaselineAnalysisProcess.KEY, "NI", Map.of(
				BASELINE_ANALYSIS_DUE, AGREED_END.toString(), ANALYSIS_TOPICS, TOPICS,
				EXPERT_SELECTION, FormRows.experts("Alte Person; früher"), INTERVIEWS, new ArrayList<>(List.of(earlierInterview))));

		proposeExperts(analysis, ONE_EXPERT);
		assertThat(Rows.of(scenario.runtime().getVariable(analysis.getId(), EXPERT_SELECTION))).isEqualTo(Rows.of(FormRows.experts(ONE_EXPERT)));
		selectExperts(analysis, ONE_EXPERT);
		prepareInterviews(analysis);
		conductInterviews(analysis);

		assertThat(interviews(analysis)).extracting(record -> record.get(NAME))
			.containsExactly("Brigitte Immel");
	}

	@Test
	void anInterviewDatedInTheFutureIsRefused() {
		ProcessInstance analysis = start();
		proposeExperts(analysis, ONE_EXPERT);
		selectExperts(analysis, ONE_EXPERT);
		prepareInterviews(analysis);
		String taskId = scenario.task(analysis, CONDUCT_INTERVIEW).getId();

		assertThatThrownBy(() -> scenario.tasks().complete(taskId,
				Map.of(INTERVIEW_DATE, "2027-03-15", INTERVIEW_NOTES, "geplant")))
			.hasMessageContaining("Die Aufgabe „Experteninterview führen: Brigitte Immel“ kann nicht abgeschlossen werden")
			.hasMessageContaining("in der Zukunft");
		assertThat(analysis).isWaitingAt(CONDUCT_INTERVIEW);
		assertThat(interviews(analysis)).isEmpty();
	}

	@Test
	void anIncompleteStandortbestimmungIsRefusedWithTheMissingElement() {
		ProcessInstance analysis = start();
		runToAssessment(analysis);
		Map<String, Object> assessment = assessment();
		assessment.remove(Vars.assessment(CoreElement.QUALITY_DEVELOPMENT));
		String taskId = scenario.task(analysis, ASSESS_POSITION).getId();

		assertThatThrownBy(() -> scenario.tasks().complete(taskId, assessment))
			.hasMessageContaining("Bitte „Qualitätsentwicklung“ ausfüllen.");
		assertThat(analysis).isWaitingAt(ASSESS_POSITION);
		assertThat(scenario.runtime().getVariable(analysis.getId(), ASSESSMENT_SUMMARY)).isNull();
	}

	@Test
	void theAgreedEndOfTheAnalysisIsTheDueDateOfTheAnalysisStepsAndShortStepsHaveTheirOwn() {
		ProcessInstance analysis = start();
		Date agreedEnd = Date.from(AGREED_END.atTime(LocalTime.of(23, 59)).atZone(ZONE).toInstant());

		assertThat(scenario.task(analysis, PROPOSE_EXPERTS).getDueDate()).isEqualTo(inDays(Stages.PREPARATION, "NI"));
		assertThat(scenario.task(analysis, HAND_OVER_DOCUMENTS).getDueDate()).isEqualTo(inDays(Stages.PREPARATION, "NI"));
		proposeExperts(analysis, ONE_EXPERT);
		assertThat(scenario.task(analysis, SELECT_EXPERTS).getDueDate()).isEqualTo(inDays(Stages.PREPARATION, "NI"));
		selectExperts(analysis, ONE_EXPERT);
		assertThat(scenario.task(analysis, SCHEDULE_INTERVIEWS).getDueDate()).isEqualTo(inDays(Stages.PREPARATION, "NI"));
		assertThat(scenario.task(analysis, PREPARE_INTERVIEW_GUIDE).getDueDate()).isEqualTo(inDays(Stages.PREPARATION, "NI"));
		prepareInterviews(analysis);
		assertThat(scenario.task(analysis, CONDUCT_INTERVIEW).getDueDate()).isEqualTo(agreedEnd);
		scenario.complete(analysis, HAND_OVER_DOCUMENTS, Map.of(DOCUMENTS, "https://ablage.example/bildungsbericht"));
		assertThat(scenario.task(analysis, ANALYSE_DOCUMENTS).getDueDate()).isEqualTo(agreedEnd);
		scenario.complete(analysis, ANALYSE_DOCUMENTS, Map.of(DOCUMENT_ANALYSIS, "Analyse"));
		conductInterviews(analysis);
		assertThat(scenario.task(analysis, ASSESS_POSITION).getDueDate()).isEqualTo(agreedEnd);
		scenario.complete(analysis, ASSESS_POSITION, assessment());
		assertThat(scenario.task(analysis, DERIVE_RECOMMENDATIONS).getDueDate()).isEqualTo(agreedEnd);
		scenario.complete(analysis, DERIVE_RECOMMENDATIONS, Map.of(RECOMMENDATIONS, "Empfehlungen"));
		assertThat(scenario.task(analysis, WRITE_RESULT_REPORT).getDueDate()).isEqualTo(agreedEnd);
		scenario.complete(analysis, WRITE_RESULT_REPORT, Map.of(RESULT_REPORT_LINK, "https://ablage.example/bericht.pdf",
				RESULT_REPORT_DATE, "2027-01-29"));
		// the report is there: the Kommune confirms its receipt within its own, short period
		assertThat(scenario.task(analysis, RECEIVE_RESULT_REPORT).getDueDate()).isEqualTo(inDays(Stages.RESULT_REPORT_RECEIPT, "NI"));
	}

	@Test
	void withoutAnAgreedEndTheAnalysisIsDueAfterTheConfiguredDays() {
		ProcessInstance analysis = scenario.startStandalone(BaselineAnalysisProcess.KEY, "TH", Map.of(ANALYSIS_TOPICS, TOPICS));
		proposeExperts(analysis, ONE_EXPERT);
		selectExperts(analysis, ONE_EXPERT);
		prepareInterviews(analysis);

		assertThat(scenario.task(analysis, CONDUCT_INTERVIEW).getDueDate()).isEqualTo(inDays(Stages.BASELINE_ANALYSIS, "TH"));
	}

	@Test
	void eachTaskIsOfferedToItsOwnPartyOnly_neverToAnotherKommune() {
		ProcessInstance analysis = start();
		ProcessInstance other = start();
		String ownKommune = PartyGroups.municipalityContacts(analysis.getBusinessKey());
		String otherKommune = PartyGroups.municipalityContacts(other.getBusinessKey());

		assertThat(openTasksOfferedTo(analysis, ownKommune)).containsExactly(HAND_OVER_DOCUMENTS);
		assertThat(openTasksOfferedTo(analysis, PartyGroups.AGENCY_TEAM)).containsExactly(PROPOSE_EXPERTS);
		assertThat(openTasksOfferedTo(analysis, otherKommune)).isEmpty();
		assertThat(openTasksOfferedTo(analysis, PartyGroups.municipalityLeadership(analysis.getBusinessKey()))).isEmpty();
		assertThat(openTasksOfferedTo(analysis, PartyGroups.AGENCY_LEADERSHIP)).isEmpty();
	}

	// ------------------------------------------------------------------ steps, as the users do them

	private ProcessInstance start() {
		return scenario.startStandalone(BaselineAnalysisProcess.KEY, "NI",
				Map.of(BASELINE_ANALYSIS_DUE, AGREED_END.toString(), ANALYSIS_TOPICS, TOPICS));
	}

	private ProcessInstance startInTestParent() {
		scenario.engine().getRepositoryService().createDeployment().name(TEST_PARENT).enableDuplicateFiltering(false)
			.addString(TEST_PARENT + ".bpmn", """
					<?xml version="1.0" encoding="UTF-8"?>
					<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
					  <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
					    <startEvent id="start" />
					    <sequenceFlow id="f1" sourceRef="start" targetRef="call_baseline_analysis" />
					    <callActivity id="call_baseline_analysis" calledElement="%s">
					      <extensionElements>
					        <camunda:in businessKey="#{execution.processBusinessKey}" />
					        <camunda:in variables="all" />
					        <camunda:out variables="all" />
					      </extensionElements>
					    </callActivity>
					    <sequenceFlow id="f2" sourceRef="call_baseline_analysis" targetRef="user_next" />
					    <userTask id="user_next" />
					  </process>
					</definitions>
					""".formatted(TEST_PARENT, BaselineAnalysisProcess.KEY))
			.deploy();
		return scenario.startStandalone(TEST_PARENT, "NI",
				Map.of(BASELINE_ANALYSIS_DUE, AGREED_END.toString(), ANALYSIS_TOPICS, TOPICS));
	}

	private void proposeExperts(ProcessInstance analysis, String proposal) {
		assertOfferedToAgency(scenario.task(analysis, PROPOSE_EXPERTS));
		scenario.complete(analysis, PROPOSE_EXPERTS, Map.of(EXPERT_PROPOSAL, FormRows.experts(proposal)));
	}

	private void selectExperts(ProcessInstance analysis, String selection) {
		assertOfferedToKommune(analysis, scenario.task(analysis, SELECT_EXPERTS));
		scenario.complete(analysis, SELECT_EXPERTS, Map.of(EXPERT_SELECTION, FormRows.experts(selection)));
	}

	/** The Kommune makes the appointments while the agency writes the guide. */
	private void prepareInterviews(ProcessInstance analysis) {
		assertOfferedToKommune(analysis, scenario.task(analysis, SCHEDULE_INTERVIEWS));
		assertOfferedToAgency(scenario.task(analysis, PREPARE_INTERVIEW_GUIDE));
		scenario.complete(analysis, PREPARE_INTERVIEW_GUIDE, Map.of(INTERVIEW_GUIDE_LINK, "https://ablage.example/leitfaden.docx"));
		// the days are still being agreed: every row says "Termin folgt"
		List<Object> open = new ArrayList<>();
		Rows.of(scenario.tasks().getVariable(scenario.task(analysis, SCHEDULE_INTERVIEWS).getId(), INTERVIEW_SCHEDULE))
			.forEach(row -> open.add(FormRows.interviewOpen(row.get(NAME).toString(), row.get(EMAIL).toString())));
		scenario.complete(analysis, SCHEDULE_INTERVIEWS, Map.of(INTERVIEW_SCHEDULE, Rows.toVariable(open.stream().map(row -> (Map<String, Object>) row).toList())));
	}

	/** Three weeks later the agency holds every interview. */
	private void conductInterviews(ProcessInstance analysis) {
		scenario.moveClockTo(EXPLORATORY_MEETING.plusSeconds(21 * 24 * 3600));
		List<Task> open = scenario.tasks().createTaskQuery().processInstanceBusinessKey(analysis.getBusinessKey())
			.taskDefinitionKey(CONDUCT_INTERVIEW).list();
		assertThat(open).isNotEmpty();
		for (Task interview : open) {
			assertOfferedToAgency(interview);
			Object name = scenario.tasks().getVariable(interview.getId(), EXPERT_NAME);
			scenario.tasks().complete(interview.getId(),
					Map.of(INTERVIEW_DATE, "2027-02-22", INTERVIEW_NOTES, "Notizen zu " + name));
		}
	}

	private void handOverAndAnalyseDocuments(ProcessInstance analysis) {
		assertOfferedToKommune(analysis, scenario.task(analysis, HAND_OVER_DOCUMENTS));
		scenario.complete(analysis, HAND_OVER_DOCUMENTS, Map.of(DOCUMENTS, "https://ablage.example/bildungsbericht-2026.pdf"));
		assertOfferedToAgency(scenario.task(analysis, ANALYSE_DOCUMENTS));
		scenario.complete(analysis, ANALYSE_DOCUMENTS, Map.of(DOCUMENT_ANALYSIS, "Monitoring vorhanden, kaum genutzt"));
	}

	private void runToAssessment(ProcessInstance analysis) {
		proposeExperts(analysis, ONE_EXPERT);
		selectExperts(analysis, ONE_EXPERT);
		prepareInterviews(analysis);
		handOverAndAnalyseDocuments(analysis);
		conductInterviews(analysis);
	}

	/** Standortbestimmung, recommendations, report, and the Kommune confirms its receipt. */
	private void finishAnalysis(ProcessInstance analysis) {
		assertOfferedToAgency(scenario.task(analysis, ASSESS_POSITION));
		scenario.complete(analysis, ASSESS_POSITION, assessment());
		assertOfferedToAgency(scenario.task(analysis, DERIVE_RECOMMENDATIONS));
		scenario.complete(analysis, DERIVE_RECOMMENDATIONS, Map.of(RECOMMENDATIONS, "1. Bildungsmonitoring aufbauen"));
		assertOfferedToAgency(scenario.task(analysis, WRITE_RESULT_REPORT));
		scenario.complete(analysis, WRITE_RESULT_REPORT, Map.of(RESULT_REPORT_LINK, "https://ablage.example/bedarfsanalyse.pdf",
				RESULT_REPORT_DATE, "2027-01-29"));
		assertOfferedToKommune(analysis, scenario.task(analysis, RECEIVE_RESULT_REPORT));
		scenario.complete(analysis, RECEIVE_RESULT_REPORT, Map.of(RESULT_REPORT_FEEDBACK, "Danke, wir beraten im Juni."));
	}

	/** Typ 2 everywhere except the projects (Typ 3), as the form would send it. */
	private static Map<String, Object> assessment() {
		Map<String, Object> values = new HashMap<>();
		for (CoreElement element : CoreElement.values()) {
			values.put(Vars.assessment(element), element == CoreElement.EDUCATION_PROJECTS ? "3" : "2");
		}
		values.put(ASSESSMENT_NOTE, "Gute Datenlage, wenig Abstimmung");
		return values;
	}

	// ------------------------------------------------------------------ checks

	private List<String> openTasksOfferedTo(ProcessInstance analysis, String group) {
		return scenario.tasks().createTaskQuery().processInstanceId(analysis.getId()).taskCandidateGroup(group).list()
			.stream().map(Task::getTaskDefinitionKey).toList();
	}

	private void assertOfferedToAgency(Task task) {
		assertCandidateGroupIs(task, PartyGroups.AGENCY_TEAM);
	}

	private void assertOfferedToKommune(ProcessInstance analysis, Task task) {
		assertCandidateGroupIs(task, PartyGroups.municipalityContacts(analysis.getBusinessKey()));
	}

	private void assertCandidateGroupIs(Task task, String group) {
		List<IdentityLink> links = scenario.tasks().getIdentityLinksForTask(task.getId());
		assertThat(links).as("who is offered '%s'", task.getName())
			.allMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() == null)
			.extracting(IdentityLink::getGroupId).containsExactly(group);
		assertThat(task.getAssignee()).isNull();
	}

	/** Due at the end of the working day of the federal state on or after the stage's days. */
	private Date inDays(String stage, String federalState) {
		int days = dueDates.getDays().getOrDefault(stage, dueDates.getDefaultDays());
		java.time.LocalDate day = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE).plusDays(days).toLocalDate();
		return Date.from(new de.kooperation.reminder.WorkingDays().onOrAfter(day, federalState).atTime(LocalTime.of(23, 59))
			.atZone(ZONE).toInstant());
	}

	/** The interviews the agency recorded in this analysis, as maps of the expert list's keys. */
	private List<Map<String, String>> interviews(ProcessInstance analysis) {
		return interviewRecords.of(analysis.getId()).stream()
			.map(interview -> Map.of(NAME, interview.expertName(), ROLE, interview.expertRole(), EMAIL, interview.expertEmail(), DATE,
					interview.date() == null ? "" : interview.date().toString(), NOTES, interview.notes()))
			.toList();
	}

}
