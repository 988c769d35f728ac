package de.kooperation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Static checks of every BPMN in processes/ and every form in forms/ (no engine, no Spring):
 * what the engine would accept but Cockpit, Tasklist or a gateway would get wrong. One dynamic
 * test per file and check, so a failure names the file; each message names the element.
 */
class ModelTests {

	/** This repository's processes, forms, beans and due-date stages, read once. */
	static final Project PROJECT = Project.current();

	static final ModelChecks CHECKS = new ModelChecks(PROJECT);

	/** The forms in which the agency drafts a Zielvereinbarung: first draft, rework, revision draft, its rework. */
	static final List<String> DRAFTING_FORMS = List.of("agreement-draft", "agreement-revise-draft", "revision-draft",
			"revision-revise-draft");

	// no test source URIs on the dynamic tests: Surefire 3.5.3 did not run dynamic tests that had a file URI
	@TestFactory
	Stream<DynamicContainer> everyProcessFile() {
		return PROJECT.processFiles().stream()
			.map(file -> dynamicContainer(file.fileName(), Stream.of(
					check("is a readable BPMN model", () -> CHECKS.readable(file)),
					check("is executable with a history time to live", () -> CHECKS.executable(file)),
					check("has user tasks with form, group and due date", () -> CHECKS.userTasks(file)),
					check("has a diagram shape or edge for every element", () -> CHECKS.diagram(file)),
					check("shows every name readable in Cockpit", () -> CHECKS.readableNames(file)),
					check("calls only processes that exist", () -> CHECKS.calledElements(file)),
					check("reads in conditions only variables set before", () -> CHECKS.conditionVariables(file)),
					check("reads from its caller only what it is given", () -> CHECKS.calledProcessVariables(file)),
					check("names only existing beans", () -> CHECKS.beanReferences(file)),
					check("names only meeting kinds that exist, with their fields in its forms", () -> CHECKS.meetingKinds(file)),
					check("names only declared loop intervals", () -> CHECKS.loopIntervals(file)),
					check("uses forms named by the rule", () -> CHECKS.formNames(file)))));
	}

	@TestFactory
	Stream<DynamicContainer> everyProcessHolder() {
		return CHECKS.processHolders().stream()
			.map(holder -> dynamicContainer(holder.name(), Stream.of(
					check("names only elements and forms of its model", () -> CHECKS.holderElements(holder)),
					check("names only variables its model or the code uses", () -> CHECKS.holderVariables(holder)))));
	}

	@TestFactory
	Stream<DynamicTest> everyForm() {
		return PROJECT.forms().stream()
			.map(form -> dynamicTest(form.fileName() + " is JSON with an id and components",
					() -> assertNoViolations(CHECKS.form(form))));
	}

	@Test
	void processKeysAreUnique() {
		assertNoViolations(CHECKS.uniqueProcessKeys(PROJECT.processFiles()));
	}

	@Test
	void formIdsAreUnique() {
		assertNoViolations(CHECKS.uniqueFormIds(PROJECT.forms()));
	}

	@Test
	void theDraftingFormsWriteOutTheFieldsTheyShareAlike() {
		List<FormFile> forms = DRAFTING_FORMS.stream().map(PROJECT::form).toList();

		assertThat(forms).as("forms %s", DRAFTING_FORMS).doesNotContainNull();
		assertThat(CHECKS.commonFields(forms)).as("fields all drafting forms have").isNotEmpty();
		assertNoViolations(CHECKS.sharedFieldsAlike(forms));
	}

	@Test
	void theTestFindsTheProjectsModels() {
		assertThat(PROJECT.processFiles()).as("processes/*.bpmn under %s", PROJECT.root()).isNotEmpty();
		assertThat(PROJECT.forms()).as("forms/*.form under %s", PROJECT.root()).isNotEmpty();
		assertThat(PROJECT.beans()).as("beans in src/main/java").contains("dueDates", "collaborationStartListener");
		assertThat(PROJECT.dueStages()).as("kooperation.due.days in application.yaml").isNotEmpty();
		assertThat(CHECKS.processHolders()).as("process holders in src/main/java").extracting(ProcessHolder::name)
			.contains("CollaborationProcess", "AgreementProcess", "RevisionProcess", "BaselineAnalysisProcess",
					"ImplementationProcess");
	}

