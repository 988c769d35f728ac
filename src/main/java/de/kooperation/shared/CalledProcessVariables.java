package de.kooperation.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.springframework.stereotype.Component;


/**
 * The variables a called process (agreement, baseline analysis, revision, implementation) gets
 * from its caller and hands back. Used as
 * {@code camunda:variableMappingDelegateExpression="${calledProcessVariables}"} with
 * {@code camunda:in variables="all"} and without {@code camunda:out}.
 *
 * <p>Every variable is a row in the runtime table, one in the history and a history detail per
 * write, in the called process and again in the caller. With {@code variables="all"} both ways the
 * copies of the few dozen variables a collaboration gathers were more than half of all SQL per
 * completed task (LifecycleBenchmark). So:
 * <ul>
 * <li>in: only the variables declared below for the called process, by name. What a process does
 * not take is not copied: the working variables of earlier phases (the interviews of the baseline
 * analysis, which also keeps interviewees' personal data out of the revision and implementation;
 * the discourse; the Sondierung) and anything added later until it is declared here. The model
 * tests check that everything a called process's forms, expressions and listeners read is either
 * declared here or set by the process itself, and that every name declared here is set somewhere
 * by its callers;</li>
 * <li>out: what the called process created or changed, not the unchanged copies of what it was
 * given. The caller ends with the same values as with {@code camunda:out variables="all"}.</li>
 * </ul>
 */
@Component("calledProcessVariables")
public class CalledProcessVariables implements DelegateVariableMapping {

	/** Set at the start of every collaboration (CollaborationStartListener, start form). */
	private static final Set<String> SHARED = Set.of(CollaborationProcess.Vars.MUNICIPALITY_ID,
			CollaborationProcess.Vars.MUNICIPALITY_NAME, CollaborationProcess.Vars.FEDERAL_STATE,
			CollaborationProcess.Vars.MUNICIPALITY_GROUP, CollaborationProcess.Vars.MUNICIPALITY_LEADERSHIP_GROUP,
			CollaborationProcess.Vars.FUNDING_END, CollaborationProcess.Vars.TRANSFER_MANAGER);

	/** The introductory talks, before any called process. */
	private static final Set<String> INTRODUCTORY_TALKS = Set.of(CollaborationProcess.Vars.INTRODUCTORY_TALKS_DATE,
			CollaborationProcess.Vars.INITIAL_NEEDS, CollaborationProcess.Vars.CONTINUE_COLLABORATION);

	/** The Sondierung and what it gives the analysis to do, by when. */
	private static final Set<String> SONDIERUNG = Set.of(CollaborationProcess.Vars.EXPLORATORY_MEETING_POSTPONED,
			CollaborationProcess.Vars.EXPLORATORY_MEETING_DATE, CollaborationProcess.Vars.EXPLORATORY_MEETING_TIME,
			CollaborationProcess.Vars.EXPLORATORY_MEETING_LOCATION, CollaborationProcess.Vars.ANALYSIS_TOPICS,
			CollaborationProcess.Vars.BASELINE_ANALYSIS_DUE);

	/** The Zielvereinbarung in force, how it was concluded, and the publicity around its signing. */
	private static final Set<String> AGREEMENT = Set.of(AgreementProcess.Vars.AGREEMENT_DOCUMENT_LINK,
			AgreementProcess.Vars.AGREEMENT_GOALS, AgreementProcess.Vars.AGREEMENT_MILESTONES,
			AgreementProcess.Vars.AGREEMENT_PERIOD_START, AgreementProcess.Vars.AGREEMENT_PERIOD_END,
			AgreementProcess.Vars.AGREEMENT_MUNICIPALITY_CONTACTS, AgreementProcess.Vars.AGREEMENT_AGENCY_CONTACTS,
			AgreementProcess.Vars.AGREEMENT_VERSION, AgreementProcess.Vars.AGREEMENT_SIGNED_DATE,
			AgreementProcess.Vars.AGREEMENT_PREVIOUS_VERSION, AgreementProcess.Vars.AGREEMENT_PREVIOUS_SIGNED_DATE,
			AgreementProcess.Vars.AGREEMENT_DRAFT_NOTES, AgreementProcess.Vars.AGREEMENT_REVIEW_ROUNDS,
			AgreementProcess.Vars.AGREEMENT_CHANGES_REQUESTED, AgreementProcess.Vars.AGREEMENT_CHANGE_REQUESTS,
			AgreementProcess.Vars.AGREEMENT_REWORK_NOTES, AgreementProcess.Vars.AGREEMENT_AGENCY_SIGNED_DATE,
			AgreementProcess.Vars.AGREEMENT_AGENCY_SIGNATORY, AgreementProcess.Vars.AGREEMENT_MUNICIPALITY_SIGNED_DATE,
			AgreementProcess.Vars.AGREEMENT_MUNICIPALITY_SIGNATORY, AgreementProcess.Vars.AGREEMENT_PUBLICITY_WANTED,
			AgreementProcess.Vars.AGREEMENT_PUBLICITY_WISHES, AgreementProcess.Vars.AGREEMENT_PUBLICITY_MEASURES,
			AgreementProcess.Vars.AGREEMENT_PUBLICITY_DATE, AgreementProcess.Vars.AGREEMENT_PUBLICITY_SUPPORT);

	/** The concretised goals and the transfer plan, after the analysis. */
	private static final Set<String> CONCRETISATION = Set.of(CollaborationProcess.Vars.CONCRETISED_GOALS,
			CollaborationProcess.Vars.CONCRETISED_MEASURES, CollaborationProcess.Vars.CONCRETISATION_SUPPORT_NOTES,
			CollaborationProcess.Vars.INTERNAL_EVENTS_PLANNED, CollaborationProcess.Vars.TRANSFER_PLAN_WANTED,
			CollaborationProcess.Vars.TRANSFER_PLAN_LINK, CollaborationProcess.Vars.TRANSFER_SUBJECTS);

