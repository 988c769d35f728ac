package de.kooperation.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How long personal data of interviewees outlives its collaboration
 * ({@code kooperation.retention.personal-data-days}, counted from the day the collaboration ended:
 * end of funding or termination), and how many ended collaborations one cleanup run handles.
 */
@Component
@ConfigurationProperties("kooperation.retention")
public class RetentionProperties {

	private int personalDataDays = 90;

	private int batchSize = 50;

	public int getPersonalDataDays() {
		return personalDataDays;
	}

	public void setPersonalDataDays(int personalDataDays) {
		this.personalDataDays = personalDataDays;
	}

	public int getBatchSize() {
		return batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

}
