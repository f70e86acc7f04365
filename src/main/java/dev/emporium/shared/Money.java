package dev.emporium.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An amount in one ISO 4217 currency, kept at that currency's scale and written to JSON
 * as a decimal string.
 */
public record Money(
		@Schema(type = "string", description = "A decimal number at the currency's scale",
				example = "12.50") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
		@Schema(description = "ISO 4217 currency code", example = "EUR") String currency) {

	public Money {
		Objects.requireNonNull(amount, "A money amount is required");
		Objects.requireNonNull(currency, "A currency is required");
		var iso = isoCurrency(currency);
		try {
			amount = amount.setScale(Math.max(iso.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("%s amounts have at most %d decimal places, got %s".formatted(currency,
					iso.getDefaultFractionDigits(), amount.toPlainString()));
		}
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency);
	}

	public static Money zero(String currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public Money plus(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot add %s to %s".formatted(other.currency, currency));
		}
		return new Money(amount.add(other.amount), currency);
	}

	public Money times(int quantity) {
		return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
	}

	@JsonIgnore
	public boolean isPositive() {
		return amount.signum() > 0;
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + currency;
	}

	private static Currency isoCurrency(String code) {
		try {
			var iso = Currency.getInstance(code);
			if (iso.getCurrencyCode().equals(code)) {
				return iso;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below with the offending code
		}
		throw new IllegalArgumentException("'%s' is not an ISO 4217 currency code".formatted(code));
	}

}
