package de.kooperation.agreement;

import static de.kooperation.agreement.AgreementForms.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.context.TestComponent;

import de.kooperation.Scenario;
import de.kooperation.shared.PartyGroups;
import de.kooperation.municipality.Municipality;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.RevisionProcess;

/**
 * A Zielvereinbarung taken through its processes as users would: the list edited on the draft
 * page (here: through {@link Agreements}), the draft task completed, accepted, signed by both.
 * For tests of other packages that need a signed or revised milestone plan.
 */
@TestComponent
public class AgreementJourney {

	private final Scenario scenario;

	private final Agreements agreements;

	AgreementJourney(Scenario scenario, Agreements agreements) {
		this.scenario = scenario;
		this.agreements = agreements;
	}

	/** A new Kommune whose agreement is waiting at its draft task. */
	public ProcessInstance startAgreement(String federalState) {
		return scenario.startStandalone(AgreementProcess.KEY, federalState, Map.of());
	}

	/** A new Kommune with version 1 signed on the given day (both sign that day); returns its id. */
	public String signFirstVersion(String federalState, List<Goal> goals, List<Milestone> milestones, LocalDate signedOn) {
		ProcessInstance agreement = startAgreement(federalState);
		String municipalityId = agreement.getBusinessKey();
		agreements.saveDraftContent(municipalityId, goals, milestones, "Die Kommune informiert alle Beteiligten.",
				"Die Transferagentur begleitet die Kommune.");
		Map<String, Object> form = draft();
		scenario.complete(agreement, AgreementProcess.Elements.DRAFT, form);
		scenario.complete(agreement, AgreementProcess.Elements.REVIEW, approve(AgreementProcess.Vars.AGREEMENT_CHANGES_REQUESTED));
		scenario.complete(agreement, AgreementProcess.Elements.SIGN_AGENCY, sign(AgreementProcess.Vars.AGREEMENT_AGENCY_SIGNED_DATE,
				signedOn.toString(), AgreementProcess.Vars.AGREEMENT_AGENCY_SIGNATORY, "Dr. Marco Schmidt"));
		scenario.complete(agreement, AgreementProcess.Elements.SIGN_MUNICIPALITY,
				Map.of(AgreementProcess.Vars.AGREEMENT_MUNICIPALITY_SIGNED_DATE, signedOn.toString(),
						AgreementProcess.Vars.AGREEMENT_MUNICIPALITY_SIGNATORY, "Der Landrat",
						AgreementProcess.Vars.AGREEMENT_PUBLICITY_WANTED, false));
		return municipalityId;
	}

	/** A revision of the Kommune's agreement, waiting at its draft task (its draft is a copy of the version in force). */
	public ProcessInstance startRevision(String municipalityId) {
		Municipality municipality = new Municipality(municipalityId, "Teststadt " + municipalityId, "TH");
		Map<String, Object> variables = new HashMap<>();
		variables.put("municipalityId", municipalityId);
		variables.put("municipalityName", municipality.name());
		variables.put("federalState", municipality.federalState());
		variables.put("municipalityGroup", PartyGroups.municipalityContacts(municipalityId));
		variables.put("municipalityLeadershipGroup", PartyGroups.municipalityLeadership(municipalityId));
		variables.put(AgreementProcess.Vars.AGREEMENT_VERSION, agreements.current(municipalityId).orElseThrow().number());
		ProcessInstance revision = scenario.runtime().startProcessInstanceByKey(RevisionProcess.KEY, municipalityId, variables);
		scenario.complete(revision, RevisionProcess.Elements.COORDINATE_MUNICIPALITY,
				Map.of(RevisionProcess.Vars.REVISION_MUNICIPALITY_GOALS, "Bildungsberatung aufbauen",
						RevisionProcess.Vars.REVISION_MUNICIPALITY_MILESTONES, "Konzept Bildungsberatung bis 6/2027"));
		scenario.complete(revision, RevisionProcess.Elements.COORDINATE_AGENCY, Map.of(RevisionProcess.Vars.REVISION_COORDINATION_DATE,
				de.kooperation.form.FormRules.today().toString(), RevisionProcess.Vars.REVISION_AGENCY_NOTES, "Reviewgespräch: Ziel 3 neu"));
		return revision;
	}

	/**
	 * Starts a process (e.g. the baseline analysis) for a Kommune of an earlier step, with the
	 * shared variables the main process would pass in (a test Kommune in Thüringen).
	 */
	public ProcessInstance startFor(String municipalityId, String processKey) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("municipalityId", municipalityId);
		variables.put("municipalityName", "Teststadt " + municipalityId);
		variables.put("federalState", "TH");
		variables.put("municipalityGroup", PartyGroups.municipalityContacts(municipalityId));
		variables.put("municipalityLeadershipGroup", PartyGroups.municipalityLeadership(municipalityId));
		return scenario.runtime().startProcessInstanceByKey(processKey, municipalityId, variables);
	}

	/** Completes a revision whose draft was edited: accepted and signed by both on the given day. */
	public void signRevision(ProcessInstance revision, LocalDate signedOn, String changeSummary) {
		Map<String, Object> form = draft();
		form.put(RevisionProcess.Vars.REVISION_CHANGE_SUMMARY, changeSummary);
		scenario.complete(revision, RevisionProcess.Elements.DRAFT, form);
		scenario.complete(revision, RevisionProcess.Elements.REVIEW, approve(RevisionProcess.Vars.REVISION_CHANGES_REQUESTED));
		scenario.complete(revision, RevisionProcess.Elements.SIGN_AGENCY, sign(RevisionProcess.Vars.REVISION_AGENCY_SIGNED_DATE,
				signedOn.toString(), RevisionProcess.Vars.REVISION_AGENCY_SIGNATORY, "Dr. Katja Wolf"));
		scenario.complete(revision, RevisionProcess.Elements.SIGN_MUNICIPALITY, sign(RevisionProcess.Vars.REVISION_MUNICIPALITY_SIGNED_DATE,
				signedOn.toString(), RevisionProcess.Vars.REVISION_MUNICIPALITY_SIGNATORY, "Oberbürgermeister"));
	}

	/** A goal with a fresh key. */
	public static Goal goal(String priority, String title) {
		return new Goal(Agreements.newKey("z-"), priority, title, "Erläuterung zu " + title, "Erste Maßnahmen zu " + title, "2026–2027");
	}

	/** An open milestone with a fresh key, both parties responsible. */
	public static Milestone milestone(String title, LocalDate dueOn) {
		return new Milestone(Agreements.newKey("m-"), title, "Zweck von " + title, "Kommune: " + title, "Transferagentur: " + title,
				"bis " + dueOn.getMonthValue() + "/" + dueOn.getYear(), dueOn, false);
	}

}
