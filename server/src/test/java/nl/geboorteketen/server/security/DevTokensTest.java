package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The development issuer's tokens verify with its own key, which survives a restart. */
class DevTokensTest {

  @Test
  void seededIdentitiesGetVerifiableTokensAndTheKeyIsKept() throws Exception {
    Path dir = Files.createTempDirectory("gk-dev-");
    DevTokens dev = DevTokens.load(dir, "https://iss", "https://aud");
    TokenVerifier verifier = new TokenVerifier("", List.of(dev.publicKey()), "https://iss", "https://aud");
    Caller midwife = verifier.verify(dev.tokenFor("verloskundige-jansen").orElseThrow());
    assertEquals("verloskundige", midwife.role());
    assertEquals("Organization/family-jansen-verloskundigenpraktijk", midwife.organisation());
    assertTrue(dev.tokenFor("nobody").isEmpty());
    assertEquals(dev.publicKey(), DevTokens.load(dir, "https://iss", "https://aud").publicKey(), "key kept in data dir");

    TokenVerifier otherAudience = new TokenVerifier("", List.of(dev.publicKey()), "https://iss", "https://elsewhere");
    assertThrows(TokenVerifier.InvalidTokenException.class,
        () -> otherAudience.verify(dev.tokenFor("beheerder").orElseThrow()));
    var pgoClaims = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        .put("sub", "dev-pgo").put("gk_bsn", "999911120").put("scope", "patient/*.rs");
    assertEquals("999911120", verifier.verify(dev.tokenFor(pgoClaims, 60)).bsn());
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(dev.tokenFor(pgoClaims, -60)),
        "a negative lifetime gives an expired token");
    var expired = com.nimbusds.jwt.SignedJWT.parse(dev.tokenFor(pgoClaims, -60)).getJWTClaimsSet();
    assertTrue(expired.getNotBeforeTime().before(expired.getExpirationTime()), "it was valid once: nbf before exp");
    assertTrue(expired.getIssueTime().before(expired.getExpirationTime()));
    TokenVerifier withoutDevKey = new TokenVerifier("", List.of(), "https://iss", "https://aud");
    assertThrows(TokenVerifier.InvalidTokenException.class,
        () -> withoutDevKey.verify(dev.tokenFor("beheerder").orElseThrow()));
  }

  /** A token verified before is remembered by its whole text: the same claims with another signature are not. */
  @Test
  void aRememberedTokenDoesNotVouchForATamperedOne() throws Exception {
    DevTokens dev = DevTokens.load(Files.createTempDirectory("gk-dev-"), "https://iss", "https://aud");
    TokenVerifier verifier = new TokenVerifier("", List.of(dev.publicKey()), "https://iss", "https://aud");
    String token = dev.tokenFor("verloskundige-jansen").orElseThrow();
    assertEquals("verloskundige", verifier.verify(token).role());
    assertEquals("verloskundige", verifier.verify(token).role(), "again, from memory");
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(forged));
    String otherKey = DevTokens.load(Files.createTempDirectory("gk-dev-"), "https://iss", "https://aud")
        .tokenFor("beheerder").orElseThrow();
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(otherKey));
  }
}
