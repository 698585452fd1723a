package org.visaport.identity.keycloak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The realm's password policy (Keycloak's syntax, e.g. {@code length(12) and digits(1) and notEmail}), checked here
 * before anything is stored, so a weak password gets the same answer whether or not the address is known. Rules that
 * only Keycloak can judge (history, deny lists, hashing settings) are left to Keycloak.
 */
public record PasswordPolicy(List<Rule> rules) {

    private static final Pattern RULE = Pattern.compile("([A-Za-z]+)(?:\\(([^)]*)\\))?");

    public record Rule(String name, String value) {
    }

    public static PasswordPolicy parse(String policy) {
        List<Rule> rules = new ArrayList<>();
        if (policy != null) {
            for (String part : policy.split("\\s+and\\s+")) {
                Matcher rule = RULE.matcher(part.strip());
                if (rule.matches()) {
                    rules.add(new Rule(rule.group(1), rule.group(2)));
                }
            }
        }
        return new PasswordPolicy(List.copyOf(rules));
    }

    /** Why the password does not fit, in words an applicant can act on; empty if it fits. */
    public Optional<String> violation(String password, String email) {
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules) {
            int n = number(rule.value());
            switch (rule.name()) {
                case "length" -> check(password.length() >= n, "at least " + n + " characters", problems);
                case "maxLength" -> check(password.length() <= n, "at most " + n + " characters", problems);
                case "digits" -> check(count(password, Character::isDigit) >= n, n + " digit(s)", problems);
                case "upperCase" -> check(count(password, Character::isUpperCase) >= n, n + " upper-case letter(s)", problems);
                case "lowerCase" -> check(count(password, Character::isLowerCase) >= n, n + " lower-case letter(s)", problems);
                case "specialChars" -> check(count(password, c -> !Character.isLetterOrDigit(c)) >= n,
                        n + " special character(s)", problems);
                case "notUsername", "notEmail" -> check(!password.toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT)),
                        "something other than the e-mail address", problems);
                case "regexPattern" -> check(rule.value() != null && password.matches(rule.value()), "the required pattern", problems);
                default -> {
                    // Not judged here; Keycloak applies it when the account is created.
                }
            }
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of("must have " + String.join(", ", problems.stream().distinct().toList()));
    }

    private static void check(boolean ok, String requirement, List<String> problems) {
        if (!ok) {
            problems.add(requirement);
        }
    }

    private static long count(String password, java.util.function.IntPredicate kind) {
        return password.codePoints().filter(kind).count();
    }

    private static int number(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
