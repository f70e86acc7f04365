package dev.emporium.contracts;

import java.util.List;

import fixtures.emporium.contracts.ParcelWeighed;
import fixtures.emporium.contracts.ParcelWeighedRevisions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.emporium.contracts.SchemaCompatibility.Incompatibility;
import dev.emporium.contracts.SchemaCompatibility.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The compatibility check catches every kind of change that breaks a consumer, on the
 * revisions of a fixture event ({@link ParcelWeighedRevisions}), and lets the compatible
 * ones pass.
 */
class SchemaCompatibilityTests {

	static final EventSchemas generator = new EventSchemas();

	static final JsonNode committed = schema(ParcelWeighed.class);

	@Test
	void theSameRecordIsCompatible() {
		assertThat(changesTo(ParcelWeighed.class)).isEmpty();
	}

	@Test
	void catchesARemovedProperty() {
		assertThat(changesTo(ParcelWeighedRevisions.GramsRemoved.class))
			.extracting(Incompatibility::property, Incompatibility::kind)
			.containsExactly(tuple("grams", Kind.REMOVED));
	}

	@Test
	void catchesARenamedPropertyAsRemovedAndNamesTheNewOne() {
		List<Incompatibility> changes = changesTo(ParcelWeighedRevisions.GramsRenamed.class);
		assertThat(changes).extracting(Incompatibility::property, Incompatibility::kind)
			.containsExactly(tuple("grams", Kind.REMOVED), tuple("weightInGrams", Kind.ADDED_REQUIRED));
		assertThat(changes.get(0).describe())
			.isEqualTo("property 'grams' was removed or renamed (new next to it: weightInGrams)");
	}

	@Test
	void catchesARetypedProperty() {
		List<Incompatibility> changes = changesTo(ParcelWeighedRevisions.GramsAsDecimal.class);
		assertThat(changes).extracting(Incompatibility::property, Incompatibility::kind)
			.containsExactly(tuple("grams", Kind.RETYPED));
		assertThat(changes.get(0).describe()).contains("type \"integer\" -> \"number\"");
	}

	@Test
	void catchesAWidenedInteger() {
		assertThat(changesTo(ParcelWeighedRevisions.GramsAsLong.class)).singleElement()
			.satisfies(change -> assertThat(change.describe())
				.isEqualTo("property 'grams' changed its type (format \"int32\" -> \"int64\")"));
	}

	@Test
	void catchesADroppedFormat() {
		assertThat(changesTo(ParcelWeighedRevisions.ParcelIdAsText.class)).singleElement()
			.satisfies(change -> assertThat(change.describe())
				.isEqualTo("property 'parcelId' changed its type (format \"uuid\" -> (none))"));
	}

	@Test
	void catchesRetypedArrayItems() {
		assertThat(changesTo(ParcelWeighedRevisions.LabelsAsNumbers.class))
			.extracting(Incompatibility::property, Incompatibility::kind)
			.containsExactly(tuple("labels[]", Kind.RETYPED));
	}

	@Test
	void catchesARetypedPropertyOfANestedRecord() {
		assertThat(changesTo(ParcelWeighedRevisions.SizeInText.class))
			.extracting(Incompatibility::property, Incompatibility::kind)
			.containsExactly(tuple("size.width", Kind.RETYPED));
	}

	@Test
	void catchesAnOptionalPropertyBecomingRequired() {
		assertThat(changesTo(ParcelWeighedRevisions.NoteRequired.class))
			.extracting(Incompatibility::property, Incompatibility::kind)
			.containsExactly(tuple("note", Kind.NEWLY_REQUIRED));
	}

	@Test
	void catchesARequiredPropertyBecomingOptional() {
		assertThat(changesTo(ParcelWeighedRevisions.GramsOptional.class))
			.extracting(Incompatibility::property, Incompatibility::kind)
			.containsExactly(tuple("grams", Kind.NO_LONGER_REQUIRED));
	}

	@Test
	void catchesANewRequiredProperty() {
		assertThat(changesTo(ParcelWeighedRevisions.CarrierRequired.class))
			.extracting(Incompatibility::property, Incompatibility::kind)
			.containsExactly(tuple("carrier", Kind.ADDED_REQUIRED));
	}

	@Test
	void letsANewOptionalPropertyPass() {
		assertThat(changesTo(ParcelWeighedRevisions.CarrierAdded.class)).isEmpty();
	}

	@Test
	void comparesNestedRecordsByTheirJsonNotTheirNames() {
		assertThat(changesTo(ParcelWeighedRevisions.SizeRenamed.class)).isEmpty();
	}

	@Test
	void ignoresDescriptionsAndTheVersionButNotOtherKeywords() {
		ObjectNode described = (ObjectNode) committed.deepCopy();
		described.put("description", "Reworded.");
		described.put(EventSchemas.VERSION, 3);
		((ObjectNode) described.at("/properties/grams")).put("description", "Weight in grams.");
		assertThat(SchemaCompatibility.between(committed, described)).isEmpty();

		((ObjectNode) described.at("/properties/labels/items")).put("maxLength", 20);
		assertThat(SchemaCompatibility.between(committed, described)).singleElement()
			.satisfies(change -> assertThat(change.describe())
				.isEqualTo("property 'labels[]' changed its type (maxLength (none) -> 20)"));
	}

	private static List<Incompatibility> changesTo(Class<?> revision) {
		return SchemaCompatibility.between(committed, schema(revision));
	}

	private static JsonNode schema(Class<?> type) {
		return generator.schemaOf(type, "contracts.ParcelWeighed", 2);
	}

}
