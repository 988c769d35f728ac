package de.kooperation.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import de.kooperation.shared.CoreElement;
import de.kooperation.shared.MaturityLevel;

class MaturityChartTests {

	final MaturityChart chart = new MaturityChart();

	@Test
	void oneLinePerAssessmentOverTheNineElements_wellFormedAndEscaped() throws Exception {
		MaturityAssessment baseline = assessment(LocalDate.of(2016, 2, 1), MaturityAssessment.BASELINE_ANALYSIS, MaturityLevel.TYPE_1);
		MaturityAssessment review = assessment(LocalDate.of(2017, 3, 1), MaturityAssessment.REVIEW_MEETING, MaturityLevel.TYPE_3);

		String svg = chart.svg(List.of(baseline, review));

		Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(2);
		assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(18);
		assertThat(svg).contains("Steuerung &amp; Lenkung").contains("01.02.2016 – Bedarfsanalyse")
			.contains("01.03.2017 – Reviewgespräch");
		for (CoreElement element : CoreElement.values()) {
			assertThat(svg).contains(MaturityChart.escape(element.label()));
		}
	}

	@Test
	void withoutAssessmentTheGridSaysSo() {
		assertThat(chart.svg(List.of())).contains("Noch keine Standortbestimmung.").doesNotContain("<polyline");
	}

	@Test
	void scaledForAPrintedPage_theDrawingKeepsItsViewBox() {
		String full = chart.svg(List.of());
		String scaled = chart.svg(List.of(), MaturityChart.WIDTH / 2);

		assertThat(full).contains("width=\"" + MaturityChart.WIDTH + "\"");
		assertThat(scaled).contains("width=\"" + MaturityChart.WIDTH / 2 + "\"")
			.contains("viewBox=\"0 0 " + MaturityChart.WIDTH + " ");
	}

	static MaturityAssessment assessment(LocalDate on, String occasion, MaturityLevel level) {
		Map<CoreElement, MaturityAssessment.Rating> ratings = new EnumMap<>(CoreElement.class);
		for (CoreElement element : CoreElement.values()) {
			ratings.put(element, new MaturityAssessment.Rating(level, null));
		}
		return new MaturityAssessment("a-" + on, "eisenach", on, occasion, null, ratings);
	}

}
