package org.visaport.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    /** The local realm's policy, as Keycloak reports it. */
    private static final PasswordPolicy REALM = PasswordPolicy.parse("length(12) and maxLength(128) and digits(1) and "
            + "upperCase(1) and lowerCase(1) and notUsername and notEmail and passwordHistory(3)");

    @Test
    void aPasswordThatFitsEveryRulePasses() {
        assertThat(REALM.violation("Diplomatic-Pouch-2026", "anna@mission.example")).isEmpty();
    }

    @Test
    void eachMissingRequirementIsNamed() {
        assertThat(REALM.violation("all-lowercase-no-digits", "anna@mission.example")).hasValueSatisfying(why ->
                assertThat(why).contains("1 digit(s)").contains("1 upper-case letter(s)").doesNotContain("lower-case"));
        assertThat(REALM.violation("Sh0rt", "anna@mission.example")).hasValueSatisfying(why ->
                assertThat(why).contains("at least 12 characters"));
        assertThat(REALM.violation("A1" + "a".repeat(127), "anna@mission.example")).hasValueSatisfying(why ->
                assertThat(why).contains("at most 128 characters"));
    }

    @Test
    void theEmailAddressIsNotAPassword() {
        assertThat(REALM.violation("Anna.Envoy1@Mission.example", "anna.envoy1@mission.example")).isPresent();
    }

    @Test
    void rulesOnlyKeycloakCanJudgeAreLeftToIt() {
        PasswordPolicy policy = PasswordPolicy.parse("passwordHistory(3) and hashIterations(27500) and passwordBlacklist(list.txt)");
        assertThat(policy.violation("x", "a@b.example")).isEmpty();
        assertThat(PasswordPolicy.parse(null).violation("x", "a@b.example")).isEmpty();
        assertThat(PasswordPolicy.parse("specialChars(2)").violation("Ab1!", "a@b.example")).isPresent();
    }
}
