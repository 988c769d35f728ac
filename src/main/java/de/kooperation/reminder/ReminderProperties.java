package de.kooperation.reminder;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@code kooperation.reminder.*}: when reminders go out and how sending is retried. */
@Component("reminderProperties")
@ConfigurationProperties("kooperation.reminder")
public class ReminderProperties {

	/** Days before the due day on which a reminder goes out (moved to the working day before). */
	private List<Integer> daysBefore = List.of(7, 1);

	/** Working days overdue after which the party's leadership is told, once. */
	private int escalationAfterWorkingDays = 5;

	/** Hour of the day (Europe/Berlin) from which a day's reminders go out. */
	private int sendHour = 8;

	/** How far ahead the weekly digest looks. */
	private int digestDays = 14;

	/** Retries of a failed mail job (ISO 8601 repeat), then an incident in Cockpit. */
	private String retryCycle = "R3/PT5M";

	/**
	 * After this time a reminder claimed for sending whose run never finished (its node died) may be
	 * claimed again by the job's next run. Longer than any send can last with the SMTP timeouts.
	 */
	private Duration claimTimeout = Duration.ofMinutes(3);

	/** Base URL of the application in links of mails. */
	private String baseUrl = "http://localhost:8080";

	/** Sender address. */
	private String from = "kooperation@transferagentur.example.org";

	public List<Integer> getDaysBefore() {
		return daysBefore;
	}

	public void setDaysBefore(List<Integer> daysBefore) {
		this.daysBefore = daysBefore;
	}

	public int getEscalationAfterWorkingDays() {
		return escalationAfterWorkingDays;
	}

	public void setEscalationAfterWorkingDays(int escalationAfterWorkingDays) {
		this.escalationAfterWorkingDays = escalationAfterWorkingDays;
	}

	public int getSendHour() {
		return sendHour;
	}

	public void setSendHour(int sendHour) {
		this.sendHour = sendHour;
	}

	public int getDigestDays() {
		return digestDays;
	}

	public void setDigestDays(int digestDays) {
		this.digestDays = digestDays;
	}

	public String getRetryCycle() {
		return retryCycle;
	}

	public void setRetryCycle(String retryCycle) {
		this.retryCycle = retryCycle;
	}

	public Duration getClaimTimeout() {
		return claimTimeout;
	}

	public void setClaimTimeout(Duration claimTimeout) {
		this.claimTimeout = claimTimeout;
	}

	public String getBaseUrl() {
		return baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** Direct link to a task in Tasklist. */
	public String taskLink(String taskId) {
		return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
	}

	public String getFrom() {
		return from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

}
