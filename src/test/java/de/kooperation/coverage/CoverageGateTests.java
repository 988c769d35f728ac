package de.kooperation.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.kooperation.coverage.CoverageGate.ProcessCoverage;
import de.kooperation.coverage.CoverageGate.Result;

/** The gate adds up the reports of all test classes and fails for any process under the minimum. */
class CoverageGateTests {

	/** start -> review -> gateway -> (approved) end / (rejected) back to review: 4 flow nodes, 4 sequence flows. */
	private static final String REVIEW_PROCESS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
			    id="definitions_review" targetNamespace="http://kooperation.de/bpmn">
			  <bpmn:process id="review" isExecutable="true" camunda:historyTimeToLive="1">
			    <bpmn:startEvent id="start" />
			    <bpmn:userTask id="user_review" />
			    <bpmn:exclusiveGateway id="gateway_approved" />
			    <bpmn:endEvent id="end" />
			    <bpmn:sequenceFlow id="flow_start" sourceRef="start" targetRef="user_review" />
			    <bpmn:sequenceFlow id="flow_review" sourceRef="user_review" targetRef="gateway_approved" />
			    <bpmn:sequenceFlow id="flow_approved" sourceRef="gateway_approved" targetRef="end" />
			    <bpmn:sequenceFlow id="flow_rejected" sourceRef="gateway_approved" targetRef="user_review" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@TempDir
	Path directory;

	Path processes;

	Path reports;

	Path testClasses;

	@BeforeEach
	void aProjectWithOneProcess() throws IOException {
		processes = Files.createDirectories(directory.resolve("processes"));
		reports = Files.createDirectories(directory.resolve("process-test-coverage"));
		testClasses = Files.createDirectories(directory.resolve("test-classes"));
		Files.writeString(processes.resolve("review.bpmn"), REVIEW_PROCESS);
	}

	@Test
	void twoTestClassesTogetherReachTheMinimumThatNeitherReachesAlone() throws IOException {
		report("de.kooperation.review.ApprovalTests", "review", "start", "flow_start", "user_review", "flow_review",
				"gateway_approved", "flow_approved", "end");
		report("de.kooperation.review.RejectionTests", "review", "start", "flow_start", "user_review", "flow_review",
				"gateway_approved", "flow_rejected", "user_review");

		Result result = CoverageGate.evaluate(processes, reports, testClasses, 1.0);

		ProcessCoverage review = result.processes().get(0);
		assertThat(review.flowNodes()).hasSize(4);
		assertThat(review.sequenceFlows()).hasSize(4);
		assertThat(review.flowNodeRatio()).isEqualTo(1.0);
		assertThat(review.sequenceFlowRatio()).isEqualTo(1.0);
		assertThat(result.passed()).isTrue();
		assertThat(result.reportsRead()).containsExactly("de.kooperation.review.ApprovalTests",
				"de.kooperation.review.RejectionTests");
	}

	@Test
	void aMissedSequenceFlowFailsTheGateAndIsListed() throws IOException {
		report("de.kooperation.review.ApprovalTests", "review", "start", "flow_start", "user_review", "flow_review",
				"gateway_approved", "flow_approved", "end");

		Result result = CoverageGate.evaluate(processes, reports, testClasses, 0.95);

		assertThat(result.passed()).isFalse();
		assertThat(result.table())
			.containsPattern("review\\s+review.bpmn\\s+4/4  100.0 %\\s+3/4  75.0 %\\s+BELOW 95.0 %")
			.contains("sequence flows: flow_rejected")
			.contains("Coverage gate FAILED.");
		assertThat(result.failure()).contains("review (flow nodes 100.0 %, sequence flows 75.0 %)");
		assertThat(CoverageGate.evaluate(processes, reports, testClasses, 0.75).passed()).isTrue();
	}

	@Test
	void aProcessNoTestStartsCountsAsUncovered() throws IOException {
		Result result = CoverageGate.evaluate(processes, reports, testClasses, 0.95);

		assertThat(result.processes()).singleElement().satisfies(review -> {
			assertThat(review.coveredFlowNodes()).isEmpty();
			assertThat(review.flowNodeRatio()).isZero();
		});
		assertThat(result.passed()).isFalse();
	}

	@Test
	void theReportOfADeletedTestClassDoesNotCount() throws IOException {
		report("de.kooperation.review.DeletedTests", "review", "start", "flow_start", "user_review", "flow_review",
				"gateway_approved", "flow_approved", "end", "flow_rejected");
		Files.delete(testClasses.resolve("de/kooperation/review/DeletedTests.class"));

		Result result = CoverageGate.evaluate(processes, reports, testClasses, 0.95);

		assertThat(result.reportsIgnored()).containsExactly("de.kooperation.review.DeletedTests");
		assertThat(result.processes().get(0).flowNodeRatio()).isZero();
	}

	@Test
	void aNestedTestClassIsFoundUnderEitherName() throws IOException {
		Files.createDirectories(testClasses.resolve("de/kooperation"));
		Files.writeString(testClasses.resolve("de/kooperation/OuterTests$Inner.class"), "");

		assertThat(CoverageGate.testClassExists(testClasses, "de.kooperation.OuterTests.Inner")).isTrue();
		assertThat(CoverageGate.testClassExists(testClasses, "de.kooperation.OuterTests$Inner")).isTrue();
		assertThat(CoverageGate.testClassExists(testClasses, "de.kooperation.OtherTests")).isFalse();
	}

	@Test
	void theBuildFailsWithTheProcessesBelowTheMinimum() {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();

		assertThatThrownBy(() -> CoverageGate.run(new String[] { processes.toString(), reports.toString(),
				testClasses.toString(), "0.95" }, new PrintStream(printed, true, StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Process test coverage below 95.0 % (coverage.minimum): review (flow nodes 0.0 %, sequence flows 0.0 %)");
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Coverage gate FAILED.");
		assertThatThrownBy(() -> CoverageGate.run(new String[] { processes.toString(), reports.toString(),
				testClasses.toString(), "95" }, new PrintStream(printed, true, StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("between 0 and 1");
	}

	@Test
	void aShareJustBelowTheMinimumIsNotRoundedUp() {
		assertThat(Result.percent(0.9499)).isEqualTo("94.9 %");
	}

	/** Writes a report.json as camunda-process-test-coverage does, and the test class it came from. */
	private void report(String testClass, String processKey, String... elementIds) throws IOException {
		List<String> events = new ArrayList<>();
		for (String id : elementIds) {
			boolean flow = id.startsWith("flow_");
			events.add("""
					{"source":"%s","type":"%s","definitionKey":"%s","elementType":"x","modelKey":"%s","timestamp":1}"""
				.formatted(flow ? "SEQUENCE_FLOW" : "FLOW_NODE", flow ? "TAKE" : "START", id, processKey));
		}
		String json = """
				{"suites":[{"id":"%s","name":"%s","runs":[{"id":"aTest","name":"aTest","events":[%s]}]}],
				 "models":[{"key":"%s","totalElementCount":8,"xml":"<ignored/>"}]}"""
			.formatted(testClass, testClass, String.join(",", events), processKey);
		Files.writeString(Files.createDirectories(reports.resolve(testClass)).resolve("report.json"), json);
		Path classFile = testClasses.resolve(testClass.replace('.', '/') + ".class");
		Files.createDirectories(classFile.getParent());
		Files.writeString(classFile, "");
	}

}
