package dev.emporium.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the API accepts before it reads a request ({@code emporium.web.*}).
 *
 * @param maxRequestBody the largest request body; a larger one is refused with 413 before
 * it is parsed, whoever sends it
 */
@ConfigurationProperties("emporium.web")
record WebSettings(@DefaultValue("64KB") DataSize maxRequestBody) {

	WebSettings {
		if (maxRequestBody.toBytes() <= 0) {
			throw new IllegalArgumentException("emporium.web.max-request-body must be positive, got " + maxRequestBody);
		}
	}

}
