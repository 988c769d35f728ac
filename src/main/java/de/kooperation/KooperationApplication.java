package de.kooperation;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KooperationApplication {

	/** Deadlines and meeting times are German local times, whatever the host says. */
	public static final String ZONE = "Europe/Berlin";

	public static void main(String[] args) {
		TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
		SpringApplication.run(KooperationApplication.class, args);
	}

}
