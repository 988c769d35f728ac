package de.kooperation.agreement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import de.kooperation.shared.AgreementProcess;
import de.kooperation.shared.RevisionProcess;

/**
 * The listeners and delegates of the processes agreement and revision, by the names the BPMN
 * uses. Both processes share each class; {@link AgreementCycle} tells it the variable names.
 */
@Configuration(proxyBeanMethods = false)
class AgreementConfiguration {

	@Bean
	AgreementCycleStartListener agreementStartListener() {
		return new AgreementCycleStartListener(AgreementCycle.AGREEMENT);
	}

	@Bean
	AgreementCycleStartListener revisionStartListener() {
		return new AgreementCycleStartListener(AgreementCycle.REVISION);
	}

	@Bean
	ReviewRoundListener agreementReviewListener() {
		return new ReviewRoundListener(AgreementCycle.AGREEMENT);
	}

	@Bean
	ReviewRoundListener revisionReviewListener() {
		return new ReviewRoundListener(AgreementCycle.REVISION);
	}

	@Bean
	SignatureListener agreementSignatureListener() {
		return new SignatureListener(AgreementCycle.AGREEMENT);
	}

	@Bean
	SignatureListener revisionSignatureListener() {
		return new SignatureListener(AgreementCycle.REVISION);
	}

	@Bean
	SigningDelegate agreementSigningDelegate(Agreements agreements) {
		return new SigningDelegate(AgreementCycle.AGREEMENT, agreements, null);
	}

	@Bean
	SigningDelegate revisionSigningDelegate(Agreements agreements) {
		return new SigningDelegate(AgreementCycle.REVISION, agreements, RevisionProcess.Typed.REVISION_CHANGE_SUMMARY);
	}

	/** Every drafting task of both processes: the draft in the database needs a goal. */
	@Bean
	DraftContentListener agreementDraftListener(Agreements agreements) {
		return new DraftContentListener(agreements);
	}

	/** The time frame has the same variables in every draft form of both processes. */
	@Bean
	TimeFrameListener agreementTimeFrameListener() {
		return new TimeFrameListener();
	}

}
