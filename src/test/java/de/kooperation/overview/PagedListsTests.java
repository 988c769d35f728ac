package de.kooperation.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import de.kooperation.Scenario;
import de.kooperation.WebappSessions;
import de.kooperation.shared.PartyGroups;

/**
 * The long lists a page at a time, with pages of one row: the overview and the steering
 * report's phases per Kommune say which rows they show and lead to the page before and after.
 */
@SpringBootTest(properties = "kooperation.overview.page-size=1")
@ActiveProfiles("test")
@Import(Scenario.class)
class PagedListsTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	Scenario scenario;

	@Test
	void theOverviewAndThePhasesPerKommuneShowOneRowAPage_withLinksToTheNeighbours() throws Exception {
		Map<String, Object> decisions = new HashMap<>(Map.of("continueCollaboration", true));
		for (int i = 0; i < 2; i++) {
			// the introductory talks held: a phase passed
			ProcessInstance collaboration = scenario.startCollaboration("TH");
			assertThat(scenario.completeOpenTasks(collaboration, decisions)).isEqualTo(1);
		}
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
		MockHttpSession agency = WebappSessions.of("lena.vogt", PartyGroups.AGENCY_TEAM);

		String second = page(mvc, agency, "/kooperationen?sortierung=phase&seite=2");
		assertThat(second).contains("Kooperationen 2–2 von 2", "Seite 2 von 2", "« Vorherige Seite",
				"href=\"/kooperationen?sortierung=phase&amp;phase=&amp;mitarbeiter=&amp;seite=1\"").doesNotContain("Nächste Seite »");
		assertThat(page(mvc, agency, "/kooperationen?seite=viele")).contains("Kooperationen 1–1 von 2", "Seite 1 von 2", "Nächste Seite »");

		String steering = page(mvc, agency, "/kooperationen/steuerung");
		assertThat(steering).contains("Phasen 1–1 von 2", "Seite 1 von 2", "href=\"/kooperationen/steuerung?seite=2#je-kommune\"");
		assertThat(page(mvc, agency, "/kooperationen/steuerung?seite=2")).contains("Phasen 2–2 von 2", "« Vorherige Seite");
	}

	private static String page(MockMvc mvc, MockHttpSession session, String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

}
