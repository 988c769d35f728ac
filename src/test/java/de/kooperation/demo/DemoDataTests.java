package de.kooperation.demo;

import static de.kooperation.shared.CollaborationProcess.Elements.ACKNOWLEDGE_RECOMMENDATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import de.kooperation.DemoAppTest;
import de.kooperation.agreement.AgreementDiff;
import de.kooperation.agreement.AgreementVersion;
import de.kooperation.agreement.Milestone;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.identity.TaskFilters;
import de.kooperation.identity.IdentitySetup;
import de.kooperation.shared.PartyGroups;

/**
 * The application as a demo user meets it: demo data on, a real server on a random port,
 * Tasklist filters, REST and webapp access checked with the demo users' own credentials.
 */
@DemoAppTest
class DemoDataTests {

	static final String EISENACH_CONTACT = DemoScript.EISENACH.contact().id();

	static final String NIENBURG_CONTACT = DemoScript.NIENBURG.contact().id();

	static final String TRANSFER_MANAGER = DemoScript.TRANSFER_MANAGER_LENA.id();

	static final String PROJECT_LEAD = DemoScript.PROJECT_LEAD.id();

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	de.kooperation.agreement.Agreements agreements;

	@Autowired
	ProcessEngine engine;

	@Autowired
	de.kooperation.maturity.MaturityAssessments assessments;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	DemoData demoData;

	@Autowired
	IdentitySetup identitySetup;

	@Autowired
	TaskFilters filters;

	@Autowired
	MunicipalityRepository municipalities;

	@Autowired
	DemoProgress progress;

	@BeforeEach
	void restAndWebappsServeThisContextsEngine() {
		// REST and webapps find the engine by name in a JVM-wide registry; other test contexts
		// in this JVM register an engine "default" too
		ProcessEngines.registerProcessEngine(engine);
	}

	@Nested
	class Demo {

		@Test
		void theAgencyStaffAndTheThreeSeedKommunenWithTheirPeopleExist() {
			assertThat(members(PartyGroups.AGENCY_TEAM)).containsExactlyInAnyOrder("lena.vogt", "jonas.berger");
			assertThat(members(PartyGroups.AGENCY_LEADERSHIP)).containsExactly("claudia.hartmann");
			assertThat(municipalities.findById("eisenach")).hasValueSatisfying(m -> assertThat(m.federalState()).isEqualTo("TH"));
			assertThat(municipalities.findById("nienburg")).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Landkreis Nienburg/Weser"));
			assertThat(municipalities.findById("worms")).hasValueSatisfying(m -> assertThat(m.federalState()).isEqualTo("RP"));
			assertThat(members("kommune-nienburg")).containsExactly("petra.lange");
			assertThat(members("kommune-nienburg-leadership")).containsExactly("martin.wolters");
			assertThat(engine.getIdentityService().createGroupQuery().groupId("kommune-worms-leadership").singleResult().getName())
				.isEqualTo("Stadt Worms – Verwaltungsspitze");
			// (other tests of this shared application register Kommunen with people of their own)
			assertThat(engine.getIdentityService().createUserQuery().list())
				.filteredOn(user -> DemoUsers.ids().contains(user.getId()))
				.hasSize(DemoUsers.ids().size())
				.allSatisfy(user -> assertThat(user.getEmail()).endsWith("@example.org"));
			assertThat(engine.getIdentityService().checkPassword("petra.lange", DemoScript.PASSWORD)).isTrue();
		}

		@Test
		void everyDemoKommuneHasOneRunningCollaborationWithItsTransferManager() {
			for (DemoScript.DemoMunicipality kommune : DemoScript.MUNICIPALITIES) {
				ProcessInstance collaboration = collaboration(kommune.id());
				assertThat(engine.getRuntimeService().getVariable(collaboration.getId(), CollaborationProcess.Vars.TRANSFER_MANAGER))
					.isEqualTo(kommune.transferManager());
			}
		}

