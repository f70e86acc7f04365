package dev.emporium.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port with a staff account: one context, shared by the
 * test classes that talk to it over the network.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"emporium.admin.email=" + RunningApi.STAFF_EMAIL, "emporium.admin.password=" + RunningApi.STAFF_PASSWORD })
@interface RunningApi {

	String STAFF_EMAIL = "staff@running-api.test";

	String STAFF_PASSWORD = "staff-Pa55-running-api";

}
