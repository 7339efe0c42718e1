package nl.geboorteketen.server.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.geboorteketen.server.security.DevTokens;

/**
 * Test keys and tokens: one RSA key per test run, published to the server as a JWKS file
 * (GK_JWKS), and tokens for every kind of caller signed with it.
 */
public final class TestTokens {

  public static final String ISSUER = "https://idp.test.geboorteketen.nl";
  public static final String AUDIENCE = "https://fhir.test.geboorteketen.nl";
  private static final RSAKey KEY = generate("gk-test-key");
  private static final RSAKey STRANGER = generate("not-trusted");
  private static Path jwksFile;

  private TestTokens() {}

  /** The JWKS file holding the public test key (created once per run). */
  public static synchronized Path jwksFile() {
    if (jwksFile == null) {
      try {
        jwksFile = Files.createTempFile("gk-test-jwks-", ".json");
        Files.writeString(jwksFile, new JWKSet(KEY.toPublicJWK()).toString());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return jwksFile;
  }

  public static String beheerder() {
    return sign(new JWTClaimsSet.Builder().subject("test-beheerder").claim("client_id", "test-suite")
        .claim("gk_role", "beheerder").claim("scope", "system/*.cruds"));
  }

  public static String partner(String role, String organisation) {
    return sign(new JWTClaimsSet.Builder().subject("test-" + role).claim("client_id", "test-ehr-" + role)
        .claim("gk_role", role).claim("gk_org", organisation).claim("scope", "system/*.cruds"));
  }

  public static String pgo(String bsn) {
    return sign(new JWTClaimsSet.Builder().subject("test-pgo-" + bsn).claim("client_id", "test-pgo")
        .claim("gk_bsn", bsn).claim("scope", "patient/*.rs"));
  }

  public static String sign(JWTClaimsSet.Builder claims) {
    return DevTokens.sign(claims, KEY, ISSUER, AUDIENCE, 600);
  }

  public static String expired() {
    return DevTokens.sign(new JWTClaimsSet.Builder().subject("late").claim("gk_role", "beheerder")
        .claim("scope", "system/*.cruds"), KEY, ISSUER, AUDIENCE, -120);
  }

  public static String signedByStranger() {
    return DevTokens.sign(new JWTClaimsSet.Builder().subject("mallory").claim("gk_role", "beheerder")
        .claim("scope", "system/*.cruds"), STRANGER, ISSUER, AUDIENCE, 600);
  }

  public static String wrongAudience() {
    return DevTokens.sign(new JWTClaimsSet.Builder().subject("elsewhere").claim("gk_role", "beheerder")
        .claim("scope", "system/*.cruds"), KEY, ISSUER, "https://other.example", 600);
  }

  private static RSAKey generate(String id) {
    try {
      return new RSAKeyGenerator(2048).keyID(id).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
