package dev.emporium.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every JSON request body must respect, whatever field it fills: no NUL character in
 * a string (PostgreSQL cannot store one) and no fraction where a whole number is expected
 * (1.9 items is no quantity). Both are answered 422 by {@link ApiProblems}.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputRules {

	static final String NUL_MESSAGE = "must not contain the NUL character";

	@Bean
	JsonMapperBuilderCustomizer strictJsonInput() {
		return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.addModule(new SimpleModule("emporium-strict-input").addDeserializer(String.class,
					new NulRefusingStringDeserializer()));
	}

	/** Reads a JSON string as Jackson does, refusing one that holds a NUL. */
	static final class NulRefusingStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			var value = super.deserialize(parser, context);
			if (value != null && value.indexOf('\0') >= 0) {
				throw context.weirdStringException(value.replace('\0', '?'), String.class, NUL_MESSAGE);
			}
			return value;
		}

	}

}
