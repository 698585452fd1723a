package org.visaport.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com/): {@code v1,} and the base64 HMAC-SHA256, keyed with
 * the base64-decoded part of the {@code whsec_} secret, of {@code "{webhook-id}.{webhook-timestamp}.{body}"}. With
 * several secrets (during a rotation's grace period) the signatures are separated by spaces; receivers accept a
 * message if any one matches a secret they know.
 */
final class Signatures {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** A new secret: {@code whsec_} and 32 random bytes in base64. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header: one {@code v1,…} per secret, space-separated. */
    static String sign(String id, long timestamp, String body, List<String> secrets) {
        return secrets.stream().map(secret -> sign(id, timestamp, body, secret)).collect(Collectors.joining(" "));
    }

    static String sign(String id, long timestamp, String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
    }
}
