package de.kooperation.agreement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The listeners and delegates of the processes agreement and revision, by the names the BPMN
 * uses. Both processes share each class; {@link AgreementCycle} tells it the variable names.
 */
@Configuration(proxyBeanMethods = false)
class AgreementConfiguration {

	@Bean
	AgreementCycleStartListener agreementStartListener() {
		return new AgreementCycleStartListener(AgreementProcess.CYCLE);
	}

	@Bean
	AgreementCycleStartListener revisionStartListener() {
		return new AgreementCycleStartListener(RevisionProcess.CYCLE);
	}

	@Bean
	ReviewRoundListener agreementReviewListener() {
		return new ReviewRoundListener(AgreementProcess.CYCLE);
	}

	@Bean
	ReviewRoundListener revisionReviewListener() {
		return new ReviewRoundListener(RevisionProcess.CYCLE);
	}

	@Bean
	SignatureListener agreementSignatureListener() {
		return new SignatureListener(AgreementProcess.CYCLE);
	}

	@Bean
	SignatureListener revisionSignatureListener() {
		return new SignatureListener(RevisionProcess.CYCLE);
	}

	@Bean
	SigningDelegate agreementSigningDelegate(Agreements agreements) {
		return new SigningDelegate(AgreementProcess.CYCLE, agreements, null);
	}

	@Bean
	SigningDelegate revisionSigningDelegate(Agreements agreements) {
		return new SigningDelegate(RevisionProcess.CYCLE, agreements, RevisionProcess.Vars.REVISION_CHANGE_SUMMARY);
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
