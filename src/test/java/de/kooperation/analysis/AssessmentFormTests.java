package de.kooperation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.kooperation.shared.BaselineAnalysisProcess.Forms;
import de.kooperation.shared.BaselineAnalysisProcess.Vars;
import de.kooperation.shared.CoreElement;
import de.kooperation.shared.MaturityLevel;
import de.kooperation.shared.BaselineAnalysisProcess.Forms;
import de.kooperation.shared.BaselineAnalysisProcess.Vars;
import de.kooperation.shared.ImplementationProcess;
import de.kooperation.shared.CoreElement;
import de.kooperation.shared.MaturityLevel;

/**
 * The two forms that write out the maturity matrix, the Standortbestimmung of the baseline analysis (generated
 * from seed 004) and that of a review meeting, say the same as the CoreElement enum.
 */
class AssessmentFormTests {

	static Stream<Arguments> matrixForms() {
		return Stream.of(
				Arguments.of(Forms.ASSESS_POSITION, (Function<CoreElement, String>) Vars::assessment),
				Arguments.of(ImplementationProcess.Forms.RECORD_REVIEW_MEETING,
						(Function<CoreElement, String>) ImplementationProcess.Vars::reviewAssessment));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrixForms")
	void theFormAsksForOneDevelopmentTypePerCoreElementUnderItsGermanName(String formId, Function<CoreElement, String> key)
			throws IOException {
		List<JsonNode> components = components(formId);

		for (CoreElement element : CoreElement.values()) {
			JsonNode select = components.stream().filter(c -> key.apply(element).equals(c.path("key").asText()))
				.findFirst().orElseThrow(() -> new AssertionError("no field for " + element + " in " + formId));
			assertThat(select.path("type").asText()).isEqualTo("select");
			assertThat(select.path("label").asText()).isEqualTo(element.label());
			assertThat(select.path("validate").path("required").asBoolean()).isTrue();
			List<String> values = new ArrayList<>();
			select.path("values").forEach(option -> values.add(option.path("value").asText() + "=" + option.path("label").asText()));
			assertThat(values).containsExactly("1=Typ 1", "2=Typ 2", "3=Typ 3", "4=Typ 4");
		}
		assertThat(components).filteredOn(c -> "select".equals(c.path("type").asText()))
			.as("development types asked for in %s", formId)
			.hasSize(CoreElement.values().length);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrixForms")
	void theFormShowsEachGuidingQuestionAndTypeDescriptionOfTheEnum(String formId, Function<CoreElement, String> key)
			throws IOException {
		StringBuilder texts = new StringBuilder();
		components(formId).stream().filter(c -> "text".equals(c.path("type").asText()))
			.forEach(c -> texts.append(c.path("text").asText()).append('\n'));

		for (CoreElement element : CoreElement.values()) {
			assertThat(texts).contains("# " + element.label() + "\n*" + element.guidingQuestion() + "*");
			for (MaturityLevel level : MaturityLevel.values()) {
				assertThat(texts).contains("- **" + level.label() + ":** " + element.description(level));
			}
		}
	}

	private static List<JsonNode> components(String formId) throws IOException {
		try (InputStream in = AssessmentFormTests.class.getResourceAsStream("/forms/" + formId + ".form")) {
			assertThat(in).as("form on the classpath").isNotNull();
			JsonNode form = new ObjectMapper().readTree(in);
			assertThat(form.path("id").asText()).isEqualTo(formId);
			List<JsonNode> components = new ArrayList<>();
			form.path("components").forEach(components::add);
			return components;
		}
	}

}