	/** Each check rejects a model broken in its way, and accepts a correct one. */
	@Nested
	class Fixtures {

		@Test
		void aCorrectModelPassesEveryCheck() {
			ProcessFile valid = fixture("valid.bpmn");
			ModelChecks checks = checksWith(valid);

			assertThat(checks.readable(valid)).isEmpty();
			assertThat(checks.executable(valid)).isEmpty();
			assertThat(checks.userTasks(valid)).isEmpty();
			assertThat(checks.diagram(valid)).isEmpty();
			assertThat(checks.calledElements(valid)).isEmpty();
			assertThat(checks.conditionVariables(valid)).isEmpty();
			assertThat(checks.calledProcessVariables(valid)).isEmpty();
			assertThat(checks.beanReferences(valid)).isEmpty();
			assertThat(checks.meetingKinds(valid)).isEmpty();
			assertThat(checks.loopIntervals(valid)).isEmpty();
			assertThat(checks.formNames(valid)).isEmpty();
		}

		@ParameterizedTest(name = "{0} is rejected by the check {1}")
		@MethodSource("de.kooperation.model.ModelTests#brokenModels")
		void aBrokenModelIsRejected(String fixture, String check, BiFunction<ModelChecks, ProcessFile, List<String>> run,
				List<String> expected) {
			ProcessFile file = fixture(fixture);

			List<String> violations = run.apply(checksWith(file), file);

			assertThat(violations).allMatch(violation -> violation.startsWith(fixture + ": "));
			for (String fragment : expected) {
				assertThat(violations).as("violations of %s", fixture).anyMatch(violation -> violation.contains(fragment));
			}
			assertThat(violations).hasSize(expected.size());
		}

		@Test
		void aConditionMayReadWhatAnEarlierFormSetsButNotWhatALaterOneSets() {
			ProcessFile file = fixture("condition-variables.bpmn");

			List<String> violations = checksWith(file).conditionVariables(file);

			assertThat(violations).noneMatch(violation -> violation.contains("'continueCollaboration'"));
			assertThat(violations).anyMatch(violation -> violation.contains("'transferPlanWanted'")
					&& violation.contains("form 'support-concretisation' of 'user_support' sets it, but not before this flow"));
		}

		@Test
		void aCalledProcessMayReadWhatItsCallerSetBeforeTheCall() {
			ProcessFile called = fixture("called.bpmn");
			ProcessFile caller = fixture("caller.bpmn");

			assertThat(new ModelChecks(PROJECT.withProcessFiles(List.of(called, caller))).conditionVariables(called))
				.isEmpty();
			assertThat(checksWith(called).conditionVariables(called))
				.hasSize(2)
				.allMatch(violation -> violation.contains("reads 'continueCollaboration'"));
		}

		@Test
		void aCalledProcessIsGivenOnlyVariablesThatAreSetSomewhere() {
			ProcessFile file = fixture("called-variables.bpmn");
			ModelChecks checks = new ModelChecks(PROJECT.withProcessFiles(List.of(file)),
					key -> Set.of("neverGiven", "municipalityName", "noSuchVariable"));

			assertThat(checks.calledProcessVariables(file)).containsExactly("called-variables.bpmn: CalledProcessVariables gives "
					+ "'fixtureMapped' the variable 'neverGiven', which no form sets and no process holder names",
					"called-variables.bpmn: CalledProcessVariables gives 'fixtureMapped' the variable 'noSuchVariable', which no form "
							+ "sets and no process holder names");
		}

		@Test
		void aDuplicateProcessKeyIsRejected() {
			ProcessFile duplicate = fixture("duplicate-process-key.bpmn");
			Project project = PROJECT.withProcessFiles(List.of(duplicate));

			assertThat(new ModelChecks(project).uniqueProcessKeys(project.processFiles()))
				.containsExactly("duplicate-process-key.bpmn: process key 'collaboration' is also the key in collaboration.bpmn");
		}

