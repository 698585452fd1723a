package org.visaport.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void theStandardWebhooksTestVectorIsReproducedExactly() {
        // Published with the Standard Webhooks reference libraries.
        assertThat(Signatures.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aNewSecretIsThirtyTwoRandomBytesInBase64AfterThePrefix() {
        String secret = Signatures.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(Signatures.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void aSignatureVerifiesWithItsSecretOnlyAndForItsExactMessage() {
        String secret = Signatures.newSecret();
        String header = Signatures.sign("d1", 1_764_000_000L, "{\"a\":1}", List.of(secret));

        assertThat(Receiver.verifies(secret, "d1", "1764000000", "{\"a\":1}", header)).isTrue();
        assertThat(Receiver.verifies(Signatures.newSecret(), "d1", "1764000000", "{\"a\":1}", header)).isFalse();
        assertThat(Receiver.verifies(secret, "d2", "1764000000", "{\"a\":1}", header)).isFalse();
        assertThat(Receiver.verifies(secret, "d1", "1764000001", "{\"a\":1}", header)).isFalse();
        assertThat(Receiver.verifies(secret, "d1", "1764000000", "{\"a\":2}", header)).isFalse();
    }

    @Test
    void duringARotationEitherSecretVerifies() {
        String current = Signatures.newSecret();
        String previous = Signatures.newSecret();
        String header = Signatures.sign("d1", 1_764_000_000L, "{}", List.of(current, previous));

        assertThat(header.split(" ")).hasSize(2).allMatch(signature -> signature.startsWith("v1,"));
        assertThat(Receiver.verifies(current, "d1", "1764000000", "{}", header)).isTrue();
        assertThat(Receiver.verifies(previous, "d1", "1764000000", "{}", header)).isTrue();
        assertThat(Receiver.verifies(Signatures.newSecret(), "d1", "1764000000", "{}", header)).isFalse();
    }

    /** A receiver's check, written from the Standard Webhooks specification alone, independent of {@link Signatures}. */
    static final class Receiver {

        static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader) {
            try {
                byte[] key = Base64.getDecoder().decode(secret.replaceFirst("^whsec_", ""));
                Mac hmac = Mac.getInstance("HmacSHA256");
                hmac.init(new SecretKeySpec(key, "HmacSHA256"));
                byte[] expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                for (String versioned : signatureHeader.split(" ")) {
                    String[] parts = versioned.split(",", 2);
                    if (parts.length == 2 && parts[0].equals("v1")
                            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                        return true;
                    }
                }
                return false;
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
