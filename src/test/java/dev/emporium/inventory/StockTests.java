package dev.emporium.inventory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockTests {

	@Test
	void restockAddsToOnHandAndAvailable() {
		var stock = stockOf(10);
		stock.reserve(4);

		stock.restock(5);

		assertThat(stock.onHand()).isEqualTo(15);
		assertThat(stock.reserved()).isEqualTo(4);
		assertThat(stock.available()).isEqualTo(11);
	}

	@Test
	void rejectsNonPositiveQuantities() {
		var stock = stockOf(10);

		assertThatIllegalArgumentException().isThrownBy(() -> stock.restock(0));
		assertThatIllegalArgumentException().isThrownBy(() -> stock.reserve(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> stock.release(0));
		assertThatIllegalArgumentException().isThrownBy(() -> stock.commit(-3));
		assertThat(stock.onHand()).isEqualTo(10);
	}

	@Test
	void neverReservesMoreThanAvailable() {
		var stock = stockOf(5);
		stock.reserve(3);

		assertThat(stock.canReserve(2)).isTrue();
		assertThat(stock.canReserve(3)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> stock.reserve(3));
		assertThat(stock.reserved()).isEqualTo(3);
	}

	@Test
	void nothingIsReservableForZeroDemand() {
		assertThat(stockOf(5).canReserve(0)).isFalse();
	}

	@Test
	void releaseGivesReservedStockBack() {
		var stock = stockOf(5);
		stock.reserve(3);

		stock.release(2);

		assertThat(stock.reserved()).isEqualTo(1);
		assertThat(stock.available()).isEqualTo(4);
		assertThatIllegalStateException().isThrownBy(() -> stock.release(2));
	}

	@Test
	void commitTakesReservedStockOffHand() {
		var stock = stockOf(5);
		stock.reserve(3);

		stock.commit(3);

		assertThat(stock.onHand()).isEqualTo(2);
		assertThat(stock.reserved()).isZero();
		assertThat(stock.available()).isEqualTo(2);
		assertThatIllegalStateException().isThrownBy(() -> stock.commit(1));
	}

	@Test
	void refusesToRestockPastTheLimit() {
		var stock = stockOf(Stock.MAX_ON_HAND - 1);

		assertThatThrownBy(() -> stock.restock(2)).isInstanceOf(StockLimitExceededException.class);
		assertThat(stock.onHand()).isEqualTo(Stock.MAX_ON_HAND - 1);
	}

	private static Stock stockOf(int onHand) {
		var stock = new Stock("MUG-001");
		stock.restock(onHand);
		return stock;
	}

}