		@Test
		void aStaleProcessHolderIsRejected() {
			ProcessHolder stale = new ProcessHolder(StaleProcessHolder.class, Path.of("StaleProcessHolder.java"));

			assertThat(CHECKS.holderElements(stale)).containsExactly(
					"StaleProcessHolder: Elements.REMOVED_TASK is 'user_removed_long_ago', which is no element of collaboration.bpmn",
					"StaleProcessHolder: Forms.RENAMED_FORM is 'agreement-publicity', which no element of collaboration.bpmn refers to");
			assertThat(CHECKS.holderVariables(stale)).containsExactly(
					"StaleProcessHolder: Vars.NEVER_USED ('neverUsedAnywhere') is used neither in collaboration.bpmn or its forms nor in the code");
		}

		@Test
		void brokenFormsAreRejected() {
			List<FormFile> forms = Project.files(fixtureDirectory().resolve("forms"), ".form").stream().map(FormFile::read).toList();
			ModelChecks checks = new ModelChecks(PROJECT.withForms(forms));

			List<String> violations = forms.stream().flatMap(form -> checks.form(form).stream()).toList();

			assertThat(violations).anyMatch(v -> v.startsWith("broken-json.form: is not valid JSON"));
			assertThat(violations).contains("without-components.form: has no \"components\" array");
			assertThat(violations).anyMatch(v -> v.startsWith("without-id.form: has no \"id\""));
			assertThat(violations).anyMatch(v -> v.startsWith("duplicate-key.form: has the key 'meetingDate' twice"));
			assertThat(violations).hasSize(4);
			assertThat(checks.sharedFieldsAlike(forms.stream().filter(form -> form.fileName().startsWith("drafting-")).toList()))
				.containsExactly("drafting-second.form: the field 'agreementGoals' is not written out as in drafting-first.form"
						+ " (the forms [drafting-first.form, drafting-second.form] share it)");
			assertThat(checks.uniqueFormIds(forms))
				.containsExactly("same-id-second.form: form id 'fixture-same-id' is also the id of same-id-first.form");
		}

	}