	/** The last revision's coordination, drafts and signatures (the next revision clears them at its start). */
	private static final Set<String> REVISION = Set.of(RevisionProcess.Vars.REVISION_MUNICIPALITY_GOALS,
			RevisionProcess.Vars.REVISION_MUNICIPALITY_MILESTONES, RevisionProcess.Vars.REVISION_STAKEHOLDERS,
			RevisionProcess.Vars.REVISION_COORDINATION_DATE, RevisionProcess.Vars.REVISION_AGENCY_NOTES,
			RevisionProcess.Vars.REVISION_CHANGE_SUMMARY, RevisionProcess.Vars.REVISION_REVIEW_ROUNDS,
			RevisionProcess.Vars.REVISION_CHANGES_REQUESTED, RevisionProcess.Vars.REVISION_CHANGE_REQUESTS,
			RevisionProcess.Vars.REVISION_REWORK_NOTES, RevisionProcess.Vars.REVISION_AGENCY_SIGNED_DATE,
			RevisionProcess.Vars.REVISION_AGENCY_SIGNATORY, RevisionProcess.Vars.REVISION_MUNICIPALITY_SIGNED_DATE,
			RevisionProcess.Vars.REVISION_MUNICIPALITY_SIGNATORY);

	/**
	 * The implementation's review meeting that decided to revise the agreement, with its
	 * Standortbestimmung (one variable per core element). Not the strategy meetings, the feedback
	 * or the exchange: those loops go on during the revision, and the copy the revision returned at its end
	 * would turn back what they recorded meanwhile (RevisionVariablesTests).
	 */
	private static final Set<String> REVIEW_MEETING = union(Set.of(ImplementationProcess.Vars.REVIEW_MEETING_INTERVAL,
			ImplementationProcess.Vars.REVIEW_MEETING_DATE, ImplementationProcess.Vars.REVIEW_MEETING_TIME,
			ImplementationProcess.Vars.REVIEW_MEETING_LOCATION, ImplementationProcess.Vars.REVIEW_MEETING_AGENDA,
			ImplementationProcess.Vars.REVIEW_MEETING_PARTICIPANTS, ImplementationProcess.Vars.REVIEW_MEETING_RESULTS_DUE,
			ImplementationProcess.Vars.REVIEW_MEETING_STATUS, ImplementationProcess.Vars.REVIEW_MEETING_NEXT_STEPS,
			ImplementationProcess.Vars.REVIEW_MEETING_SUPPORT_NEEDS, ImplementationProcess.Vars.REVIEW_ASSESSMENT_NOTE,
			ImplementationProcess.Vars.REVIEW_ASSESSMENT_PREVIOUS, ImplementationProcess.Vars.PLAN_DECISIONS,
			ImplementationProcess.Vars.SUPPORT_REQUESTED, ImplementationProcess.Vars.GOALS_CHANGED,
			ImplementationProcess.Vars.SUPPORT_OFFERED, ImplementationProcess.Vars.SUPPORT_DATE),
			Arrays.stream(CoreElement.values()).map(ImplementationProcess.Vars::reviewAssessment).collect(Collectors.toSet()));

	/** Called process key -> the caller's variables it is given. */
	private static final Map<String, Set<String>> GIVEN = Map.of(
			AgreementProcess.KEY, union(SHARED, INTRODUCTORY_TALKS),
			// the agreement's content lives in its own tables; the analysis forms show none of it
			BaselineAnalysisProcess.KEY, union(SHARED, INTRODUCTORY_TALKS, SONDIERUNG),
			RevisionProcess.KEY, union(SHARED, INTRODUCTORY_TALKS, AGREEMENT, CONCRETISATION, REVISION, REVIEW_MEETING),
			ImplementationProcess.KEY, union(SHARED, INTRODUCTORY_TALKS, AGREEMENT, CONCRETISATION, REVISION));

	/** The caller's variables a called process is given (empty for a process not called this way). */
	public static Set<String> givenTo(String calledProcessKey) {
		return GIVEN.getOrDefault(calledProcessKey, Set.of());
	}

	/** Whether the called process gets the caller's variable of that name. */
	public static boolean given(String calledProcessKey, String variable) {
		return givenTo(calledProcessKey).contains(variable);
	}

	@Override
	public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
		String called = ((CallActivity) superExecution.getBpmnModelElementInstance()).getCalledElement();
		subVariables.keySet().removeIf(name -> !given(called, name));
	}

	@Override
	public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
		VariableMap returned = subInstance.getVariablesLocalTyped(false);
		for (String name : returned.keySet()) {
			TypedValue value = returned.getValueTyped(name);
			if (!same(superExecution.getVariableTyped(name, false), value)) {
				superExecution.setVariable(name, value);
			}
		}
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... parts) {
		Set<String> all = new TreeSet<>();
		Arrays.stream(parts).forEach(all::addAll);
		return Collections.unmodifiableSet(all);
	}

	/** Same type and value; object values (lists, maps) by their serialized form. */
	static boolean same(TypedValue caller, TypedValue called) {
		if (caller == null || called == null) {
			return false;
		}
		if (!Objects.equals(caller.getType(), called.getType())) {
			return false;
		}
		if (caller instanceof SerializableValue one && called instanceof SerializableValue other) {
			String serialized = one.getValueSerialized();
			return serialized != null && serialized.equals(other.getValueSerialized())
					&& Objects.equals(one.getSerializationDataFormat(), other.getSerializationDataFormat());
		}
		return Objects.equals(caller.getValue(), called.getValue());
	}

}
