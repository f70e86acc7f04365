package dev.emporium.contracts;

import fixtures.emporium.contracts.ParcelWeighed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structural check that stands in for a JSON Schema validator catches what breaks a
 * schema, on a JSON document of the fixture event.
 */
class SchemaConformanceTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final JsonNode schema = new EventSchemas().schemaOf(ParcelWeighed.class, "contracts.ParcelWeighed", 2);

	static final String VALID = """
			{"eventId": "3f0d5a8e-2c4b-4f7e-9d61-0a2b3c4d5e6f", "parcelId": "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
			 "grams": 1200, "labels": ["fragile"], "size": {"width": 30, "height": 20}}""";

	@Test
	void acceptsADocumentThatFollowsTheSchema() {
		assertThat(SchemaConformance.violations(json.readTree(VALID), schema)).isEmpty();
	}

	@Test
	void reportsAMissingRequiredProperty() {
		assertThat(violationsOf(document -> document.remove("grams")))
			.containsExactly("$: required property 'grams' is missing");
	}

	@Test
	void reportsAPropertyTheSchemaDoesNotDeclare() {
		assertThat(violationsOf(document -> document.put("carrier", "DHL")))
			.containsExactly("$: property 'carrier' is not declared by the schema");
	}

	@Test
	void reportsAWrongType() {
		assertThat(violationsOf(document -> document.put("grams", "1200")))
			.containsExactly("$.grams: \"1200\" is not of type 'integer'");
	}

	@Test
	void reportsAWrongFormat() {
		assertThat(violationsOf(document -> document.put("parcelId", "parcel-1")))
			.containsExactly("$.parcelId: \"parcel-1\" is not a uuid");
		assertThat(violationsOf(document -> document.put("grams", 3_000_000_000L)))
			.containsExactly("$.grams: 3000000000 is not a int32");
	}

	@Test
	void reportsWrongArrayItemsAndNestedProperties() {
		assertThat(violationsOf(document -> {
			document.putArray("labels").add(7);
			((ObjectNode) document.get("size")).put("width", "wide");
		})).containsExactly("$.labels[0]: 7 is not of type 'string'",
				"$.size.width: \"wide\" is not of type 'integer'");
	}

	@Test
	void reportsAKeywordItCannotJudge() {
		ObjectNode strict = (ObjectNode) schema.deepCopy();
		((ObjectNode) strict.at("/properties/grams")).put("minimum", 1);
		assertThat(SchemaConformance.violations(json.readTree(VALID), strict))
			.containsExactly("$.grams: the schema uses 'minimum', which this check does not understand");
	}

	private static java.util.List<String> violationsOf(java.util.function.Consumer<ObjectNode> change) {
		ObjectNode document = (ObjectNode) json.readTree(VALID);
		change.accept(document);
		return SchemaConformance.violations(document, schema);
	}

}