	static Stream<Arguments> brokenModels() {
		return Stream.of(
				broken("not-executable.bpmn", "executable", ModelChecks::executable,
						"process 'fixtureNotExecutable' is not executable",
						"process 'fixtureNotExecutable' has no camunda:historyTimeToLive"),
				broken("user-tasks.bpmn", "userTasks", ModelChecks::userTasks,
						"user task 'user_without_form' has no camunda:formRef (it uses camunda:formKey",
						"userTask 'user_unknown_form' refers to the form 'no-such-form', but no forms/*.form has that id",
						"startEvent 'start_with_unknown_form' refers to the form 'no-such-start-form'",
						"user task 'user_offered_to_nobody' has neither camunda:candidateGroups nor camunda:assignee",
						"user task 'user_without_due_date' has no camunda:dueDate",
						"user task 'user_unknown_due_stage' uses the due-date stage 'noSuchStage'",
						"user task 'user_hard_coded_kommune' is offered to the hard-coded group 'kommune-erfurt'"),
				broken("missing-di.bpmn", "diagram", ModelChecks::diagram,
						"userTask 'user_without_shape' has no diagram shape",
						"subProcess 'sub_termination' has no diagram shape",
						"sequenceFlow 'flow_without_edge' has no diagram edge",
						"the diagram draws 'ghost_task', which the model does not contain"),
				// BPMN DI's schema wants two waypoints: the model API refuses the file already
				broken("one-waypoint.bpmn", "readable", ModelChecks::readable,
						"cannot be read as BPMN: SAXException while parsing input stream"),
				broken("called-elements.bpmn", "calledElements", ModelChecks::calledElements,
						"call activity 'call_missing_process' calls 'noSuchProcess', but no processes/*.bpmn defines",
						"call activity 'call_expression' calls the expression '${processToCall}'"),
				broken("condition-variables.bpmn", "conditionVariables", ModelChecks::conditionVariables,
						"sequence flow 'flow_reads_unset_variable' (from 'gateway_fixture') reads 'neverSetAnywhere'",
						"sequence flow 'flow_reads_later_variable' (from 'gateway_fixture') reads 'transferPlanWanted'"),
				broken("called-variables.bpmn", "calledProcessVariables", ModelChecks::calledProcessVariables,
						"'flow_yes' ${neverGiven} reads 'neverGiven', which 'fixtureMapped' neither sets itself nor is given"),
				broken("unknown-beans.bpmn", "beanReferences", ModelChecks::beanReferences,
						"'service_unknown_delegate' delegateExpression ${noSuchDelegate} names 'noSuchDelegate', but src/main/java declares no bean",
						"'user_typo_in_due_date' dueDate ${dueDate.of(execution, 'meeting')} calls 'dueDate', which is no bean",
						"'fixtureUnknownBeans' expression ${noSuchBean.run(execution)} calls 'noSuchBean', which is no bean",
						"'timer_unknown_calendar' timeDate ${noSuchCalendar.next(execution)} calls 'noSuchCalendar', which is no bean"),
				broken("unknown-meeting-kinds.bpmn", "meetingKinds", ModelChecks::meetingKinds,
						"'user_unknown_kind' invites to the meeting kind 'EXPLORATORY_MEETNG', which MeetingKind does not define",
						"'user_text_in_expression' ${meetingInvitations.invite(task, 'exploratoryMeeting', 'Sondierungsgespräch', municipalityGroup, '')} names no meeting kind as a literal"),
				broken("meeting-fields.bpmn", "meetingKinds", ModelChecks::meetingKinds,
						"'user_plan_in_other_form' plans the meeting kind 'REVIEW_MEETING', whose field 'reviewMeetingDate' its form 'implementation-plan-strategy-meeting' does not have",
						"'user_plan_in_other_form' plans the meeting kind 'REVIEW_MEETING', whose field 'reviewMeetingTime'",
						"'user_plan_in_other_form' plans the meeting kind 'REVIEW_MEETING', whose field 'reviewMeetingLocation'",
						"'user_record_without_results' records the results of the meeting kind 'EXPLORATORY_MEETING', which has no results due",
						"'user_record_other_due' records the results of the meeting kind 'REVIEW_MEETING', but its due date ${dueDates.of(execution, 'strategyMeetingResults')} does not read 'reviewMeetingResultsDue'"),
				broken("unknown-intervals.bpmn", "loopIntervals", ModelChecks::loopIntervals,
						"'timer_typo' names the interval 'reviewMeetingIntervall', which ImplementationProcess does not declare",
						"'flow_typo' names the interval 'feedbackIntervall', which ImplementationProcess does not declare"),
				broken("form-names.bpmn", "formNames", ModelChecks::formNames,
						"'user_borrowed_form' uses the form 'agreement-review', whose prefix 'agreement-' is that of the forms of agreement.bpmn"));
	}

	private static Arguments broken(String fixture, String check, BiFunction<ModelChecks, ProcessFile, List<String>> run,
			String... expected) {
		return Arguments.of(fixture, check, run, List.of(expected));
	}

	private static ModelChecks checksWith(ProcessFile fixture) {
		return new ModelChecks(PROJECT.withProcessFiles(List.of(fixture)));
	}

	private static ProcessFile fixture(String name) {
		return ProcessFile.read(fixtureDirectory().resolve(name));
	}

	private static Path fixtureDirectory() {
		try {
			return Path.of(ModelTests.class.getResource("/model-fixtures").toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	private static DynamicTest check(String name, Supplier<List<String>> check) {
		return dynamicTest(name, () -> assertNoViolations(check.get()));
	}

	private static void assertNoViolations(List<String> violations) {
		if (!violations.isEmpty()) {
			fail(violations.size() + " problem(s):\n  " + String.join("\n  ", violations));
		}
	}

}
