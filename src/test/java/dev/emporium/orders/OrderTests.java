package dev.emporium.orders;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.emporium.shared.Address;
import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OrderTests {

	static final Address ADDRESS = new Address("Ada Lovelace", "12 St James's Square", null, "London", "SW1Y 4JH",
			"GB");

	static Order placed() {
		return Order.place(UUID.randomUUID(),
				List.of(new OrderLine("MUG-001", "Mug", 2, Money.of("12.50", "EUR")),
						new OrderLine("TEE-001", "T-shirt", 1, Money.of("24.00", "EUR"))),
				ADDRESS, "tok_visa", null, null);
	}

	@Test
	void placesAnOrderWithTheTotalOfItsLines() {
		var order = placed();

		assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
		assertThat(order.total()).isEqualTo(Money.of("49.00", "EUR"));
		assertThat(order.createdAt()).isEqualTo(order.updatedAt());
	}

	@Test
	void rejectsLinesInDifferentCurrencies() {
		var lines = List.of(new OrderLine("MUG-001", "Mug", 1, Money.of("12.50", "EUR")),
				new OrderLine("TEE-001", "T-shirt", 1, Money.of("20.00", "GBP")));

		assertThatExceptionOfType(OrderRejectedException.class)
			.isThrownBy(() -> Order.place(UUID.randomUUID(), lines, ADDRESS, "tok_visa", null, null))
			.satisfies(ex -> assertThat(ex.slug()).isEqualTo("mixed-currencies"));
	}

	@Test
	void rejectsTheSameSkuOnTwoLines() {
		var lines = List.of(new OrderLine("MUG-001", "Mug", 1, Money.of("12.50", "EUR")),
				new OrderLine("MUG-001", "Mug", 2, Money.of("12.50", "EUR")));

		assertThatExceptionOfType(OrderRejectedException.class)
			.isThrownBy(() -> Order.place(UUID.randomUUID(), lines, ADDRESS, "tok_visa", null, null))
			.satisfies(ex -> assertThat(ex.slug()).isEqualTo("duplicate-sku"));
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 0, 1001 })
	void rejectsQuantitiesOutsideOneToAThousand(int quantity) {
		assertThatExceptionOfType(OrderRejectedException.class)
			.isThrownBy(() -> new OrderLine("MUG-001", "Mug", quantity, Money.of("12.50", "EUR")))
			.satisfies(ex -> assertThat(ex.slug()).isEqualTo("invalid-quantity"));
	}

	@Test
	void acceptsAHundredLinesButNotMore() {
		var lines = IntStream.rangeClosed(1, 101)
			.mapToObj(i -> new OrderLine("SKU-" + i, "Thing", 1000, Money.of("1.00", "EUR")))
			.toList();

		assertThat(Order.place(UUID.randomUUID(), lines.subList(0, 100), ADDRESS, "tok", null, null).lines())
			.hasSize(100);
		assertThatExceptionOfType(OrderRejectedException.class)
			.isThrownBy(() -> Order.place(UUID.randomUUID(), lines, ADDRESS, "tok", null, null));
		assertThatExceptionOfType(OrderRejectedException.class)
			.isThrownBy(() -> Order.place(UUID.randomUUID(), List.of(), ADDRESS, "tok", null, null));
	}

	@Test
	void goesThroughTheCheckoutToDelivered() {
		var order = placed();

		order.markReserved();
		order.markPaid();
		order.markShipped("TRACK-1");
		order.markDelivered();

		assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
		assertThat(order.trackingNumber()).isEqualTo("TRACK-1");
	}

	@Test
	void refusesTransitionsOutOfOrder() {
		var order = placed();

		assertThatIllegalStateException().isThrownBy(order::markPaid);
		assertThatIllegalStateException().isThrownBy(() -> order.markShipped("TRACK-1"));
		assertThatIllegalStateException().isThrownBy(order::markDelivered);
		order.markReserved();
		assertThatIllegalStateException().isThrownBy(order::markReserved);
		assertThat(order.status()).isEqualTo(OrderStatus.RESERVED);
	}

	@ParameterizedTest
	@EnumSource(names = { "PLACED", "RESERVED", "PAID" })
	void cancelsBeforeDispatchAndTellsTheStatusItHad(OrderStatus status) {
		var order = orderIn(status);

		assertThat(order.cancel(CancellationReason.CUSTOMER_REQUEST)).isEqualTo(status);
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.cancellationReason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
	}

	@ParameterizedTest
	@EnumSource(names = { "SHIPPED", "DELIVERED", "CANCELLED" })
	void refusesToCancelAfterDispatchOrTwice(OrderStatus status) {
		var order = orderIn(status);

		assertThatExceptionOfType(OrderNotCancellableException.class)
			.isThrownBy(() -> order.cancel(CancellationReason.CUSTOMER_REQUEST));
		assertThat(order.status()).isEqualTo(status);
	}

	@ParameterizedTest
	@EnumSource(names = { "PLACED", "RESERVED" })
	void customerCancelsAnUnpaidOrderAtOnce(OrderStatus status) {
		var order = orderIn(status);

		assertThat(order.cancelOnRequest()).isFalse();
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.cancellationReason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
		assertThat(order.cancellationRequest()).isNull();
	}

	@Test
	void customerOnlyRequestsTheCancellationOfAPaidOrderOnce() {
		var order = orderIn(OrderStatus.PAID);

		assertThat(order.cancelOnRequest()).isTrue();
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(order.cancellationRequest()).isEqualTo(CancellationRequest.PENDING);
		assertThat(order.cancellationRequestedAt()).isNotNull();
		assertThat(order.cancelOnRequest()).as("asking again while pending").isFalse();
		assertThat(order.isCancellationPending()).isTrue();
	}

	@Test
	void acceptedCancellationCancelsThePaidOrder() {
		var order = orderIn(OrderStatus.PAID);
		order.cancelOnRequest();

		order.acceptCancellation();

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.cancellationReason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
		assertThat(order.cancellationRequest()).isEqualTo(CancellationRequest.ACCEPTED);
		assertThatIllegalStateException().isThrownBy(() -> order.markShipped("TRACK-1"));
		assertThatExceptionOfType(OrderNotCancellableException.class).isThrownBy(order::cancelOnRequest);
	}

	@Test
	void refusedCancellationLeavesTheOrderToShip() {
		var order = orderIn(OrderStatus.PAID);
		order.cancelOnRequest();

		order.refuseCancellation();
		order.markShipped("TRACK-1");

		assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(order.cancellationRequest()).isEqualTo(CancellationRequest.REFUSED);
		assertThat(order.cancellationReason()).isNull();
		assertThatExceptionOfType(OrderAlreadyShippedException.class).isThrownBy(order::cancelOnRequest);
	}

	@Test
	void answersOnlyAPendingCancellation() {
		var order = orderIn(OrderStatus.PAID);

		assertThatIllegalStateException().isThrownBy(order::acceptCancellation);
		assertThatIllegalStateException().isThrownBy(order::refuseCancellation);
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
	}

	@ParameterizedTest
	@EnumSource(names = { "SHIPPED", "DELIVERED" })
	void customerCannotCancelAShippedOrder(OrderStatus status) {
		var order = orderIn(status);

		assertThatExceptionOfType(OrderAlreadyShippedException.class).isThrownBy(order::cancelOnRequest)
			.satisfies(problem -> assertThat(problem.getBody().getType())
				.hasToString("https://emporium.dev/problems/order-already-shipped"));
		assertThat(order.status()).isEqualTo(status);
		assertThat(order.cancellationRequest()).isNull();
	}

	@Test
	void cancelledOrderTakesNoFurtherStep() {
		var order = placed();
		order.cancel(CancellationReason.OUT_OF_STOCK);

		assertThatIllegalStateException().isThrownBy(order::markReserved);
		assertThat(order.cancellationReason()).isEqualTo(CancellationReason.OUT_OF_STOCK);
	}

	@Test
	void recognisesTheRequestItWasPlacedWith() {
		var order = Order.place(UUID.randomUUID(), List.of(new OrderLine("MUG-001", "Mug", 1, Money.of("1.00", "EUR"))),
				ADDRESS, "tok", "key-1", "abc");

		assertThat(order.wasPlacedWith("abc")).isTrue();
		assertThat(order.wasPlacedWith("abd")).isFalse();
	}

	static Order orderIn(OrderStatus status) {
		var order = placed();
		switch (status) {
			case PLACED -> {
			}
			case RESERVED -> order.markReserved();
			case PAID -> {
				order.markReserved();
				order.markPaid();
			}
			case SHIPPED -> {
				order.markReserved();
				order.markPaid();
				order.markShipped("TRACK-1");
			}
			case DELIVERED -> {
				order.markReserved();
				order.markPaid();
				order.markShipped("TRACK-1");
				order.markDelivered();
			}
			case CANCELLED -> order.cancel(CancellationReason.CUSTOMER_REQUEST);
		}
		return order;
	}

}
