package de.kooperation.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import de.kooperation.shared.CoreElement;
import de.kooperation.shared.MaturityLevel;

class CoreElementTests {

	@Test
	void theMatrixHasNineCoreElementsInTheSeedsOrder() {
		assertThat(CoreElement.values()).extracting(CoreElement::label).containsExactly("Strategische Ziele",
				"Datenbasierung", "Interne Kooperation", "Externe Kooperation", "Koordination", "Steuerung & Lenkung",
				"Öffentlichkeit & Beteiligung", "Qualitätsentwicklung", "Bildungsprojekte und -maßnahmen");
	}

	@Test
	void everyElementHasAGuidingQuestionAndFourDistinctTypes() {
		for (CoreElement element : CoreElement.values()) {
			assertThat(element.guidingQuestion()).endsWith("?");
			assertThat(Arrays.stream(MaturityLevel.values()).map(element::description)).doesNotContainNull()
				.doesNotHaveDuplicates().allSatisfy(description -> assertThat(description).endsWith("."));
		}
		assertThat(CoreElement.DATA_BASIS.description(MaturityLevel.TYPE_4)).startsWith("Im Bildungsmonitoring");
	}

	@Test
	void idsAreStableAndFindTheirElement() {
		for (CoreElement element : CoreElement.values()) {
			assertThat(CoreElement.byId(element.id())).contains(element);
		}
		assertThat(CoreElement.STEERING.capitalizedId()).isEqualTo("Steering");
		assertThat(CoreElement.byId("unknown")).isEmpty();
	}

	@Test
	void levelsAreReadFromFormsAndRestClients() {
		assertThat(MaturityLevel.of("2")).contains(MaturityLevel.TYPE_2);
		assertThat(MaturityLevel.of(4L)).contains(MaturityLevel.TYPE_4);
		assertThat(MaturityLevel.of(1)).contains(MaturityLevel.TYPE_1);
		assertThat(MaturityLevel.of("5")).isEmpty();
		assertThat(MaturityLevel.of(2.5)).isEmpty();
		assertThat(MaturityLevel.of(null)).isEmpty();
		assertThat(MaturityLevel.TYPE_3.label()).isEqualTo("Typ 3");
	}

}
