package de.kooperation.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import de.kooperation.DemoAppTest;
import de.kooperation.shared.PartyGroups;
import de.kooperation.reminder.Recipients;
import de.kooperation.reminder.ReminderPreferences;
import de.kooperation.reminder.ReminderPreferences.Choice;

/**
 * "Benachrichtigungen": a Kommune's contact chooses the weekly digest and which single reminders she
 * wants, for herself only; without login the page asks for it; a forged value is refused in German
 * and nothing is stored.
 */
@DemoAppTest
class NotificationSettingsTests {

	private static final String SABINE = "sabine.krause";

	@Autowired
	WebApplicationContext context;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ReminderPreferences preferences;

	MockMvc mvc;

	@BeforeEach
	void pages() {
		mvc = MockMvcBuilders.webAppContextSetup(context).build();
	}

	@AfterEach
	void everyoneGetsEverythingAgain() {
		preferences.save(SABINE, new ReminderPreferences.Preferences(false, EnumSet.allOf(Choice.class)));
	}

	@Test
	void aKommuneContactChoosesTheWeeklyDigestAndNoRemindersBeforeTheDeadlineForHerselfOnly() throws Exception {
		MockHttpSession sabine = AgencyPagesTests.session(SABINE, PartyGroups.municipalityContacts("eisenach"));
		String page = mvc.perform(get("/benachrichtigungen").session(sabine)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Benachrichtigungen", "einzeln, zu jeder Frist", "Erinnerung vor der Frist");
		String token = (String) sabine.getAttribute(PageAccess.CSRF_ATTRIBUTE);

		MockHttpServletResponse saved = mvc.perform(post("/benachrichtigungen").session(sabine).param("_csrf", token)
			.param("modus", "woechentlich").param("art", "DUE", "OVERDUE")).andReturn().getResponse();

		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(engine.getIdentityService().getUserInfo(SABINE, Recipients.PREFERENCE_KEY)).isEqualTo(Recipients.WEEKLY);
		assertThat(preferences.of(SABINE).kinds()).containsExactlyInAnyOrder(Choice.DUE, Choice.OVERDUE);
		assertThat(preferences.of("julia.becker").weekly()).as("nobody else's settings").isFalse();
		String again = mvc.perform(get("/benachrichtigungen?gespeichert").session(sabine)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(again).contains("Gespeichert.");
	}

	@Test
	void withoutLoginThePageAsksForItAndAForgedChoiceIsRefusedInGermanAndNothingIsStored() throws Exception {
		MockHttpServletResponse anonymous = mvc.perform(get("/benachrichtigungen")).andReturn().getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(401);
		assertThat(anonymous.getContentAsString(StandardCharsets.UTF_8)).contains("Anmeldung erforderlich");

		MockHttpSession sabine = AgencyPagesTests.session(SABINE, PartyGroups.municipalityContacts("eisenach"));
		mvc.perform(get("/benachrichtigungen").session(sabine));
		String token = (String) sabine.getAttribute(PageAccess.CSRF_ATTRIBUTE);
		MockHttpServletResponse forged = mvc.perform(post("/benachrichtigungen").session(sabine).param("_csrf", token)
			.param("modus", "woechentlich").param("art", "ESCALATION")).andReturn().getResponse();
		assertThat(forged.getStatus()).isEqualTo(400);
		assertThat(forged.getContentAsString(StandardCharsets.UTF_8)).contains("Bitte wählen Sie eine der angebotenen Möglichkeiten");
		assertThat(preferences.of(SABINE).weekly()).isFalse();

		MockHttpServletResponse withoutToken = mvc.perform(post("/benachrichtigungen").session(sabine).param("modus", "woechentlich"))
			.andReturn().getResponse();
		assertThat(withoutToken.getStatus()).isEqualTo(403);
		assertThat(preferences.of(SABINE).weekly()).isFalse();
	}

}
