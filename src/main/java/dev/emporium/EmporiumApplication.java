package dev.emporium;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Emporium, an online shop's back end built as a modular monolith: one top-level package
 * per module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Emporium", sharedModules = { "shared", "platform" })
public class EmporiumApplication {

	public static void main(String[] args) {
		SpringApplication.run(EmporiumApplication.class, args);
	}

}
