package de.kooperation.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.kooperation.shared.RevisionProcess;
import de.kooperation.shared.CollaborationProcess;
import de.kooperation.collaboration.CollaborationService;
import de.kooperation.demo.DemoScript.DemoMunicipality;
import de.kooperation.demo.DemoScript.Person;
import de.kooperation.demo.DemoScript.Stage;
import de.kooperation.identity.MunicipalityRegistration;
import de.kooperation.identity.IdentitySetup;
import de.kooperation.shared.Zone;
import de.kooperation.shared.PartyGroups;

/**
 * Demo data ({@code kooperation.demo-data=true}, the default profile): the people of
 * {@link DemoScript}, the four seed Kommunen, one collaboration each, moved to its stage.
 * Safe to run at every start: it creates only what is missing and never moves a collaboration
 * past its stage.
 */
@Component
@Order(IdentitySetup.ORDER + 10)
@ConditionalOnProperty(name = "kooperation.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

	private final IdentityService identityService;

	private final RuntimeService runtimeService;

	private final MunicipalityRegistration registration;

	private final CollaborationService collaborations;

	private final DemoProgress progress;

	private final SeedAgreements seedAgreements;

	private final SeedTimeline seedTimeline;

	DemoData(IdentityService identityService, RuntimeService runtimeService, MunicipalityRegistration registration,
			CollaborationService collaborations, DemoProgress progress, SeedAgreements seedAgreements, SeedTimeline seedTimeline) {
		this.seedAgreements = seedAgreements;
		this.seedTimeline = seedTimeline;
		this.identityService = identityService;
		this.runtimeService = runtimeService;
		this.registration = registration;
		this.collaborations = collaborations;
		this.progress = progress;
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoScript.AGENCY_TEAM.forEach(person -> ensureUser(person, PartyGroups.AGENCY_TEAM));
		DemoScript.AGENCY_LEADERSHIP.forEach(person -> ensureUser(person, PartyGroups.AGENCY_LEADERSHIP));
		for (DemoMunicipality kommune : DemoScript.MUNICIPALITIES) {
			registration.register(kommune.municipality());
			ensureUser(kommune.contact(), PartyGroups.municipalityContacts(kommune.id()));
			ensureUser(kommune.executive(), PartyGroups.municipalityLeadership(kommune.id()));
			ensureCollaboration(kommune);
		}
		LocalDate today = LocalDate.now(ZoneId.of(Zone.ID));
		for (DemoMunicipality kommune : DemoScript.MUNICIPALITIES) {
			// the seeds' real goals and milestone plans, counted from the demo's signing month
			seedAgreements.load(kommune.id(), YearMonth.from(DemoScript.signingDay(kommune, today)));
			// the others' goals and milestones as their transfer manager would enter them on the draft page
			seedAgreements.loadLines(kommune.id(), kommune.goals(), DemoScript.FIRST_MILESTONES);
		}
		// seed 001: the Kommune's own Zeitschiene, entered by its contact
		seedTimeline.load(DemoScript.CHEMNITZ.id(), DemoScript.CHEMNITZ.contact().id());
		for (Stage stage : DemoScript.STAGES) {
			DemoMunicipality kommune = DemoScript.MUNICIPALITIES.stream()
				.filter(candidate -> candidate.id().equals(stage.municipalityId()))
				.findFirst()
				.orElseThrow();
			Map<String, Map<String, Object>> answers = DemoScript.answers(kommune, today);
			Map<String, LocalDate> doneOn = DemoScript.doneOn(kommune, today);
			DemoProgress.Result result = progress.advance(kommune.id(), stage.target(), task -> {
				if (RevisionProcess.Elements.DRAFT.equals(task.getTaskDefinitionKey())) {
					// the Fortschreibung changes what its note says it changes (idempotent: only an unchanged draft)
					seedAgreements.loadRevision(kommune.id(), YearMonth.from(DemoScript.revisionSigningDay(kommune, today)));
				}
				return Optional.ofNullable(answers.get(task.getTaskDefinitionKey()));
			}, task -> Optional.ofNullable(doneOn.get(task.getTaskDefinitionKey()))
				.map(day -> day.atTime(10, 0).atZone(ZoneId.of(Zone.ID)).toInstant()));
			LOG.info("Demo data: {} {} – {} (open: {})", kommune.municipality().name(), stage.description(),
					result.reached() ? "erreicht" : "angehalten: " + result.stoppedBecause(), result.openTasks());
		}
	}

	private void ensureUser(Person person, String groupId) {
		User user = identityService.createUserQuery().userId(person.id()).singleResult();
		if (user == null) {
			user = identityService.newUser(person.id());
			user.setFirstName(person.firstName());
			user.setLastName(person.lastName());
			user.setEmail(person.email());
			user.setPassword(DemoScript.PASSWORD);
			identityService.saveUser(user);
		}
		if (identityService.createUserQuery().userId(person.id()).memberOfGroup(groupId).count() == 0) {
			identityService.createMembership(person.id(), groupId);
		}
	}

	private void ensureCollaboration(DemoMunicipality kommune) {
		long running = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(CollaborationProcess.KEY)
			.processInstanceBusinessKey(kommune.id())
			.count();
		if (running == 0) {
			LocalDate fundingEnd = LocalDate.now(ZoneId.of(Zone.ID)).plusYears(3).withMonth(12).withDayOfMonth(31);
			collaborations.start(kommune.id(), fundingEnd.toString(), kommune.transferManager());
		}
	}

}
