package de.kooperation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.kooperation.shared.BaselineAnalysisProcess.Forms;
import de.kooperation.shared.BaselineAnalysisProcess.Vars;
import de.kooperation.shared.CoreElement;
import de.kooperation.shared.MaturityLevel;

/** The Standortbestimmung form (generated from seed 004) and the CoreElement enum say the same. */
class AssessmentFormTests {

	@Test
	void theFormAsksForOneDevelopmentTypePerCoreElementUnderItsGermanName() throws IOException {
		List<JsonNode> components = components();

		for (CoreElement element : CoreElement.values()) {
			JsonNode select = components.stream().filter(c -> Vars.assessment(element).equals(c.path("key").asText()))
				.findFirst().orElseThrow(() -> new AssertionError("no field for " + element));
			assertThat(select.path("type").asText()).isEqualTo("select");
			assertThat(select.path("label").asText()).isEqualTo(element.label());
			assertThat(select.path("validate").path("required").asBoolean()).isTrue();
			List<String> values = new ArrayList<>();
			select.path("values").forEach(option -> values.add(option.path("value").asText() + "=" + option.path("label").asText()));
			assertThat(values).containsExactly("1=Typ 1", "2=Typ 2", "3=Typ 3", "4=Typ 4");
		}
	}

	@Test
	void theFormShowsEachGuidingQuestionAndTypeDescriptionOfTheEnum() throws IOException {
		StringBuilder texts = new StringBuilder();
		components().stream().filter(c -> "text".equals(c.path("type").asText()))
			.forEach(c -> texts.append(c.path("text").asText()).append('\n'));

		for (CoreElement element : CoreElement.values()) {
			assertThat(texts).contains("### " + element.label() + "\n*" + element.guidingQuestion() + "*");
			for (MaturityLevel level : MaturityLevel.values()) {
				assertThat(texts).contains("- **" + level.label() + ":** " + element.description(level));
			}
		}
	}

	private static List<JsonNode> components() throws IOException {
		try (InputStream in = AssessmentFormTests.class.getResourceAsStream("/forms/" + Forms.ASSESS_POSITION + ".form")) {
			assertThat(in).as("form on the classpath").isNotNull();
			JsonNode form = new ObjectMapper().readTree(in);
			assertThat(form.path("id").asText()).isEqualTo(Forms.ASSESS_POSITION);
			List<JsonNode> components = new ArrayList<>();
			form.path("components").forEach(components::add);
			return components;
		}
	}

}
