package de.kooperation.implementation;

import org.springframework.stereotype.Component;

import de.kooperation.shared.CalledProcessVariables;

/**
 * The variable mapping that call_revision in earlier versions of implementation.bpmn names; kept
 * for implementations started on such a version. It maps as {@code calledProcessVariables}, which
 * the model names now, as every other call activity does: the revision is given only the variables
 * declared for it, and none of those belong to the strategy meetings, the feedback or the exchange,
 * which go on during the revision (RevisionVariablesTests).
 */
@Component("revisionVariableMapping")
class RevisionVariableMapping extends CalledProcessVariables {

}
