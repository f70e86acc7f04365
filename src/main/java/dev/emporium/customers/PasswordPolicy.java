package dev.emporium.customers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.passay.DictionaryRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The rules a new password must meet, after NIST SP 800-63B: a length of
 * {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters, any character, no composition
 * rules, and none of the most common passwords, the account's e-mail address or one
 * character repeated (docs/security.md, "Passwords").
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 128;

	/** From the npm package {@code @zxcvbn-ts/language-common}; licence beside it. */
	static final String COMMON_PASSWORDS = "customers/common-passwords.txt";

	private static final Map<String, String> MESSAGES = Map.of(LengthRule.ERROR_CODE_MIN,
			"must have at least %d characters".formatted(MIN_LENGTH), LengthRule.ERROR_CODE_MAX,
			"must have at most %d characters".formatted(MAX_LENGTH), DictionaryRule.ERROR_CODE,
			"is one of the most common passwords: choose another", UsernameRule.ERROR_CODE,
			"must not contain the e-mail address", SingleCharacterRule.ERROR_CODE,
			"must not be one character repeated");

	private final PasswordValidator validator;

	PasswordPolicy() {
		var common = new ArrayWordList(commonPasswords(), false, new ArraysSort());
		this.validator = new PasswordValidator(new LengthRule(MIN_LENGTH, MAX_LENGTH),
				new DictionaryRule(new WordListDictionary(common)), new UsernameRule(false, true),
				new SingleCharacterRule());
	}

	/**
	 * What is wrong with a new password for the account with this e-mail address.
	 * @return one message per broken rule, empty when the password is acceptable
	 */
	List<String> violations(String password, String email) {
		if (password == null) {
			return List.of("must not be null");
		}
		RuleResult result = validator.validate(new PasswordData(email == null ? "" : email, password));
		return result.getDetails()
			.stream()
			.map(RuleResultDetail::getErrorCode)
			.distinct()
			.map(code -> MESSAGES.getOrDefault(code, code))
			.toList();
	}

	private static String[] commonPasswords() {
		try (var reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource(COMMON_PASSWORDS, PasswordPolicy.class.getClassLoader()).getInputStream(),
				StandardCharsets.UTF_8))) {
			return reader.lines().filter(line -> !line.isEmpty()).toArray(String[]::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The list of common passwords " + COMMON_PASSWORDS + " is missing", ex);
		}
	}

	/**
	 * Refuses a password made of one character only, such as eight spaces: NIST's
	 * "repetitive characters".
	 */
	static final class SingleCharacterRule implements org.passay.Rule {

		static final String ERROR_CODE = "SINGLE_CHARACTER";

		@Override
		public RuleResult validate(PasswordData data) {
			var password = data.getPassword();
			var result = new RuleResult(true);
			if (!password.isEmpty() && password.codePoints().distinct().count() == 1) {
				result.addError(ERROR_CODE, Map.of());
			}
			return result;
		}

	}

}
