package de.kooperation;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import de.kooperation.shared.Zone;

@SpringBootApplication
public class KooperationApplication {

	public static void main(String[] args) {
		TimeZone.setDefault(TimeZone.getTimeZone(Zone.ID));
		SpringApplication.run(KooperationApplication.class, args);
	}

}
