package de.kooperation.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import de.kooperation.EngineClock;
import de.kooperation.ProcessTest;
import de.kooperation.Scenario;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.PartyGroups;
import de.kooperation.shared.CoreElement;
import de.kooperation.WebappSessions;
import de.kooperation.shared.BaselineAnalysisProcess;
import de.kooperation.shared.PartyGroups;
import de.kooperation.shared.CoreElement;
import de.kooperation.maturity.MaturityAssessment;
import de.kooperation.maturity.MaturityAssessments;
import de.kooperation.shared.MaturityLevel;

/**
 * The result report of the baseline analysis as PDF: recommendations, the assessment table and
 * the chart of the Kommune's development drawn in; for the agency and the Kommune's own users.
 */
@ProcessTest
class ResultReportTests {

	static final ZonedDateTime NOW = ZonedDateTime.of(2026, 2, 10, 9, 0, 0, 0, ZoneId.of("Europe/Berlin"));

	/** MaturityChart's colours with two assessments: the older line, the newest line. */
	static final Color OLDER_LINE = new Color(0x6b5fb5);

	static final Color NEWEST_LINE = new Color(0x1c3d5a);

	static final String RECOMMENDATIONS = "Steuerungsgruppe einrichten; Bildungsmonitoring ämterübergreifend aufbauen";

	@Autowired
	WebApplicationContext context;

	@Autowired
	Scenario scenario;

	@Autowired
	MaturityAssessments assessments;

	MockMvc mvc;

	String kommune;

	@RegisterExtension
	static final EngineClock CLOCK = EngineClock.at(NOW.toInstant());

	@BeforeEach
	void anAnalysisWithItsReport_andOneReviewMeetingLater() {
		mvc = MockMvcBuilders.webAppContextSetup(context).build();
		// the topics agreed at the Sondierung come with the collaboration's variables
		ProcessInstance analysis = scenario.startStandalone(BaselineAnalysisProcess.KEY, "TH",
				Map.of(BaselineAnalysisProcess.Vars.ANALYSIS_TOPICS, "Bildungsmonitoring; Übergang Schule – Beruf"));
		kommune = analysis.getBusinessKey();
		scenario.advance(analysis, BaselineAnalysisProcess.Elements.RECEIVE_RESULT_REPORT,
				Map.of(BaselineAnalysisProcess.Vars.RECOMMENDATIONS, RECOMMENDATIONS));
		Map<CoreElement, MaturityAssessment.Rating> later = new EnumMap<>(CoreElement.class);
		for (CoreElement element : CoreElement.values()) {
			later.put(element, new MaturityAssessment.Rating(MaturityLevel.TYPE_3, null));
		}
		assessments.record(kommune, LocalDate.of(2026, 8, 20), MaturityAssessment.REVIEW_MEETING, "Deutliche Fortschritte", later,
				"lena.vogt", NOW.toInstant());
	}

	@Test
	void theResultReportIsAPdfWithRecommendationsAssessmentTableAndChart() throws Exception {
		MockHttpServletResponse response = pdf(session("lena.vogt", PartyGroups.AGENCY_TEAM));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Content-Disposition")).contains("Ergebnisbericht-" + kommune + ".pdf");

		try (PDDocument document = Loader.loadPDF(response.getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Ergebnisbericht der Bedarfsanalyse", "Teststadt " + kommune, "Handlungsempfehlungen",
					RECOMMENDATIONS, "Übergang Schule – Beruf", "Standortbestimmung", "Bildungsprojekte und -maßnahmen",
					"Bedarfsanalyse 10.02.2026", "Reviewgespräch 20.08.2026", "Typ 3", "Deutliche Fortschritte");
			// the chart is drawn in as a vector graphic (a form XObject): one line per assessment in its colour
			assertThat(formXObjects(document)).isNotEmpty();
			BufferedImage firstPage = new PDFRenderer(document).renderImageWithDPI(0, 100);
			assertThat(pixels(firstPage, OLDER_LINE)).as("line of the baseline analysis").isGreaterThan(50);
			assertThat(pixels(firstPage, NEWEST_LINE)).as("line of the review meeting").isGreaterThan(50);
		}
	}

	@Test
	void theKommunesOwnUsersGetIt_anotherKommunesUsersAreRefused() throws Exception {
		assertThat(pdf(session("sabine.krause", PartyGroups.municipalityContacts(kommune))).getStatus()).isEqualTo(200);
		assertThat(pdf(session("petra.lange", PartyGroups.municipalityContacts("nienburg"))).getStatus()).isEqualTo(403);
		assertThat(pdf(new MockHttpSession()).getStatus()).isEqualTo(401);
	}

	private MockHttpServletResponse pdf(MockHttpSession session) throws Exception {
		return mvc.perform(get("/kooperationen/" + kommune + "/ergebnisbericht.pdf").session(session)).andReturn().getResponse();
	}

	/** Pixels of about that colour (anti-aliased edges aside). */
	private static int pixels(BufferedImage image, Color colour) {
		int count = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				Color pixel = new Color(image.getRGB(x, y));
				if (Math.abs(pixel.getRed() - colour.getRed()) + Math.abs(pixel.getGreen() - colour.getGreen())
						+ Math.abs(pixel.getBlue() - colour.getBlue()) < 24) {
					count++;
				}
			}
		}
		return count;
	}

	private static List<PDFormXObject> formXObjects(PDDocument document) throws IOException {
		List<PDFormXObject> forms = new ArrayList<>();
		for (PDPage page : document.getPages()) {
			for (COSName name : page.getResources().getXObjectNames()) {
				if (page.getResources().getXObject(name) instanceof PDFormXObject form) {
					forms.add(form);
				}
			}
		}
		return forms;
	}

	private static MockHttpSession session(String userId, String... groups) {
		return WebappSessions.of(userId, groups);
	}

}