		@Test
		void everyDemoCollaborationStandsAtItsStage() {
			LocalDate today = LocalDate.now();
			for (DemoScript.Stage stage : DemoScript.STAGES) {
				DemoScript.DemoMunicipality kommune = DemoScript.MUNICIPALITIES.stream()
					.filter(candidate -> candidate.id().equals(stage.municipalityId())).findFirst().orElseThrow();
				Map<String, Map<String, Object>> answers = DemoScript.answers(kommune, today);

				DemoProgress.Result result = progress.advance(kommune.id(), stage.target(),
						task -> java.util.Optional.ofNullable(answers.get(task.getTaskDefinitionKey())));

				assertThat(result.reached()).as("%s: %s", kommune.id(), result).isTrue();
				assertThat(result.completed()).as("already at its stage at startup").isZero();
			}
			var runtime = engine.getRuntimeService();
			// Eisenach: in the baseline analysis, the agency proposes experts
			assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("eisenach")
				.taskDefinitionKey("user_propose_experts").count()).isEqualTo(1);
			// Nienburg: the Sondierungsgespräch is scheduled and waits to be held
			assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("nienburg")
				.taskDefinitionKey(CollaborationProcess.Elements.EXPLORATORY_MEETING).count()).isEqualTo(1);
			// Worms: in the implementation, after one revision of the agreement
			var worms = runtime.createProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY)
				.processInstanceBusinessKey("worms").singleResult();
			assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("implementation")
				.processInstanceBusinessKey("worms").count()).isEqualTo(1);
			assertThat(runtime.getVariable(worms.getId(), "agreementVersion")).isEqualTo(2);
			// the signed agreements carry the seeds' real goals: five for Eisenach, three for Worms
			assertThat(agreements.current("eisenach").orElseThrow().goals()).hasSize(5)
				.anySatisfy(goal -> assertThat(goal.title()).contains("strategischen Zielsetzungen"));
			assertThat(agreements.current("worms").orElseThrow().goals()).hasSize(3)
				.anySatisfy(goal -> assertThat(goal.title()).contains("Angebotstransparenz"));
		}

		@Test
		void wormsVersionTwoDiffersFromVersionOneTheWayItsNoteSays_goalsConcretisedAndMilestonesAdded() {
			AgreementVersion first = agreements.version("worms", 1).orElseThrow();
			AgreementVersion second = agreements.version("worms", 2).orElseThrow();
			assertThat(second.changeSummary()).contains("Ziele", "konkretisiert", "Meilensteine", "aufgenommen");

			AgreementDiff diff = agreements.diff(first, second);
			assertThat(diff.goalsChanged()).hasSize(3)
				.allSatisfy(change -> assertThat(change.fields()).contains("Erste Maßnahmen", "Zeitrahmen"));
			assertThat(diff.milestonesAdded()).extracting(Milestone::title).contains("Digitaler Bildungswegweiser online");
			assertThat(diff.goalsRemoved()).isEmpty();
			assertThat(diff.milestonesRemoved()).isEmpty();
		}

		@Test
		void wormsResultReportIsNotDatedBeforeTheStandortbestimmungItReports() throws Exception {
			LocalDate assessed = assessments.of("worms").get(0).assessedOn();
			Object reportDate = engine.getHistoryService().createHistoricVariableInstanceQuery()
				.processInstanceIdIn(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey("worms")
					.list().stream().map(instance -> instance.getId()).toArray(String[]::new))
				// the analysis's variable and its copy in the collaboration
				.variableName("resultReportDate").list().get(0).getValue();
			LocalDate reported = de.kooperation.form.FormRules.toDate(reportDate);

			assertThat(assessed).as("the Standortbestimmung of the Bedarfsanalyse").isBefore(LocalDate.now());
			assertThat(reported).as("the result report").isAfterOrEqualTo(assessed);
		}

		@Test
		void runningTheDemoDataAgainCreatesNothingTwice() throws Exception {
			Map<String, Long> before = counts();

			identitySetup.run(null);
			demoData.run(null);

			assertThat(counts()).isEqualTo(before);
		}

		private Map<String, Long> counts() {
			return Map.of(
					"users", engine.getIdentityService().createUserQuery().count(),
					"groups", engine.getIdentityService().createGroupQuery().count(),
					"memberships", engine.getIdentityService().createUserQuery().list().stream()
						.mapToLong(user -> engine.getIdentityService().createGroupQuery().groupMember(user.getId()).count())
						.sum(),
					"authorizations", engine.getAuthorizationService().createAuthorizationQuery().count(),
					"filters", engine.getFilterService().createFilterQuery().count(),
					"municipalities", (long) municipalities.findAll().size(),
					"collaborations", engine.getRuntimeService().createProcessInstanceQuery()
						.processDefinitionKey(CollaborationProcess.KEY).count());
		}

	}

	@Nested
	class Authorizations {

		@Test
		void kommuneUsersMayUseTasklistOnly() {
			for (String user : List.of(EISENACH_CONTACT, DemoScript.EISENACH.executive().id())) {
				assertThat(authorized(user, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).as(user).isTrue();
				assertThat(authorized(user, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).as(user).isFalse();
				assertThat(authorized(user, Permissions.ACCESS, Resources.APPLICATION, "admin")).as(user).isFalse();
				assertThat(authorized(user, Permissions.READ, Resources.PROCESS_DEFINITION, CollaborationProcess.KEY)).as(user).isFalse();
			}
		}

		@Test
		void theTeamUsesTasklistReadsAllProcessesAndMayStartACollaboration() {
			String instance = collaboration("worms").getId();
			assertThat(authorized(TRANSFER_MANAGER, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
			assertThat(authorized(TRANSFER_MANAGER, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
			assertThat(authorized(TRANSFER_MANAGER, Permissions.READ, Resources.PROCESS_DEFINITION, "agreement")).isTrue();
			assertThat(authorized(TRANSFER_MANAGER, Permissions.READ, Resources.PROCESS_INSTANCE, instance)).isTrue();
			assertThat(authorized(TRANSFER_MANAGER, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, CollaborationProcess.KEY)).isTrue();
			assertThat(authorized(TRANSFER_MANAGER, Permissions.CREATE, Resources.PROCESS_INSTANCE, Authorization.ANY)).isTrue();
			assertThat(authorized(TRANSFER_MANAGER, Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, CollaborationProcess.KEY)).isFalse();
		}

		@Test
		void theProjectLeadAlsoUsesCockpitAndReadsHistory() {
			assertThat(authorized(PROJECT_LEAD, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
			assertThat(authorized(PROJECT_LEAD, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
			assertThat(authorized(PROJECT_LEAD, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
			assertThat(authorized(PROJECT_LEAD, Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "revision")).isTrue();
			assertThat(authorized(PROJECT_LEAD, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, CollaborationProcess.KEY)).isTrue();
		}

		@Test
		void theEngineGivesATasksCandidateGroupReadAndTaskWorkOnItAndNobodyElse() {
			Task task = kommuneTask("eisenach");

			assertThat(authorized(EISENACH_CONTACT, Permissions.READ, Resources.TASK, task.getId())).isTrue();
			assertThat(authorized(EISENACH_CONTACT, Permissions.TASK_WORK, Resources.TASK, task.getId())).isTrue();
			assertThat(authorized(EISENACH_CONTACT, Permissions.UPDATE, Resources.TASK, task.getId())).isFalse();
			assertThat(authorized(EISENACH_CONTACT, Permissions.TASK_ASSIGN, Resources.TASK, task.getId())).isFalse();
			assertThat(authorized(NIENBURG_CONTACT, Permissions.READ, Resources.TASK, task.getId())).isFalse();
			assertThat(authorized(DemoScript.EISENACH.executive().id(), Permissions.READ, Resources.TASK, task.getId()))
				.as("the Verwaltungsspitze is a group of its own").isFalse();
		}

		@Test
		void theAdminFromTheConfigurationMayDoEverything() {
			assertThat(authorized("admin", Permissions.ACCESS, Resources.APPLICATION, "admin")).isTrue();
			assertThat(authorized("admin", Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
		}

	}

	@Nested
	class Filters {

		@Test
		void bothFiltersExistSortedByDueDateAndEveryoneMayReadThem() {
			for (String name : List.of(TaskFilters.MY_TASKS, TaskFilters.GROUP_TASKS)) {
				Filter filter = engine.getFilterService().getFilter(filters.idOf(name));
				assertThat(filter.getResourceType()).isEqualTo(Resources.TASK.resourceName());
				assertThat(engine.getAuthorizationService().createAuthorizationQuery()
					.authorizationType(Authorization.AUTH_TYPE_GLOBAL).resourceType(Resources.FILTER)
					.resourceId(filter.getId()).hasPermission(Permissions.READ).count()).as(name).isEqualTo(1);
			}
			ResponseEntity<String> listed = rest.withBasicAuth(NIENBURG_CONTACT, DemoScript.PASSWORD)
				.getForEntity("/engine-rest/filter?resourceType=Task&sortBy=name&sortOrder=asc", String.class);
			assertThat(listed.getBody()).contains(TaskFilters.GROUP_TASKS, TaskFilters.MY_TASKS);
			assertThat(listed.getBody()).contains("\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]");
			assertThat(listed.getBody()).contains("${currentUser()}", "${currentUserGroups()}");
		}

		@Test
		void aKommuneUserSeesItsOwnTaskThroughTheGroupFilterButNotAnotherKommunes() {
			Task own = kommuneTask("eisenach");
			Task other = kommuneTask("nienburg");

			ResponseEntity<String> list = rest.withBasicAuth(EISENACH_CONTACT, DemoScript.PASSWORD)
				.getForEntity("/engine-rest/filter/{id}/list", String.class, filters.idOf(TaskFilters.GROUP_TASKS));

			assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(list.getBody()).contains(own.getId()).doesNotContain(other.getId());
		}

		@Test
		void myTasksShowsWhatIClaimed() {
			Task own = kommuneTask("nienburg");
			String filterId = filters.idOf(TaskFilters.MY_TASKS);
			TestRestTemplate petra = rest.withBasicAuth(NIENBURG_CONTACT, DemoScript.PASSWORD);
			assertThat(petra.getForEntity("/engine-rest/filter/{id}/list", String.class, filterId).getBody())
				.doesNotContain(own.getId());

			ResponseEntity<String> claimed = petra.postForEntity("/engine-rest/task/{id}/claim",
					json(Map.of("userId", NIENBURG_CONTACT)), String.class, own.getId());

			assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(petra.getForEntity("/engine-rest/filter/{id}/list", String.class, filterId).getBody())
				.contains(own.getId());
			// claimed tasks stay visible to the whole group
			assertThat(petra.getForEntity("/engine-rest/filter/{id}/list", String.class, filters.idOf(TaskFilters.GROUP_TASKS))
				.getBody()).contains(own.getId());
			engine.getTaskService().setAssignee(own.getId(), null);
		}

	}

	@Nested
	class Rest {

		@Test
		void withoutCredentialsTheEngineRestApiAnswers401() {
			assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}

		@Test
		void aKommuneUserListsOnlyTheTasksOfItsOwnKommune() {
			Task own = kommuneTask("eisenach");
			Task other = kommuneTask("nienburg");

			ResponseEntity<List<Map<String, Object>>> tasks = rest.withBasicAuth(EISENACH_CONTACT, DemoScript.PASSWORD)
				.exchange("/engine-rest/task", HttpMethod.GET, null, new org.springframework.core.ParameterizedTypeReference<>() {
				});

			assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(tasks.getBody()).extracting(task -> task.get("id")).contains(own.getId()).doesNotContain(other.getId());
			List<String> eisenachInstances = engine.getRuntimeService().createProcessInstanceQuery()
				.processInstanceBusinessKey("eisenach").list().stream().map(ProcessInstance::getId).toList();
			assertThat(tasks.getBody()).extracting(task -> task.get("processInstanceId")).allMatch(eisenachInstances::contains);
		}

		@Test
		void aKommuneUserLoadsTheDeployedFormAndItsVariablesAndCompletesItsTask() {
			Task own = kommuneTask("worms");
			TestRestTemplate julia = rest.withBasicAuth(DemoScript.WORMS.contact().id(), DemoScript.PASSWORD);

			ResponseEntity<String> form = julia.getForEntity("/engine-rest/task/{id}/deployed-form", String.class, own.getId());
			ResponseEntity<String> variables = julia.getForEntity("/engine-rest/task/{id}/form-variables", String.class, own.getId());
			ResponseEntity<String> submitted = julia.postForEntity("/engine-rest/task/{id}/submit-form",
					json(Map.of("variables", Map.of("recommendationsAcknowledged", Map.of("value", true)))), String.class, own.getId());

			assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(form.getBody()).contains("\"id\": \"acknowledge-recommendations\"");
			assertThat(variables.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(variables.getBody()).contains("Stadt Worms");
			assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		}

		@Test
		void startingACollaborationWithBadDataIsRefusedWith400AndAClearMessageAndStartsNothing() {
			TestRestTemplate lena = rest.withBasicAuth(DemoScript.TRANSFER_MANAGER_LENA.id(), DemoScript.PASSWORD);
			long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY).count();

			ResponseEntity<Map> unknown = lena.postForEntity("/api/collaborations",
					json(Map.of("municipalityId", "atlantis", "fundingEnd", "2030-12-31")), Map.class);
			ResponseEntity<Map> noFundingEnd = lena.postForEntity("/api/collaborations", json(Map.of("municipalityId", "eisenach")),
					Map.class);
			ResponseEntity<Map> malformed = lena.postForEntity("/api/collaborations",
					json(Map.of("municipalityId", "eisenach", "fundingEnd", "31.12.2030")), Map.class);
			ResponseEntity<Map> second = lena.postForEntity("/api/collaborations",
					json(Map.of("municipalityId", "eisenach", "fundingEnd", "2030-12-31")), Map.class);
			ResponseEntity<Map> viaEngineRest = lena.postForEntity("/engine-rest/process-definition/key/collaboration/start",
					json(Map.of("businessKey", "atlantis", "variables", Map.of("fundingEnd", Map.of("value", "2030-12-31")))), Map.class);

			assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(unknown.getBody().get("message")).asString().contains("Unbekannte Kommune");
			assertThat(noFundingEnd.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(noFundingEnd.getBody().get("message")).asString().contains("Förderende");
			assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(malformed.getBody().get("message")).asString().contains("JJJJ-MM-TT");
			assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(second.getBody().get("message")).asString().contains("läuft bereits eine Kooperation");
			assertThat(viaEngineRest.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(viaEngineRest.getBody().get("message")).asString().contains("Unbekannte Kommune");
			assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY).count())
				.isEqualTo(before);
		}

		@Test
		void anIncompleteFormSubmittedOverRestIsRefusedWith400AndTheTaskStaysOpen() {
			ProcessInstance eisenach = collaboration("eisenach");
			engine.getRuntimeService().createProcessInstanceModification(eisenach.getId())
				.startBeforeActivity(CollaborationProcess.Elements.CONCRETISE_GOALS)
				.execute();
			Task own = engine.getTaskService().createTaskQuery().processInstanceId(eisenach.getId())
				.taskDefinitionKey(CollaborationProcess.Elements.CONCRETISE_GOALS).singleResult();
			TestRestTemplate sabine = rest.withBasicAuth(EISENACH_CONTACT, DemoScript.PASSWORD);

			ResponseEntity<Map> refused = sabine.postForEntity("/engine-rest/task/{id}/complete",
					json(Map.of("variables", Map.of("concretisedMeasures", Map.of("value", "Monitoring aufbauen")))), Map.class, own.getId());

			assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getBody().get("message")).asString().contains("kann nicht abgeschlossen werden")
				.contains("Konkretisierte Ziele");
			assertThat(engine.getRuntimeService().getVariable(eisenach.getId(), "concretisedMeasures")).isNull();
			assertThat(engine.getTaskService().createTaskQuery().taskId(own.getId()).count()).isOne();
		}

		@Test
		void aKommuneUserCanNeitherSeeNorCompleteAnotherKommunesTask() {
			Task other = kommuneTask("nienburg");
			TestRestTemplate sabine = rest.withBasicAuth(EISENACH_CONTACT, DemoScript.PASSWORD);

			ResponseEntity<String> form = sabine.getForEntity("/engine-rest/task/{id}/deployed-form", String.class, other.getId());
			ResponseEntity<String> completed = sabine.postForEntity("/engine-rest/task/{id}/complete", json(Map.of()), String.class,
					other.getId());

			assertThat(form.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(engine.getTaskService().createTaskQuery().taskId(other.getId()).count()).isOne();
		}

		@Test
		void theProjectLeadRegistersAKommuneAndTheTeamStartsItsCollaborationButAKommuneMayNot() {
			String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
			Map<String, String> body = Map.of("name", "Stadt Teststadt", "federalState", "TH");

			ResponseEntity<String> byKommune = rest.withBasicAuth(EISENACH_CONTACT, DemoScript.PASSWORD)
				.exchange("/api/municipalities/{id}", HttpMethod.PUT, json(body), String.class, id);
			ResponseEntity<String> byLead = rest.withBasicAuth(PROJECT_LEAD, DemoScript.PASSWORD)
				.exchange("/api/municipalities/{id}", HttpMethod.PUT, json(body), String.class, id);

			assertThat(byKommune.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(byLead.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(engine.getIdentityService().createGroupQuery().groupIdIn("kommune-" + id, "kommune-" + id + "-leadership").count())
				.isEqualTo(2);

			Map<String, Object> start = Map.of("businessKey", id,
					"variables", Map.of("fundingEnd", Map.of("value", "2099-12-31", "type", "String")));
			ResponseEntity<String> startedByKommune = rest.withBasicAuth(EISENACH_CONTACT, DemoScript.PASSWORD)
				.postForEntity("/engine-rest/process-definition/key/collaboration/start", json(start), String.class);
			ResponseEntity<String> startedByTeam = rest.withBasicAuth(TRANSFER_MANAGER, DemoScript.PASSWORD)
				.postForEntity("/engine-rest/process-definition/key/collaboration/start", json(start), String.class);

			// Kommune users cannot even see the process definition
			assertThat(startedByKommune.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(startedByTeam.getStatusCode()).as(startedByTeam.getBody()).isEqualTo(HttpStatus.OK);
		}

	}

	@Nested
	class Webapps {

		@Test
		void aKommuneUserLogsIntoTasklistButNotIntoCockpit() {
			ResponseEntity<String> tasklist = login("tasklist", EISENACH_CONTACT);
			assertThat(tasklist.getStatusCode()).as(tasklist.getHeaders() + " " + tasklist.getBody()).isEqualTo(HttpStatus.OK);
			assertThat(login("cockpit", EISENACH_CONTACT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(login("admin", EISENACH_CONTACT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(login("cockpit", PROJECT_LEAD).getStatusCode()).isEqualTo(HttpStatus.OK);
		}

		@Test
		void everyWebappSpeaksGermanOnly() {
			for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
				String config = rest.getForObject("/camunda/app/{app}/scripts/config.js", String.class, app);
				assertThat(config).as(app).contains("availableLocales: ['de']", "fallbackLocale: 'de'");
				assertThat(rest.getForObject("/camunda/app/{app}/locales/de.json", String.class, app)).as(app).contains("\"labels\"");
			}
		}

		@Test
		void tasklistSortsAListWithoutAChosenSortingByDueDate() {
			String config = rest.getForObject("/camunda/app/tasklist/scripts/config.js", String.class);
			String script = rest.getForObject("/camunda/app/tasklist/kooperation/due-date-sorting.js", String.class);

			assertThat(config).contains("customScripts: ['kooperation/due-date-sorting']");
			assertThat(script).contains("sortBy: 'dueDate', sortOrder: 'asc'", "export default");
		}

		@Test
		void noWebappShowsTheVendorBanner() {
			for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
				String styles = rest.getForObject("/camunda/app/{app}/styles/user-styles.css", String.class, app);
				assertThat(styles).as(app).contains(".ce-eol-banner {\n  display: none;", "padding-top: 45px;");
			}
		}

		@Test
		void theOutboxPageIsForTheAgencyBehindTheWebappLoginAndEscapesWhatItShows() {
			org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
				.sql("insert into koop_mail_log (id, reminder_id, sent_at, recipients, subject, kind, municipality_id) values (?, null, current_timestamp, ?, ?, 'DUE', 'eisenach')")
				.params(UUID.randomUUID().toString(), "sabine.krause@example.org", "Heute fällig: <script>alert(1)</script>")
				.update();

			ResponseEntity<String> anonymous = rest.getForEntity("/postausgang", String.class);
			ResponseEntity<String> kommune = rest.exchange("/postausgang", HttpMethod.GET, withSession("tasklist", EISENACH_CONTACT),
					String.class);
			ResponseEntity<String> agency = rest.exchange("/postausgang", HttpMethod.GET,
					withSession("tasklist", DemoScript.TRANSFER_MANAGER_LENA.id()), String.class);

			assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(anonymous.getBody()).contains("Anmeldung erforderlich");
			assertThat(kommune.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(agency.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(agency.getBody()).contains("Postausgang", "sabine.krause@example.org", "Heute fällig: &lt;script&gt;")
				.doesNotContain("<script>alert(1)</script>");
		}

		/** The session cookie of a user logged in to the given webapp. */
		private HttpEntity<Void> withSession(String app, String user) {
			ResponseEntity<String> loggedIn = login(app, user);
			assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
			return new HttpEntity<>(de.kooperation.WebappSessions.sessionOf(loggedIn));
		}

		private ResponseEntity<String> login(String app, String user) {
			return de.kooperation.WebappSessions.login(rest, app, user, DemoScript.PASSWORD);
		}

	}

	/** A task offered to the Kommune's contacts in its demo collaboration (created if none is open). */
	Task kommuneTask(String municipalityId) {
		ProcessInstance collaboration = collaboration(municipalityId);
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(collaboration.getId())
			.taskDefinitionKey(ACKNOWLEDGE_RECOMMENDATIONS).singleResult();
		if (task == null) {
			engine.getRuntimeService().createProcessInstanceModification(collaboration.getId())
				.startBeforeActivity(ACKNOWLEDGE_RECOMMENDATIONS)
				.execute();
			task = engine.getTaskService().createTaskQuery().processInstanceId(collaboration.getId())
				.taskDefinitionKey(ACKNOWLEDGE_RECOMMENDATIONS).singleResult();
		}
		return task;
	}

	ProcessInstance collaboration(String municipalityId) {
		return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY)
			.processInstanceBusinessKey(municipalityId).singleResult();
	}

	boolean authorized(String userId, Permission permission, Resource resource, String resourceId) {
		List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
			.map(Group::getId).toList();
		return engine.getAuthorizationService().isUserAuthorized(userId, groups, permission, resource, resourceId);
	}

	List<String> members(String groupId) {
		return engine.getIdentityService().createUserQuery().memberOfGroup(groupId).list().stream()
			.map(org.camunda.bpm.engine.identity.User::getId).toList();
	}

	static HttpEntity<Object> json(Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
