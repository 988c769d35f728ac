package de.kooperation.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kooperation.municipality.Municipality;
import de.kooperation.municipality.MunicipalityRepository;
import de.kooperation.reminder.Mail;
import de.kooperation.reminder.MailComposer;
import de.kooperation.reminder.Mailer;
import de.kooperation.reminder.ReminderProperties;
import de.kooperation.shared.PartyGroups;
import de.kooperation.shared.Zone;

/**
 * Registers a new Kommune from the agency's page: the Kommune with its two groups, its
 * Ansprechpartner/in and its Verwaltungsspitze as users in those groups, and a German welcome
 * mail to each with a one-time link to choose a password. All in one transaction: if a mail
 * cannot be sent, nothing is kept and the page says so.
 */
@Service
public class MunicipalityOnboarding {

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	/** A person the Kommune names; {@code role} is what the welcome mail calls them. */
	public record Person(String userId, String firstName, String lastName, String email, String role, String groupId) {
	}

	private final MunicipalityRegistration registration;

	private final MunicipalityRepository municipalities;

	private final IdentityService identityService;

	private final PasswordTokens tokens;

	private final MailComposer composer;

	private final Mailer mailer;

	private final ReminderProperties properties;

	MunicipalityOnboarding(MunicipalityRegistration registration, MunicipalityRepository municipalities, IdentityService identityService,
			PasswordTokens tokens, MailComposer composer, Mailer mailer, ReminderProperties properties) {
		this.registration = registration;
		this.municipalities = municipalities;
		this.identityService = identityService;
		this.tokens = tokens;
		this.composer = composer;
		this.mailer = mailer;
		this.properties = properties;
	}

	public static Person contact(String municipalityId, String userId, String firstName, String lastName, String email) {
		return new Person(userId, firstName, lastName, email, "Ansprechpartner/in", PartyGroups.municipalityContacts(municipalityId));
	}

	public static Person executive(String municipalityId, String userId, String firstName, String lastName, String email) {
		return new Person(userId, firstName, lastName, email, "Verwaltungsspitze", PartyGroups.municipalityLeadership(municipalityId));
	}

	/**
	 * What stands in the way of registering: an existing Kommune id, a user name that is taken.
	 * Keys are the page's field names, values German sentences.
	 */
	public Map<String, String> conflicts(String municipalityId, Map<String, String> userIdsByField) {
		Map<String, String> conflicts = new LinkedHashMap<>();
		if (municipalities.findById(municipalityId).isPresent()) {
			conflicts.put("id", "Eine Kommune mit der Kennung „" + municipalityId + "“ ist schon registriert.");
		}
		userIdsByField.forEach((field, userId) -> {
			if (identityService.createUserQuery().userId(userId).count() > 0) {
				conflicts.put(field, "Den Benutzernamen „" + userId + "“ gibt es schon. Bitte einen anderen wählen.");
			}
		});
		return conflicts;
	}

	/** Registers the Kommune and its two users and sends both welcome mails; all or nothing. */
	@Transactional
	public void register(Municipality municipality, List<Person> people) {
		registration.register(municipality);
		Instant now = ClockUtil.getCurrentTime().toInstant();
		Map<Person, String> tokensByPerson = new LinkedHashMap<>();
		for (Person person : people) {
			User user = identityService.newUser(person.userId());
			user.setFirstName(person.firstName());
			user.setLastName(person.lastName());
			user.setEmail(person.email());
			// nobody knows this password: the user chooses one with the link from the welcome mail
			user.setPassword(PasswordTokens.randomSecret());
			identityService.saveUser(user);
			identityService.createMembership(person.userId(), person.groupId());
			tokensByPerson.put(person, tokens.issue(person.userId(), now));
		}
		// mails last: whatever fails before them leaves no mail with a link that does not work
		tokensByPerson.forEach((person, token) -> welcome(municipality, person, token, now));
	}

	private void welcome(Municipality municipality, Person person, String token, Instant now) {
		String link = properties.getBaseUrl() + PasswordPageController.PATH + "/" + token;
		String subject = "Ihr Zugang zur Anwendung „Kooperation“ für " + municipality.name();
		LocalDate validUntil = LocalDate.ofInstant(now.plus(PasswordTokens.VALID), ZoneId.of(Zone.ID));
		Map<String, Object> model = new HashMap<>();
		model.put("subject", subject);
		model.put("name", person.firstName() + " " + person.lastName());
		model.put("municipalityName", municipality.name());
		model.put("role", person.role());
		model.put("userId", person.userId());
		model.put("validUntil", GERMAN_DATE.format(validUntil));
		model.put("loginLink", properties.getBaseUrl() + "/camunda/app/tasklist/");
		model.put("link", link);
		MailComposer.Rendered rendered = composer.render("welcome", model);
		// the outbox shows the mail without the one-time link: only its recipient may use it
		model.put("link", "[persönlicher Link zum Festlegen des Passworts – steht nur in der E-Mail an "
				+ person.email() + "]");
		String forOutbox = composer.render("welcome", model).text();
		mailer.send(new Mail(List.of(person.email()), subject, rendered.text(), rendered.html()), Mailer.KIND_WELCOME,
				municipality.id(), now, forOutbox);
	}

}
